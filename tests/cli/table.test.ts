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
