/** @type {import('jest').Config} */
module.exports = {
  // Node by default; a React component test opts into jsdom with a
  // `@jest-environment jsdom` docblock.
  testEnvironment: 'node',
  // src is a root too, so that coverage sees every source file, also those no test imports.
  roots: ['<rootDir>/tests', '<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    // Type checking runs once in `npm run typecheck`; jest only transpiles.
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 60000,
  // `npm run coverage` measures every source file, also those no test imports.
  collectCoverageFrom: ['<rootDir>/src/**/*.{ts,tsx}', '!<rootDir>/src/**/*.d.ts'],
  coverageReporters: ['text-summary', 'json-summary'],
};
