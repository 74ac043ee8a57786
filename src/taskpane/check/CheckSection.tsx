/**
 * Controleren: check the workbook or the active sheet, the counts per
 * severity written out, the findings grouped by code (filterable,
 * virtualised), click to select the cell, marks, the Controle sheet, and
 * "Negeer" with the list of accepted findings ("Genegeerd").
 */
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { sectionStyles } from '../common/sectionStyles';
import { ChevronDown16Regular, ChevronRight16Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ProfileError } from '../../definitions/profile';
import { placeText, subjectText } from '../../engine/findingPresentation';
import { CATALOGUE, summarise, type Finding, type FindingCode, type Severity } from '../../engine/findings';
import { checkThroughPort, type CheckFlowResult } from '../../workbook/flows/checkFlow';
import { parseAddress } from '../../workbook/flows/markPlan';
import { clearMarks, markFindings, writeControlSheet } from '../../workbook/flows/markFlow';
import { OWN_SHEET_LABELS } from '../../workbook/flows/ownSheets';
import { acceptFinding, restoreAccepted, splitAccepted } from '../../workbook/flows/storedState';
import type { AcceptedFinding, StoredState } from '../../workbook/port';
import { AcceptedList } from '../common/AcceptedList';
import { IgnoreDialog } from '../common/IgnoreDialog';
import { TaskProgress, useLongTask } from '../common/longTask';
import { errorText } from '../common/errorText';
import { SeverityCount, SeverityLabel, SEVERITY_LABELS } from '../common/severity';
import { VirtualRows } from '../common/VirtualRows';
import { usePane } from '../paneContext';
import { filterChoices, filterFindings, groupRows, NO_FILTER, type FindingFilter, type ListRow } from './findingRows';

type CheckScope = 'werkmap' | 'blad';

const GROUP_HEIGHT = 40;
const FINDING_HEIGHT = 68;
const rowHeight = (row: ListRow) => (row.kind === 'group' ? GROUP_HEIGHT : FINDING_HEIGHT);

const useStyles = makeStyles({
  ...sectionStyles,
  counts: { display: 'flex', flexWrap: 'wrap', columnGap: '16px', rowGap: '4px', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  filters: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '8px' },
  wide: { gridColumn: '1 / -1' },
  group: { display: 'flex', alignItems: 'center', columnGap: '6px', height: '100%', padding: '0 8px', backgroundColor: tokens.colorNeutralBackground3 },
  groupText: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  finding: { display: 'flex', flexDirection: 'column', rowGap: '2px', height: '100%', padding: '6px 8px 4px 26px', boxSizing: 'border-box' },
  findingTop: { display: 'flex', alignItems: 'center', columnGap: '8px' },
  place: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', flexGrow: 1, minWidth: 0 },
  message: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    overflowWrap: 'anywhere',
  },
  details: {
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'flex',
    flexDirection: 'column',
    rowGap: '4px',
    overflowWrap: 'anywhere',
  },
});

const number = new Intl.NumberFormat('nl-NL');

function resplit(result: CheckFlowResult, stored: StoredState): CheckFlowResult {
  const { counted, accepted } = splitAccepted(result.check.findings, stored.accepted);
  return { ...result, findings: counted, accepted, stored };
}

