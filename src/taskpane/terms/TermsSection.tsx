/**
 * Termen: scan the selection, the active sheet or the workbook for
 * non-conforming terms and numbers that contradict a definition; per
 * finding "Vervang", "Vervang alle" (the same fragment) and "Negeer", with a
 * before/after preview; every replacement logged in the Logboek and
 * undoable here.
 */
import { Button, Field, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, tokens } from '@fluentui/react-components';
import { sectionStyles } from '../common/sectionStyles';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { placeText } from '../../engine/findingPresentation';
import type { Finding } from '../../engine/findings';
import { parseAddress } from '../../workbook/flows/markPlan';
import { acceptFinding } from '../../workbook/flows/storedState';
import { applyCellFixes, readLog, undoableEntries, undoFix, type CellFix, type LogEntry } from '../../workbook/flows/termFixes';
import type { StoredState } from '../../workbook/port';
import { errorText } from '../common/errorText';
import { IgnoreDialog } from '../common/IgnoreDialog';
import { TaskProgress, useLongTask } from '../common/longTask';
import { SeverityLabel } from '../common/severity';
import { VirtualRows } from '../common/VirtualRows';
import { usePane } from '../paneContext';
import {
  canReplace,
  fixesForFragment,
  fixForFinding,
  previewReplacement,
  rescanCells,
  sameFragment,
  scanTerms,
  TERM_SCOPE_LABELS,
  withStored,
  type TermScan,
  type TermScope,
} from './termScan';

const ROW_HEIGHT = 56;

const useStyles = makeStyles({
  ...sectionStyles,
  row: { display: 'flex', flexDirection: 'column', justifyContent: 'center', rowGap: '2px', height: '100%', padding: '4px 8px', boxSizing: 'border-box' },
  rowTop: { display: 'flex', columnGap: '8px', alignItems: 'center' },
  place: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  change: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  details: {
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'flex',
    flexDirection: 'column',
    rowGap: '6px',
    overflowWrap: 'anywhere',
  },
  preview: {
    margin: 0,
    padding: '6px 8px',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'pre-wrap',
    fontFamily: tokens.fontFamilyBase,
  },
  before: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorNeutralForeground1, textDecorationLine: 'line-through' },
  after: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorNeutralForeground1 },
  log: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '6px' },
  logItem: { display: 'flex', columnGap: '8px', alignItems: 'flex-start', padding: '6px 8px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  logText: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
});

const time = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'medium' });

/** The text with one stretch marked (as text nodes: cell text is never HTML). */
function Marked({ text, start, end, className, label }: { text: string; start: number; end: number; className: string; label: string }) {
  return (
    <>
      {text.slice(0, start)}
      <mark className={className} aria-label={label}>
        {text.slice(start, end)}
      </mark>
      {text.slice(end)}
    </>
  );
}

/** Before and after of one replacement, each with the changed part marked. */
function Preview({ finding, choice }: { finding: Finding; choice: number }) {
  const styles = useStyles();
  const before = typeof finding.value === 'string' ? finding.value : '';
  const start = finding.offset ?? 0;
  const end = start + (finding.fragment ?? '').length;
  const suggestion = finding.suggestions[Math.min(choice, finding.suggestions.length - 1)] ?? '';
  const after = previewReplacement(finding, choice);
  return (
    <>
      <Text weight="semibold">Voor</Text>
      <p className={styles.preview} data-voorbeeld="voor">
        <Marked text={before} start={start} end={end} className={styles.before} label="te vervangen" />
      </p>
      <Text weight="semibold">Na</Text>
      <p className={styles.preview} data-voorbeeld="na">
        <Marked text={after} start={start} end={start + suggestion.length} className={styles.after} label="nieuw" />
      </p>
    </>
  );
}

function logPlace(e: LogEntry): string {
  return `${e.sheet}!${e.cell}`;
}

