/**
 * The workbench page: open a workbook (file input or drag and drop; the
 * example opens first), a grid of the active sheet with its tabs, marks and
 * selection, the task pane over the in-memory workbook (mounted through
 * mountPane, exactly as Excel's entry does), "Downloaden", and the theme.
 * Nothing leaves the browser.
 */
import {
  Button,
  Field,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, FolderOpen20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { mountPane, type PaneHandle, type PaneTheme } from '../taskpane/mountPane';
import { downloadFile } from '../taskpane/common/saveFile';
import { errorText } from '../taskpane/common/errorText';
import type { MemoryWorkbook } from '../workbook/memory/memoryWorkbook';
import { EXAMPLE_NAME, exampleBytes } from './exampleWorkbook';
import { ErrorBoundary } from '../taskpane/common/ErrorBoundary';
import { GridView, type GridState } from './GridView';
import { downloadName, openWorkbook, OpenError } from './openWorkbook';

export type ThemeChoice = 'systeem' | 'licht' | 'donker';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: '12px',
    padding: '8px 16px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, marginRight: 'auto', alignSelf: 'center' },
  file: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: '2px', fontSize: tokens.fontSizeBase300 },
  /** Out of sight but in the page (display: none would also hide it from scripts that look for it). */
  fileInput: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', opacity: 0 },
  main: { display: 'flex', flexGrow: 1, minHeight: 0 },
  sheet: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0, padding: '8px 8px 8px 16px', rowGap: '6px' },
  pane: {
    width: '420px',
    flexShrink: 0,
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  status: { display: 'flex', flexWrap: 'wrap', columnGap: '12px', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  drop: {
    position: 'fixed',
    inset: 0,
    zIndex: 10,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: 'rgba(0, 0, 0, 0.55)',
    color: '#ffffff',
    fontSize: tokens.fontSizeBase600,
    pointerEvents: 'none',
  },
});

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

function useTheme(choice: ThemeChoice): PaneTheme {
  const [systemDark, setSystemDark] = useState(prefersDark);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia('(prefers-color-scheme: dark)');
    const listener = () => setSystemDark(query.matches);
    query.addEventListener('change', listener);
    return () => query.removeEventListener('change', listener);
  }, []);
  return choice === 'donker' || (choice === 'systeem' && systemDark) ? 'dark' : 'light';
}

interface Opened {
  readonly workbook: MemoryWorkbook;
  readonly name: string;
  readonly example: boolean;
}

