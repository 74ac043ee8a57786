/**
 * Vergelijken: a benchmark across submissions in the pane, as
 * `reintegratie vergelijk` on the command line. The user chooses .xlsx
 * files (read here, nothing leaves the machine); each is checked by the
 * same definitions, the pane's active profile or the standard set, and the
 * figures are shown per submission, vendor, municipality, service and
 * target group. The result goes into a new workbook (a download) or into
 * this workbook, where a sheet of the same name is replaced only after the
 * user confirms.
 */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { standardReportFormat } from '../../definitions/reportFormat';
import type { ComparisonFile, ComparisonProgress, FilesComparison, ReplacedSheet } from '../../workbook/flows/comparisonFlow';
import { comparisonSheets } from '../../workbook/flows/comparisonSheets';
import type { SheetSpec } from '../../workbook/port';
import { errorText } from '../common/errorText';
import { TaskProgress, useLongTask } from '../common/longTask';
import { chooseFiles } from '../common/saveFile';
import { sectionStyles } from '../common/sectionStyles';
import { usePane } from '../paneContext';
import { addFiles, compareTable, compareViews, definitionsText, resultText, sizeText, type ChosenFile, type CompareView } from './compareModel';

/** The codec and the flows over it, loaded when first used. */
const work = () => import(/* webpackChunkName: "vergelijken" */ './compareWork');

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ACCEPT = `.xlsx,.xlsm,${XLSX_TYPE}`;

const useStyles = makeStyles({
  ...sectionStyles,
  files: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: '4px' },
  file: { display: 'flex', alignItems: 'center', columnGap: '8px' },
  fileName: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  lines: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', rowGap: '4px', overflowWrap: 'anywhere' },
  scroll: {
    overflowX: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  // Columns as wide as their figures; the table scrolls sideways inside its region.
  table: { tableLayout: 'auto', width: 'max-content', minWidth: '100%' },
  head: { verticalAlign: 'bottom', fontWeight: tokens.fontWeightSemibold },
  // A header wraps onto a few lines rather than widening its column of short figures.
  headText: { display: 'inline-block', maxWidth: '7.5em', whiteSpace: 'normal', paddingTop: '4px', paddingBottom: '4px' },
  numberHead: { justifyContent: 'flex-end', textAlign: 'right' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  // The name of each row stays in view while the figures scroll.
  first: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, minWidth: '9em', maxWidth: '14em' },
  rowHeader: { fontWeight: tokens.fontWeightRegular, overflowWrap: 'break-word' },
  total: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  size: { whiteSpace: 'nowrap' },
});

/** A finished comparison, with when it was made (shown on the overview sheet). */
interface Result extends FilesComparison {
  readonly made: string;
}

function progressText(p: ComparisonProgress): string {
  const step = p.phase === 'openen' ? 'openen' : p.phase === 'lezen' ? 'lezen' : 'controleren';
  return `Bestand ${p.file + 1} van ${p.files}: ${p.name} (${step})`;
}

