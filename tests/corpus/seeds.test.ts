/**
 * The reviewed corpus: what `reintegratie termen` finds on the five seed
 * documents (real Dutch text nobody wrote for this product) must be exactly
 * the reviewed list in seeds.reviewed.json, and every finding in it must be
 * one an analyst defends ("juist", with a reason). A finding that appears or
 * disappears fails here until it is reviewed (`npx tsx scripts/review-seeds.ts`).
 */
import { findingKey, readReviewed, seedDocuments, seedFindings } from './seedFindings';

const reviewed = readReviewed();
const actual = seedFindings();

test('the five seed documents are in the repository', () => {
  expect(seedDocuments()).toHaveLength(5);
});

test('the findings on the seeds are exactly the reviewed ones', () => {
  const count = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
  const want = count(reviewed.map(findingKey));
  const got = count(actual.map(findingKey));
  const appeared = [...got].filter(([k, n]) => n > (want.get(k) ?? 0)).map(([k]) => k);
  const disappeared = [...want].filter(([k, n]) => n > (got.get(k) ?? 0)).map(([k]) => k);
  expect({ appeared, disappeared }).toEqual({ appeared: [], disappeared: [] });
});

test('every reviewed finding is defended with a reason', () => {
  const undefended = reviewed.filter((f) => f.verdict !== 'juist' || f.reason.trim().length < 20);
  expect(undefended).toEqual([]);
});
