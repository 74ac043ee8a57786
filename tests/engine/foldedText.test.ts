import { foldCodeUnit } from '../../src/definitions/normaliseForm';
import { foldText, MAX_EXPANSION } from '../../src/engine/foldedText';

test('no code unit folds to more characters than the folder makes room for', () => {
  let longest = 0;
  for (let code = 0; code < 0x10000; code++) longest = Math.max(longest, foldCodeUnit(code).length);
  expect(longest).toBeLessThanOrEqual(MAX_EXPANSION);
});

test('folding: case, diacritics, whitespace runs, line-break hyphens, and the map back', () => {
  const source = 'Reïntegratie-\n  bedrijf\t\tvan  de Cliënt\u00ad\n\nEinde';
  const folded = foldText(source);
  expect(folded.text).toBe('reintegratiebedrijf van de client einde');
  expect(folded.joints).toEqual([12]);
  expect(folded.paragraphBreaks).toEqual([33]);
  expect(Array.from(folded.spaces)).toEqual([19, 23, 26, 33]);
  const word = (start: number, end: number) => source.slice(folded.origin[start], folded.originEnd(end - 1));
  expect(word(0, 19)).toBe('Reïntegratie-\n  bedrijf');
  expect(word(27, 33)).toBe('Cliënt\u00ad');
  expect(word(34, 39)).toBe('Einde');
});

test('characters that fold to several characters take the general path with the same map', () => {
  const source = '가 klantmanager';
  const folded = foldText(source);
  expect(folded.text.endsWith(' klantmanager')).toBe(true);
  const at = folded.text.indexOf('klantmanager');
  expect(source.slice(folded.origin[at], folded.originEnd(at + 11))).toBe('klantmanager');
  expect(folded.text.length).toBeGreaterThan(source.length - 1);
  expect(Array.from(folded.spaces)).toEqual([at - 1]);
});