export function CompareSection() {
  const pane = usePane();
  const styles = useStyles();
  const format = useMemo(() => standardReportFormat(), []);
  const long = useLongTask();
  const [files, setFiles] = useState<ChosenFile<File>[]>([]);
  /** The open workbook as one of the submissions. */
  const [withCurrent, setWithCurrent] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  /** The chosen files changed after the comparison was made. */
  const [stale, setStale] = useState(false);
  const [view, setView] = useState<CompareView>('inzendingen');
  const [fileStep, setFileStep] = useState('');
  const [message, setMessage] = useState<{ intent: 'error' | 'success' | 'info' | 'warning'; text: string } | null>(null);
  const [confirm, setConfirm] = useState<{ sheets: SheetSpec[]; replaced: ReplacedSheet[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const fileList = useRef<HTMLUListElement>(null);
  const [focusAt, setFocusAt] = useState<number | null>(null);

  const profileName = pane.active.profile?.naam ?? null;

  const changeFiles = (next: ChosenFile<File>[]) => {
    setFiles(next);
    if (result !== null) setStale(true);
  };

  /** Removes a file from the list; the focus goes to the next file's button (see the effect below). */
  const removeFile = (key: string) => {
    setFocusAt(files.findIndex((f) => f.key === key));
    changeFiles(files.filter((f) => f.key !== key));
  };

  // After a removal: the button of the file now at that place (or the last), or "Bestanden kiezen" when none is left.
  useEffect(() => {
    if (focusAt === null) return;
    const buttons = fileList.current?.querySelectorAll('button');
    const target = buttons !== undefined && buttons.length > 0 ? buttons[Math.min(focusAt, buttons.length - 1)] : chooseButton.current;
    target?.focus();
    setFocusAt(null);
  }, [focusAt, files]);

  const choose = async () => {
    setMessage(null);
    const chosen = await chooseFiles(ACCEPT);
    if (chosen.length === 0) return;
    const { files: next, repeated } = addFiles(files, chosen);
    changeFiles(next);
    if (repeated > 0) setMessage({ intent: 'info', text: `${repeated === 1 ? 'Eén bestand stond' : `${repeated} bestanden stonden`} al in de lijst en ${repeated === 1 ? 'is' : 'zijn'} niet nog eens toegevoegd.` });
  };

  const compare = async () => {
    setMessage(null);
    setFileStep('');
    try {
      const outcome = await long.run('Vergelijken', async (signal, progress) => {
        // Read here, in this browser; a file that went away since it was chosen is a problem line.
        const unreadable: string[] = [];
        const read: ComparisonFile[] = [];
        for (const f of files) {
          try {
            read.push({ name: f.name, bytes: new Uint8Array(await f.file.arrayBuffer()) });
          } catch {
            unreadable.push(`${f.name}: het bestand kan niet worden gelezen (is het verplaatst of verwijderd?).`);
          }
        }
        const { compareWorkbookFiles } = await work();
        const compared = await compareWorkbookFiles(read, {
          set: pane.set,
          profile: pane.active.profile,
          signal,
          pause: pane.pause,
          current: withCurrent ? { name: pane.workbookName, port: pane.port } : undefined,
          onProgress: (p) => {
            setFileStep(progressText(p));
            progress(p.done, p.total);
          },
        });
        return { ...compared, problems: [...unreadable, ...compared.problems] };
      });
      if (!outcome.ok) {
        setMessage({ intent: 'info', text: 'Vergelijken afgebroken; de vorige uitkomst staat er nog.' });
        return;
      }
      const made = new Date().toLocaleString('nl-NL', { dateStyle: 'long', timeStyle: 'short' });
      setResult({ ...outcome.value, made });
      setStale(false);
      if (outcome.value.comparison === null) setMessage({ intent: 'error', text: 'Geen inzending om te vergelijken: geen van de gekozen bestanden is een leesbare rapportage.' });
    } catch (error) {
      setMessage({ intent: 'error', text: errorText(error) });
    } finally {
      setFileStep('');
    }
  };

  const sheetsOf = (r: Result): SheetSpec[] =>
    r.comparison === null ? [] : comparisonSheets({ comparison: r.comparison, format, version: r.version, profile: r.profile, made: r.made });

  /** Short work on the result; the section is busy meanwhile. */
  const act = async (task: () => Promise<void>) => {
    setMessage(null);
    setBusy(true);
    try {
      await task();
    } catch (error) {
      setMessage({ intent: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const download = (r: Result) =>
    act(async () => {
      const bytes = await (await work()).workbookOf(sheetsOf(r));
      pane.saveFile('vergelijking.xlsx', new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
      setMessage({ intent: 'success', text: 'De vergelijking is gedownload als vergelijking.xlsx.' });
    });

  const write = async (sheets: SheetSpec[]) => {
    const names = await (await work()).putComparisonSheets(pane.port, sheets);
    setMessage({ intent: 'success', text: `De vergelijking staat in deze werkmap, op de bladen ${names.join(', ')}.` });
  };

  /** Asks first when a sheet would be replaced. */
  const putHere = (r: Result) =>
    act(async () => {
      const sheets = sheetsOf(r);
      const replaced = await (await work()).sheetsReplaced(pane.port, sheets);
      if (replaced.length > 0) setConfirm({ sheets, replaced });
      else await write(sheets);
    });

  const confirmed = (asked: { sheets: SheetSpec[]; replaced: ReplacedSheet[] }) => {
    setConfirm(null);
    void act(async () => {
      // The workbook may have changed while the dialog was open: ask again if more would be replaced now.
      const now = await (await work()).sheetsReplaced(pane.port, asked.sheets);
      const known = new Set(asked.replaced.map((s) => s.name));
      if (now.some((s) => !known.has(s.name))) setConfirm({ sheets: asked.sheets, replaced: now });
      else await write(asked.sheets);
    });
  };

  const running = long.task !== null;
  const comparison = result?.comparison ?? null;
  const table = useMemo(() => (comparison === null ? null : compareTable(comparison, view, format)), [comparison, view, format]);

  return (
    <section className={styles.section} aria-labelledby="vergelijken-kop" data-sectie="vergelijken">
      <h2 id="vergelijken-kop" className={styles.heading}>
        Inzendingen vergelijken
      </h2>
      <Text className={styles.muted}>
        Zet inzendingen naast elkaar, per opdrachtnemer, gemeente, dienst, doelgroep en periode. Elke indicator wordt uit de cliëntrijen
        herberekend, met dezelfde definities voor alle inzendingen. De bestanden worden alleen op deze computer gelezen; er wordt niets verstuurd.
      </Text>
      <Text data-definities="">
        {definitionsText(pane.set.version, profileName, pane.active.error !== null)} Een profiel dat in een gekozen bestand is opgeslagen, telt
        hier niet mee: zo blijven de cijfers vergelijkbaar.
      </Text>

      <div className={styles.actions}>
        <Button ref={chooseButton} onClick={() => void choose()} disabledFocusable={running}>
          Bestanden kiezen (.xlsx)
        </Button>
        {files.length > 1 && (
          <Button
            onClick={() => {
              setFocusAt(0);
              changeFiles([]);
            }}
            disabled={running}
          >
            Lijst leegmaken
          </Button>
        )}
      </div>
      {files.length === 0 ? (
        <Text className={styles.muted}>Nog geen bestanden gekozen. Kies twee of meer inzendingen in de uniforme rapportage.</Text>
      ) : (
        <ul className={styles.files} aria-label="Gekozen bestanden" ref={fileList}>
          {files.map((f) => (
            <li key={f.key} className={styles.file} data-bestand={f.name}>
              <span className={styles.fileName} title={f.name}>
                {f.name}
              </span>
              <Text size={200} className={mergeClasses(styles.muted, styles.size)}>
                {sizeText(f.size)}
              </Text>
              <Button size="small" disabled={running} aria-label={`${f.name} uit de lijst verwijderen`} onClick={() => removeFile(f.key)}>
                Verwijderen
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Checkbox
        checked={withCurrent}
        disabled={running}
        onChange={(_e, data) => {
          setWithCurrent(data.checked === true);
          if (result !== null) setStale(true);
        }}
        label={`Ook deze werkmap (${pane.workbookName}) als inzending meenemen`}
      />
      <div className={styles.actions}>
        {/* disabledFocusable: the focus stays on the button while the work runs (a disabled button would drop it to the page). */}
        <Button
          appearance="primary"
          disabled={files.length === 0 && !withCurrent}
          disabledFocusable={(files.length > 0 || withCurrent) && (running || busy)}
          onClick={() => void compare()}
        >
          Vergelijken
        </Button>
      </div>
      {long.task !== null && (
        <>
          {fileStep !== '' && (
            <Text className={styles.muted} data-voortgang="">
              {fileStep}
            </Text>
          )}
          <TaskProgress task={long.task} onCancel={long.cancel} />
        </>
      )}
      {message !== null && (
        <MessageBar intent={message.intent} data-melding={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}

      {result !== null && result.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-problemen={result.problems.length}>
          <MessageBarBody>
            {result.problems.length === 1 ? 'Eén bestand is niet meegenomen:' : `${result.problems.length} bestanden zijn niet meegenomen:`}
            <ul className={styles.lines}>
              {result.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {result !== null && comparison !== null && table !== null && (
        <>
          <Text weight="semibold" data-uitkomst="">
            {resultText(comparison, result.version, result.profile)}
          </Text>
          {stale && <Text className={styles.muted}>De keuze van de inzendingen is veranderd sinds deze vergelijking; klik Vergelijken om opnieuw te vergelijken.</Text>}
          {comparison.notes.length > 0 && (
            <MessageBar intent="info" layout="multiline" data-opmerkingen={comparison.notes.length}>
              <MessageBarBody>
                Let op:
                <ul className={styles.lines}>
                  {comparison.notes.map((note, i) => (
                    <li key={i}>{note}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <Field label="Weergave">
            <Select value={view} onChange={(_e, d) => setView(d.value as CompareView)}>
              {compareViews(format).map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
            </Select>
          </Field>
          {/* Wider than the pane: a region that scrolls sideways, reachable with the keyboard. */}
          <div className={styles.scroll} role="region" aria-label={`${table.caption} (schuift opzij)`} tabIndex={0}>
            <Table size="small" className={styles.table} aria-label={table.caption} data-weergave={view}>
              <TableHeader>
                <TableRow>
                  {table.columns.map((c, i) => (
                    <TableHeaderCell
                      key={c.key}
                      scope="col"
                      title={c.title}
                      className={mergeClasses(styles.head, i === 0 && styles.first)}
                      button={{ className: c.numeric ? styles.numberHead : undefined }}
                    >
                      <span className={styles.headText}>{c.label}</span>
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {table.rows.map((row) => (
                  <TableRow key={row.key} className={row.total ? styles.total : undefined} data-totaal={row.total ? '' : undefined}>
                    {row.cells.map((cell, i) =>
                      i === 0 ? (
                        <TableHeaderCell key={i} scope="row" className={mergeClasses(styles.first, row.total ? styles.total : styles.rowHeader)}>
                          {cell}
                        </TableHeaderCell>
                      ) : (
                        <TableCell key={i} className={table.columns[i].numeric ? styles.number : undefined}>
                          {cell}
                        </TableCell>
                      ),
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <div className={styles.actions}>
            <Button disabledFocusable={running || busy} onClick={() => void download(result)}>
              Download als werkmap
            </Button>
            <Button disabledFocusable={running || busy} onClick={() => void putHere(result)}>
              Zet in deze werkmap
            </Button>
          </div>
        </>
      )}

      <Dialog open={confirm !== null} onOpenChange={(_e, d) => !d.open && setConfirm(null)}>
        <DialogSurface aria-describedby="vergelijken-vervangen-uitleg">
          {confirm !== null && (
            <DialogBody>
              <DialogTitle>Bladen vervangen?</DialogTitle>
              <DialogContent>
                <p id="vergelijken-vervangen-uitleg">
                  {confirm.replaced.length === 1 ? 'Dit blad staat' : 'Deze bladen staan'} al in de werkmap en{' '}
                  {confirm.replaced.length === 1 ? 'wordt' : 'worden'} vervangen door de vergelijking. Wat er nu op staat, gaat verloren; de andere bladen
                  blijven zoals ze zijn.
                </p>
                <ul data-vervangen="">
                  {confirm.replaced.map((s) => (
                    <li key={s.name} data-blad={s.name}>
                      {s.name} {s.earlierComparison ? '(van een eerdere vergelijking)' : '(een ander blad: controleer of het weg mag)'}
                    </li>
                  ))}
                </ul>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => confirmed(confirm)}>
                  Vervangen
                </Button>
                <Button onClick={() => setConfirm(null)}>Annuleren</Button>
              </DialogActions>
            </DialogBody>
          )}
        </DialogSurface>
      </Dialog>
    </section>
  );
}
