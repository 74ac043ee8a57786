import { renderReport, renderTable } from '../../src/cli/table';
import type { Finding } from '../../src/engine/findings';

const finding = (over: Partial<Finding>): Finding => ({
  sheet: 'Cliënten',
  cell: 'I4',
  row: 4,
  column: 'Status',
  code: 'WAARDE_ONBEKEND',
  severity: 'fout',
  term: 'trajectstatus',
  message: "Status: 'Geplaatsd' staat niet in de codelijst.",
  value: 'Geplaatsd',
  suggestion: 'Geplaatst',
  suggestions: ['Geplaatst'],
  fragment: null,
  offset: null,
  ...over,
});

test('severities in colour only when asked; columns stay aligned', () => {
  const findings = [finding({}), finding({ cell: 'T10', severity: 'waarschuwing', code: 'TERM_NIET_CONFORM', fragment: 'klantmanager' })];
  const plain = renderTable(findings, { colour: false });
  expect(plain).not.toMatch(/\u001b/);
  const coloured = renderTable(findings, { colour: true });
  expect(coloured).toContain('\u001b[31mfout');
  expect(coloured).toContain('\u001b[33mwaarschuwing');
  const stripped = coloured.replace(/\u001b\[\d+m/g, '');
  expect(stripped).toBe(plain);
  const [header, , first, second] = plain.split('\n');
  expect(first.indexOf('WAARDE_ONBEKEND')).toBe(header.indexOf('Code'));
  expect(second.indexOf('klantmanager')).toBe(header.indexOf('Waarde'));
});

test('long values are clipped, line breaks shown as ⏎; the limit is announced', () => {
  const long = finding({ value: 'x'.repeat(100), suggestion: 'regel 1\nregel 2' });
  const table = renderTable([long], { colour: false, maxCell: 20 });
  expect(table).toContain('x'.repeat(19) + '…');
  expect(table).toContain('regel 1⏎regel 2');
  const report = renderReport({ file: 'a.xlsx', version: '1.0.0', profile: null, rows: 3, findings: [long, long, long] }, { colour: false }, { one: 'rij', many: 'rijen' }, 2);
  expect(report).toContain('… en nog 1 bevindingen');
  expect(report).toContain('3 bevindingen: 3 fouten, 0 waarschuwingen, 0 info (3 rijen gecontroleerd).');
});

test('a table of 300,000 findings (no spread of every row into one call)', () => {
  const findings = Array.from({ length: 300_000 }, (_, i) => finding({ cell: `I${i + 2}`, row: i + 2, value: i === 299_999 ? 'Geplaatsd langer' : 'Geplaatsd' }));
  const lines = renderTable(findings, { colour: false }).split('\n');
  expect(lines.length).toBe(300_002);
  // Widths come from every row, the last included.
  expect(lines[0].indexOf('Suggestie')).toBe(lines[300_001].indexOf('Geplaatst'));
});

test('control characters in a value, a message or a file name are shown escaped', () => {
  const hostile = finding({ value: '\u001b]0;titel\u0007Geplaatsd\u009b2J', message: "Status: '\u001b[8mverborgen' staat niet in de codelijst." });
  const text = renderReport({ file: 'a\u001b[2Kb.xlsx', version: '1.0.0', profile: 'P\u0000', findings: [hostile], rows: 1 }, { colour: false }, { one: 'rij', many: 'rijen' });
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  expect(text).toContain('a\\x1B[2Kb.xlsx');
  expect(text).toContain('profiel: P\\x00');
  expect(text).toContain('\\x1B]0;titel\\x07Geplaatsd\\x9B2J');
  expect(text).toContain("Status: '\\x1B[8mverborgen' staat niet in de codelijst.");
});
