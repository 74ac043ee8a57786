/**
 * Brings tests/corpus/seeds.reviewed.json up to date with what the engine
 * finds on the seed documents now: findings already reviewed keep their
 * verdict and reason, new ones get the verdict "te beoordelen" (the corpus
 * test fails until a person reviews them), and findings that no longer occur
 * are listed on stdout and dropped.
 *
 *   npx tsx scripts/review-seeds.ts
 */
import { writeFileSync } from 'node:fs';
import { findingKey, readReviewed, REVIEWED_FILE, seedFindings, type ReviewedFinding } from '../tests/corpus/seedFindings';

const previous = new Map<string, ReviewedFinding[]>();
for (const r of readReviewed()) {
  const key = findingKey(r);
  previous.set(key, [...(previous.get(key) ?? []), r]);
}
const findings: ReviewedFinding[] = seedFindings().map((f) => {
  const earlier = previous.get(findingKey(f))?.shift();
  return { ...f, verdict: earlier?.verdict ?? 'te beoordelen', reason: earlier?.reason ?? '' };
});
for (const [, rest] of previous) for (const gone of rest) console.log(`verdwenen: ${findingKey(gone)} (${gone.verdict}: ${gone.reason})`);
const fresh = findings.filter((f) => f.verdict === 'te beoordelen').length;
writeFileSync(
  REVIEWED_FILE,
  JSON.stringify(
    {
      about:
        'The term findings of `reintegratie termen` on the five seed documents, each reviewed by hand: verdict "juist" with a one-line reason. tests/corpus/seeds.test.ts fails when a finding appears or disappears, or a verdict is not "juist". Update with `npx tsx scripts/review-seeds.ts`, then review every entry marked "te beoordelen".',
      findings,
    },
    null,
    1,
  ) + '\n',
);
console.log(`${findings.length} bevindingen, ${fresh} te beoordelen`);