export function CheckSection() {
  const pane = usePane();
  const styles = useStyles();
  const long = useLongTask();
  const [scope, setScope] = useState<CheckScope>('werkmap');
  const [activeSheet, setActiveSheet] = useState<string | null>(null);
  const [result, setResult] = useState<CheckFlowResult | null>(null);
  const [error, setError] = useState<{ text: string; profile: boolean } | null>(null);
  const [status, setStatus] = useState('');
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const [collapsed, setCollapsed] = useState<ReadonlySet<FindingCode>>(new Set());
  const [current, setCurrent] = useState<Finding | null>(null);
  const [ignoring, setIgnoring] = useState<Finding | null>(null);
  const [busy, setBusy] = useState(false);
  /** Checks finished in this pane (a data attribute, so that scripts can tell one check from the next). */
  const [finished, setFinished] = useState(0);

  const readActiveSheet = useCallback(async () => {
    try {
      setActiveSheet((await pane.port.describe()).activeSheet);
    } catch {
      setActiveSheet(null);
    }
  }, [pane.port]);

  useEffect(() => {
    void readActiveSheet();
    setResult(null);
    setCurrent(null);
    setFilter(NO_FILTER);
  }, [readActiveSheet]);

  // Accepting or restoring a finding anywhere in the pane (here or in Termen) re-splits the result at once.
  useEffect(() => {
    if (pane.stored !== null) setResult((r) => (r === null || r.stored === pane.stored ? r : resplit(r, pane.stored as StoredState)));
  }, [pane.stored]);

  const fail = (e: unknown) => setError({ text: errorText(e), profile: e instanceof ProfileError });

  const check = async () => {
    setError(null);
    setStatus('');
    try {
      const info = await pane.port.describe();
      setActiveSheet(info.activeSheet);
      if (scope === 'blad' && info.activeSheet === null) throw new Error('Er is geen actief werkblad.');
      const outcome = await long.run('Controleren', (signal, progress) =>
        checkThroughPort(pane.port, {
          set: pane.set,
          sheets: scope === 'blad' ? [info.activeSheet as string] : undefined,
          signal,
          pause: pane.pause,
          onProgress: (phase, done, total) => progress(done, total, phase === 'lezen' ? 'Werkmap lezen' : 'Controleren'),
        }),
      );
      if (!outcome.ok) {
        setStatus('Controle afgebroken; de vorige uitkomst staat er nog.');
        return;
      }
      setResult(outcome.value);
      setFinished((n) => n + 1);
      setCurrent(null);
      setFilter(NO_FILTER);
      setCollapsed(new Set());
      const s = summarise(outcome.value.findings);
      setStatus(`Controle klaar: ${s.fout} ${s.fout === 1 ? 'fout' : 'fouten'}, ${s.waarschuwing} ${s.waarschuwing === 1 ? 'waarschuwing' : 'waarschuwingen'}, ${s.info} info.`);
      await pane.refreshStored();
    } catch (e) {
      fail(e);
    }
  };

  /** Runs a short action on the workbook; the section is busy meanwhile. */
  const act = async (label: string, work: () => Promise<string>) => {
    setError(null);
    setBusy(true);
    try {
      const outcome = await long.run(label, () => work(), false);
      if (outcome.ok) setStatus(outcome.value);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const selectCell = async (f: Finding) => {
    setCurrent(f);
    if (f.sheet === null || f.cell === null) return;
    const at = parseAddress(f.cell);
    if (at === undefined) return;
    try {
      await pane.port.select({ sheet: f.sheet, row: at.row, col: at.col });
      setActiveSheet(f.sheet);
      setStatus(`Cel ${f.sheet}!${f.cell} geselecteerd.`);
    } catch (e) {
      fail(e);
    }
  };

  const ignore = (f: Finding, reason: string) => {
    setIgnoring(null);
    void act('Negeren', async () => {
      await acceptFinding(pane.port, f, reason);
      await pane.refreshStored();
      setCurrent(null);
      return `Bevinding ${f.code} in ${placeText(f)} genegeerd; ze telt niet meer mee.`;
    });
  };

  const restore = (a: AcceptedFinding) =>
    act('Herstellen', async () => {
      await restoreAccepted(pane.port, a);
      await pane.refreshStored();
      return `Bevinding ${a.code} in ${a.sheet ?? ''}${a.cell !== null ? `!${a.cell}` : ''} telt weer mee.`;
    });

  const findings = result?.findings ?? [];
  const visible = useMemo(() => filterFindings(findings, filter), [findings, filter]);
  const rows = useMemo(() => groupRows(visible, collapsed), [visible, collapsed]);
  const choices = useMemo(() => filterChoices(findings), [findings]);
  const counts = summarise(findings);
  const toggleGroup = (code: FindingCode) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  const running = long.task !== null;
  const accepted = pane.stored?.accepted ?? [];
  const profileName = result?.defs.profile?.naam ?? null;
  const profileNote =
    result === null ? '' : profileName === null ? 'profiel: geen (standaardset)' : `profiel: ${profileName}${result.profileSource === 'werkmap' ? ' (uit de werkmap)' : ''}`;

  return (
    <section
      className={styles.section}
      aria-labelledby="controleren-kop"
      data-controles={finished}
      // The user may have gone to another sheet in the meantime: the label of "Actief werkblad" follows.
      onPointerEnter={() => void readActiveSheet()}
      onFocus={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void readActiveSheet();
      }}
    >
      <h2 id="controleren-kop" className={styles.heading}>
        Rapportage controleren
      </h2>
      <RadioGroup value={scope} onChange={(_e, data) => setScope(data.value as CheckScope)} aria-label="Wat controleren" layout="vertical">
        <Radio value="werkmap" label="Hele werkmap" />
        <Radio value="blad" label={activeSheet !== null ? `Actief werkblad (${activeSheet})` : 'Actief werkblad'} />
      </RadioGroup>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={check} disabled={running || busy}>
          Controleren
        </Button>
      </div>
      {long.task !== null && <TaskProgress task={long.task} onCancel={long.cancel} />}
      {error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{error.text}</MessageBarBody>
          {error.profile && (
            <MessageBarActions>
              <Button size="small" onClick={() => pane.showSection('profiel')}>
                Naar Profiel
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      <div role="status" aria-live="polite" className={styles.muted}>
        {status}
      </div>

      {result !== null && (
        <>
          <div aria-label="Samenvatting" role="group" className={styles.counts} data-samenvatting="">
            <SeverityCount severity="fout" count={counts.fout} />
            <SeverityCount severity="waarschuwing" count={counts.waarschuwing} />
            <SeverityCount severity="info" count={counts.info} />
          </div>
          <Text className={styles.muted}>
            Definitieset {result.defs.version} · {profileNote}
            {result.check.report ? ` · ${number.format(result.check.rows)} ${result.check.rows === 1 ? 'cliëntrij' : 'cliëntrijen'}` : ' · geen rapportage: alleen termen gecontroleerd'}
            {result.accepted.length > 0 ? ` · ${result.accepted.length} ${result.accepted.length === 1 ? 'genegeerde bevinding' : 'genegeerde bevindingen'} niet meegeteld` : ''}
            {result.skipped.length > 0 ? ` · niet gecontroleerd: ${result.skipped.map((s) => `${s.sheet} (${OWN_SHEET_LABELS[s.kind]})`).join(', ')}` : ''}
          </Text>
        </>
      )}

      <div className={styles.actions}>
        <Button
          disabled={running || busy || result === null || findings.length === 0}
          onClick={() => act('Markeren', async () => {
            const n = await markFindings(pane.port, findings);
            return `${number.format(n)} ${n === 1 ? 'cel' : 'cellen'} gemarkeerd in het werkblad.`;
          })}
        >
          Markeer in werkblad
        </Button>
        <Button
          disabled={running || busy}
          onClick={() => act('Markeringen wissen', async () => {
            const n = await clearMarks(pane.port);
            return n === 0 ? 'Er waren geen markeringen.' : `Markeringen gewist van ${number.format(n)} ${n === 1 ? 'cel' : 'cellen'}.`;
          })}
        >
          Markeringen wissen
        </Button>
        <Button
          disabled={running || busy || result === null}
          onClick={() => act('Controleblad maken', async () => {
            const r = result as CheckFlowResult;
            const name = await writeControlSheet(pane.port, r.findings, {
              source: pane.workbookName,
              version: r.defs.version,
              profile: r.defs.profile?.naam ?? null,
              accepted: r.accepted.length,
              skipped: r.skipped.map((s) => s.sheet),
            });
            return `Controleblad '${name}' gemaakt met ${number.format(r.findings.length)} ${r.findings.length === 1 ? 'bevinding' : 'bevindingen'}.`;
          })}
        >
          Controleblad maken
        </Button>
      </div>

      {result !== null && findings.length > 0 && (
        <>
          <div className={styles.filters}>
            <Field label="Ernst">
              <Select value={filter.severity ?? ''} onChange={(_e, d) => setFilter({ ...filter, severity: d.value === '' ? null : (d.value as Severity) })}>
                <option value="">Alle</option>
                {(['fout', 'waarschuwing', 'info'] as const).map((s) => (
                  <option key={s} value={s}>
                    {SEVERITY_LABELS[s]} ({counts[s]})
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Blad">
              <Select value={filter.sheet ?? ''} onChange={(_e, d) => setFilter({ ...filter, sheet: d.value === '' ? null : d.value })}>
                <option value="">Alle</option>
                {choices.sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Code" className={styles.wide}>
              <Select value={filter.code ?? ''} onChange={(_e, d) => setFilter({ ...filter, code: d.value === '' ? null : (d.value as FindingCode) })}>
                <option value="">Alle</option>
                {choices.codes.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Text className={styles.muted} aria-live="polite">
            {visible.length === findings.length
              ? `${number.format(findings.length)} ${findings.length === 1 ? 'bevinding' : 'bevindingen'}`
              : `${number.format(visible.length)} van ${number.format(findings.length)} bevindingen (gefilterd)`}
          </Text>
          {rows.length > 0 && (
            <VirtualRows<ListRow>
              label="Bevindingen per code"
              rows={rows}
              rowHeight={rowHeight}
              height={420}
              rowKey={(row, i) => (row.kind === 'group' ? `g:${row.code}` : `f:${i}:${row.finding.sheet}:${row.finding.cell}:${row.finding.offset}`)}
              role="treegrid"
              rowProps={(row) =>
                row.kind === 'group'
                  ? { 'aria-level': 1, 'aria-expanded': row.expanded, 'data-soort': 'groep' }
                  : { 'aria-level': 2, 'data-soort': 'bevinding', 'data-cel': `${row.finding.sheet}!${row.finding.cell}` }
              }
              onActivate={(row) => (row.kind === 'group' ? toggleGroup(row.code) : void selectCell(row.finding))}
              onActiveChange={(row) => row.kind === 'finding' && setCurrent(row.finding)}
              onRowKey={(row, _i, e) => {
                if (row.kind === 'group' && ((e.key === 'ArrowRight' && !row.expanded) || (e.key === 'ArrowLeft' && row.expanded))) {
                  toggleGroup(row.code);
                  return true;
                }
                return false;
              }}
              renderRow={(row, _i, active) =>
                row.kind === 'group' ? (
                  <div className={styles.group}>
                    {row.expanded ? <ChevronDown16Regular aria-hidden="true" /> : <ChevronRight16Regular aria-hidden="true" />}
                    <SeverityLabel severity={row.severity} />
                    <span className={styles.groupText} title={row.rule}>
                      <strong>{row.code}</strong> ({row.count}) · {row.rule}
                    </span>
                  </div>
                ) : (
                  <div className={styles.finding}>
                    <div className={styles.findingTop}>
                      <SeverityLabel severity={row.finding.severity} />
                      <span className={styles.place}>
                        {placeText(row.finding) || 'werkmap'}
                        {row.finding.column !== null ? ` · ${row.finding.column}` : ''}
                      </span>
                      <Button
                        size="small"
                        tabIndex={active ? 0 : -1}
                        onClick={() => setIgnoring(row.finding)}
                        aria-label={`Negeer ${row.finding.code} in ${placeText(row.finding) || 'de werkmap'}`}
                        disabled={busy}
                      >
                        Negeer
                      </Button>
                    </div>
                    <div className={styles.message}>{row.finding.message}</div>
                  </div>
                )
              }
            />
          )}
          {current !== null && (
            <div className={styles.details} aria-label="Gekozen bevinding" role="region">
              <SeverityLabel severity={current.severity} />
              <Text weight="semibold">
                {placeText(current) || 'werkmap'} · {current.code}
              </Text>
              <Text>{current.message}</Text>
              {subjectText(current) !== '' && <Text>Waarde: {subjectText(current)}</Text>}
              {current.suggestion !== null && <Text>Suggestie: {current.suggestion}</Text>}
              <Text className={styles.muted}>Regel: {CATALOGUE[current.code].rule}</Text>
              <div className={styles.actions}>
                {current.cell !== null && (
                  <Button size="small" onClick={() => void selectCell(current)}>
                    Ga naar cel
                  </Button>
                )}
                <Button size="small" onClick={() => setIgnoring(current)} disabled={busy}>
                  Negeer…
                </Button>
              </div>
            </div>
          )}
        </>
      )}
      {result !== null && findings.length === 0 && <Text>Geen bevindingen: de rapportage voldoet aan de definitieset.</Text>}

      <h3 className={styles.heading}>Genegeerd ({accepted.length})</h3>
      <AcceptedList accepted={accepted} onRestore={(a) => void restore(a)} busy={busy || running} />
      <IgnoreDialog finding={ignoring} onConfirm={ignore} onClose={() => setIgnoring(null)} />
    </section>
  );
}