const wait = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function WorkbenchApp() {
  const styles = useStyles();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [grid, setGrid] = useState<GridState>({ activeSheet: null, selection: null, dateSystem: 1900 });
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<{ intent: 'error' | 'success' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [themeChoice, setThemeChoice] = useState<ThemeChoice>('systeem');
  const theme = useTheme(themeChoice);
  const paneElement = useRef<HTMLDivElement>(null);
  const pane = useRef<PaneHandle | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const open = useCallback(async (bytes: Uint8Array, name: string, example: boolean) => {
    setMessage(null);
    setBusy(`${name} openen…`);
    await wait(); // let "openen…" paint before the reading starts
    try {
      const workbook = openWorkbook(bytes, name);
      setGrid({ activeSheet: null, selection: null, dateSystem: 1900 });
      setOpened({ workbook, name, example });
      setMessage({ intent: 'info', text: example ? `Voorbeeld ${name} geopend.` : `${name} geopend.` });
    } catch (error) {
      setMessage({ intent: 'error', text: error instanceof OpenError ? error.message : errorText(error) });
    } finally {
      setBusy(null);
    }
  }, []);

  const openFile = useCallback(
    async (file: File) => {
      await open(new Uint8Array(await file.arrayBuffer()), file.name, false);
    },
    [open],
  );

  // The example opens first.
  useEffect(() => {
    void open(exampleBytes(), EXAMPLE_NAME, true);
  }, [open]);

  // The grid follows every change of the workbook (values, marks, sheets, selection).
  useEffect(() => {
    if (opened === null) return;
    const { workbook } = opened;
    const refresh = async () => {
      const [info, selection] = await Promise.all([workbook.describe(), workbook.getSelection()]);
      setGrid({ activeSheet: info.activeSheet, selection, dateSystem: info.dateSystem });
      setVersion((v) => v + 1);
    };
    void refresh();
    return workbook.subscribe(() => void refresh());
  }, [opened]);

  // The pane, mounted once; a new workbook or theme is an update.
  useEffect(() => {
    if (opened === null || paneElement.current === null) return;
    const options = { port: opened.workbook, host: 'werkbank' as const, theme, workbookName: opened.name };
    if (pane.current === null) pane.current = mountPane(paneElement.current, options);
    else pane.current.update(options);
  }, [opened, theme]);
  useEffect(() => () => pane.current?.unmount(), []);

  const download = () => {
    if (opened === null) return;
    setMessage(null);
    try {
      const bytes = opened.workbook.toXlsx();
      const name = downloadName(opened.name);
      downloadFile(name, new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      setMessage({ intent: 'success', text: `${name} gedownload: de werkmap met markeringen, correcties, logboek en profiel.` });
    } catch (error) {
      setMessage({ intent: 'error', text: errorText(error) });
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file !== undefined) void openFile(file);
  };

  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme}>
      <div
        className={styles.page}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) {
            e.preventDefault();
            setDragging(true);
          }
        }}
        onDragLeave={(e) => {
          if (e.currentTarget === e.target || !e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <header className={styles.bar}>
          <h1 className={styles.title}>Werkbank definitieset re-integratie</h1>
          <div className={styles.file}>
            {/* The browser's own file input speaks the browser's language ("Choose File"): it stays in the
                page as the input[type=file] scripts use, hidden from view, and a Dutch button opens it. */}
            <label htmlFor="werkmap-bestand" id="werkmap-bestand-label">
              Werkmap openen (.xlsx, of sleep een bestand hierheen)
            </label>
            <input
              id="werkmap-bestand"
              ref={fileInput}
              className={styles.fileInput}
              type="file"
              tabIndex={-1}
              accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file !== undefined) void openFile(file);
                e.currentTarget.value = '';
              }}
            />
            <Button
              icon={<FolderOpen20Regular aria-hidden="true" />}
              aria-describedby="werkmap-bestand-label"
              onClick={() => fileInput.current?.click()}
              disabled={busy !== null}
            >
              Bestand kiezen
            </Button>
          </div>
          <Button onClick={() => void open(exampleBytes(), EXAMPLE_NAME, true)} disabled={busy !== null}>
            Voorbeeld openen
          </Button>
          <Button appearance="primary" icon={<ArrowDownload20Regular aria-hidden="true" />} onClick={download} disabled={opened === null || busy !== null}>
            Downloaden
          </Button>
          <Field label="Thema">
            <Select value={themeChoice} onChange={(_e, d) => setThemeChoice(d.value as ThemeChoice)}>
              <option value="systeem">Systeem</option>
              <option value="licht">Licht</option>
              <option value="donker">Donker</option>
            </Select>
          </Field>
        </header>
        <div className={styles.main}>
          <main className={styles.sheet} aria-label="Werkmap">
            <div className={styles.status} role="status" aria-live="polite">
              <Text weight="semibold" data-werkmap={opened?.name ?? ''}>
                {busy ?? (opened !== null ? `${opened.name}${opened.example ? ' (voorbeeld)' : ''}` : 'Geen werkmap')}
              </Text>
              <span>Alles blijft in deze browser: er wordt niets verstuurd.</span>
            </div>
            {message !== null && (
              <MessageBar intent={message.intent}>
                <MessageBarBody>{message.text}</MessageBarBody>
              </MessageBar>
            )}
            {opened !== null && (
              <ErrorBoundary what="Het werkblad" resetKey={opened}>
                <GridView workbook={opened.workbook} state={grid} version={version} />
              </ErrorBoundary>
            )}
          </main>
          <aside className={styles.pane} aria-label="Taakvenster" ref={paneElement} />
        </div>
        {dragging && (
          <div className={styles.drop} aria-hidden="true">
            Laat los om de werkmap te openen
          </div>
        )}
      </div>
    </FluentProvider>
  );
}