export function TermsSection() {
  const pane = usePane();
  const styles = useStyles();
  const long = useLongTask();
  const [scope, setScope] = useState<TermScope>('werkmap');
  const [scan, setScan] = useState<TermScan | null>(null);
  const [current, setCurrent] = useState<Finding | null>(null);
  const [choice, setChoice] = useState(0);
  const [ignoring, setIgnoring] = useState<Finding | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const loadLog = useCallback(async () => {
    try {
      setLog(await readLog(pane.port));
    } catch (e) {
      setError(errorText(e));
    }
  }, [pane.port]);

  useEffect(() => {
    setScan(null);
    setCurrent(null);
    void loadLog();
  }, [loadLog]);

  // Accepting or restoring a finding anywhere in the pane re-splits the scan at once.
  useEffect(() => {
    if (pane.stored !== null) setScan((current) => (current === null || current.stored === pane.stored ? current : withStored(current, pane.stored as StoredState)));
  }, [pane.stored]);

  const start = async () => {
    setError(null);
    setStatus('');
    try {
      const outcome = await long.run('Termen zoeken', (signal, progress) =>
        scanTerms(pane.port, scope, { set: pane.set, signal, pause: pane.pause, onProgress: (done, total) => progress(done, total) }),
      );
      if (!outcome.ok) {
        setStatus('Zoeken afgebroken.');
        return;
      }
      setScan(outcome.value);
      setCurrent(outcome.value.findings[0] ?? null);
      setChoice(0);

    } catch (e) {
      setError(errorText(e));
    }
  };

  const act = async (label: string, work: () => Promise<string>) => {
    setError(null);
    setBusy(true);
    try {
      const outcome = await long.run(label, () => work(), false);
      if (outcome.ok) setStatus(outcome.value);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  /** Writes fixes (logged), scans their cells again and keeps the next finding in view. */
  const replace = (fixes: readonly CellFix[], what: string) =>
    act('Vervangen', async () => {
      if (scan === null) return '';
      const outcome = await applyCellFixes(pane.port, fixes);
      const next = await rescanCells(pane.port, scan, fixes);
      setScan(next);
      setCurrent(next.findings[0] ?? null);
      setChoice(0);
      await loadLog();
      const n = outcome.applied.length;
      const stale = outcome.stale.length > 0 ? ` ${outcome.stale.length} ${outcome.stale.length === 1 ? 'cel is' : 'cellen zijn'} overgeslagen: de inhoud is veranderd sinds het zoeken.` : '';
      return `${what}: ${n} ${n === 1 ? 'cel' : 'cellen'} gewijzigd (in het Logboek).${stale}`;
    });

  const undo = (entry: LogEntry) =>
    act('Ongedaan maken', async () => {
      const done = await undoFix(pane.port, entry);
      await loadLog();
      const at = parseAddress(entry.cell);
      if (scan !== null && at !== undefined) setScan(await rescanCells(pane.port, scan, [{ sheet: entry.sheet, ...at }]));
      return done
        ? `${logPlace(entry)} heeft weer de oude waarde.`
        : `${logPlace(entry)} is sindsdien veranderd; niet ongedaan gemaakt, om niets te verliezen.`;
    });

  const ignore = (f: Finding, reason: string) => {
    setIgnoring(null);
    void act('Negeren', async () => {
      await acceptFinding(pane.port, f, reason);
      const stored = await pane.refreshStored();
      if (scan !== null) setCurrent(withStored(scan, stored).findings[0] ?? null);
      return `'${f.fragment ?? ''}' in ${placeText(f)} genegeerd.`;
    });
  };

  const findings = scan?.findings ?? [];
  const undoable = useMemo(() => new Set(undoableEntries(log)), [log]);
  const all = useMemo(() => (current === null ? [] : sameFragment(findings, current)), [findings, current]);
  const running = long.task !== null;
  const replaceable = current !== null && canReplace(current);

  return (
    <section className={styles.section} aria-labelledby="termen-kop">
      <h2 id="termen-kop" className={styles.heading}>
        Termen controleren
      </h2>
      <RadioGroup value={scope} onChange={(_e, d) => setScope(d.value as TermScope)} aria-label="Waar zoeken">
        {(Object.keys(TERM_SCOPE_LABELS) as TermScope[]).map((s) => (
          <Radio key={s} value={s} label={TERM_SCOPE_LABELS[s]} />
        ))}
      </RadioGroup>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={start} disabled={running || busy}>
          Termen zoeken
        </Button>
      </div>
      {long.task !== null && <TaskProgress task={long.task} onCancel={long.cancel} />}
      {error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div role="status" aria-live="polite" className={styles.muted}>
        {status}
      </div>
      {scan !== null && (
        <Text className={styles.muted} aria-live="polite">
          {findings.length} {findings.length === 1 ? 'bevinding' : 'bevindingen'} in {scan.where} · profiel: {scan.defs.profile?.naam ?? 'geen (standaardset)'}
          {scan.accepted.length > 0 ? ` · ${scan.accepted.length} genegeerd` : ''}
        </Text>
      )}
      {scan !== null && findings.length === 0 && <Text>Geen niet-conforme termen gevonden.</Text>}
      {findings.length > 0 && (
        <VirtualRows<Finding>
          label="Gevonden termen"
          rows={findings}
          rowHeight={ROW_HEIGHT}
          height={Math.min(300, findings.length * ROW_HEIGHT)}
          rowKey={(f, i) => `${i}:${f.sheet}:${f.cell}:${f.offset}`}
          rowProps={(f) => ({ 'data-cel': `${f.sheet}!${f.cell}` })}
          onActiveChange={(f) => {
            setCurrent(f);
            setChoice(0);
          }}
          onActivate={(f) => {
            setCurrent(f);
            const at = f.cell === null ? undefined : parseAddress(f.cell);
            if (f.sheet !== null && at !== undefined) void pane.port.select({ sheet: f.sheet, ...at }).catch((e) => setError(errorText(e)));
          }}
          renderRow={(f) => (
            <div className={styles.row}>
              <div className={styles.rowTop}>
                <SeverityLabel severity={f.severity} />
                <span className={styles.place}>{placeText(f)}</span>
              </div>
              <span className={styles.change}>
                ‘{f.fragment}’{f.suggestion !== null ? ` → ‘${f.suggestion}’` : ` · ${f.code}`}
              </span>
            </div>
          )}
        />
      )}
      {current !== null && (
        <div className={styles.details} role="region" aria-label="Gekozen term">
          <Text weight="semibold">
            {placeText(current)} · {current.code}
          </Text>
          <Text>{current.message}</Text>
          {replaceable && current.suggestions.length > 1 && (
            <Field label="Vervangen door">
              <Select value={String(choice)} onChange={(_e, d) => setChoice(Number(d.value))}>
                {current.suggestions.map((s, i) => (
                  <option key={s} value={i}>
                    {s}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {replaceable && <Preview finding={current} choice={choice} />}
          <div className={styles.actions}>
            {replaceable && (
              <Button
                appearance="primary"
                disabled={busy || running}
                onClick={() => {
                  const fix = fixForFinding(current, choice);
                  if (fix !== null) void replace([fix], 'Vervangen');
                }}
              >
                Vervang
              </Button>
            )}
            {replaceable && (
              <Button disabled={busy || running} onClick={() => void replace(fixesForFragment(findings, current, choice), `Alle ‘${current.fragment}’ vervangen`)}>
                Vervang alle ({all.length})
              </Button>
            )}
            <Button disabled={busy || running} onClick={() => setIgnoring(current)}>
              Negeer
            </Button>
          </div>
        </div>
      )}

      <h3 className={styles.heading}>Logboek ({log.length})</h3>
      {log.length === 0 ? (
        <Text className={styles.muted}>Nog geen vervangingen in deze werkmap.</Text>
      ) : (
        <ul className={styles.log} aria-label="Logboek van de vervangingen">
          {[...log].reverse().map((e) => (
            <li key={e.logRow} className={styles.logItem} data-logboek={logPlace(e)}>
              <div className={styles.logText}>
                <Text weight="semibold">{logPlace(e)}</Text> <Text className={styles.muted}>{e.action}</Text>
                <div>
                  Oud: <span data-oud="">{e.before}</span>
                </div>
                <div>
                  Nieuw: <span data-nieuw="">{e.after}</span>
                </div>
                <div className={styles.muted}>
                  {e.rule} · {Number.isNaN(new Date(e.at).getTime()) ? e.at : time.format(new Date(e.at))}
                </div>
              </div>
              {undoable.has(e) && (
                <Button size="small" disabled={busy || running} onClick={() => void undo(e)} aria-label={`Ongedaan maken: ${logPlace(e)}`}>
                  Ongedaan maken
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <IgnoreDialog finding={ignoring} onConfirm={ignore} onClose={() => setIgnoring(null)} />
    </section>
  );
}
