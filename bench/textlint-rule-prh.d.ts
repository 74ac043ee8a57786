/** textlint-rule-prh ships no types; it is a plain textlint rule module. */
declare module 'textlint-rule-prh' {
  import type { TextlintKernelRule } from '@textlint/kernel';
  const rule: TextlintKernelRule['rule'];
  export default rule;
}
