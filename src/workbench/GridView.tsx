/**
 * The workbench's view of the active sheet: a virtualised grid (rows and
 * columns) with column letters and row numbers, our marks (fill, icon and
 * note: never colour alone) and the selection; sheet tabs below. Click or
 * arrow keys select (Shift extends). Cell text is rendered as text, never
 * as HTML.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatSerial } from '../engine/excelDate';
import { valueText } from '../engine/findingPresentation';
import { cellAddress, columnLetters, type RawValue } from '../engine/grid';
import { fixedPointText, isDateFormat } from '../engine/numberFormat';
import { MARK_STYLES } from '../workbook/marks';
import type { MemoryWorkbook } from '../workbook/memory/memoryWorkbook';
import type { DateSystem, RangeRef } from '../workbook/port';
import { SeverityIcon, SEVERITY_LABELS } from '../taskpane/common/severity';

const ROW_HEIGHT = 24;
const COL_WIDTH = 128;
const HEADER_WIDTH = 56;
const OVERSCAN = 4;
/** Columns shown beyond the used range, as a spreadsheet does. */
const EXTRA_COLS = 2;
const EXTRA_ROWS = 5;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, flexGrow: 1 },
  viewport: {
    position: 'relative',
    overflow: 'auto',
    flexGrow: 1,
    minHeight: '200px',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    outlineStyle: 'none',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  header: { position: 'sticky', top: 0, zIndex: 2, height: `${ROW_HEIGHT}px` },
  headerRow: { display: 'flex', height: `${ROW_HEIGHT}px` },
  body: { position: 'relative' },
  row: { position: 'absolute', left: 0, display: 'flex', height: `${ROW_HEIGHT}px` },
  corner: { position: 'sticky', left: 0, zIndex: 3 },
  headCell: {
    boxSizing: 'border-box',
    flexShrink: 0,
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    textAlign: 'center',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: { position: 'sticky', left: 0, zIndex: 1 },
  headActive: { backgroundColor: tokens.colorNeutralBackground3Selected, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  cell: {
    position: 'relative',
    boxSizing: 'border-box',
    flexShrink: 0,
    width: `${COL_WIDTH}px`,
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    padding: '0 4px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: 'cell',
  },
  number: { textAlign: 'right' },
  marked: { display: 'flex', alignItems: 'center', columnGap: '2px' },
  markText: { overflow: 'hidden', textOverflow: 'ellipsis', flexGrow: 1 },
  inRange: { backgroundColor: tokens.colorBrandBackground2 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px', zIndex: 1 },
  tabs: { display: 'flex', flexWrap: 'wrap', gap: '2px', padding: '4px 0 0' },
  tab: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderTopStyle: 'none',
    borderRadius: `0 0 ${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium}`,
    padding: '4px 12px',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  tabActive: { backgroundColor: tokens.colorNeutralBackground1, fontWeight: tokens.fontWeightSemibold, borderBottom: `3px solid ${tokens.colorBrandStroke1}` },
  hiddenTab: { fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
});

export interface GridState {
  readonly activeSheet: string | null;
  readonly selection: RangeRef | null;
  readonly dateSystem: DateSystem;
}

function cellText(value: RawValue, format: string | undefined, dateSystem: DateSystem): string {
  if (typeof value === 'number' && isDateFormat(format) && value >= 1) {
    return formatSerial(dateSystem === 1904 ? value + 1462 : value);
  }
  // A figure in a fixed-point format reads as Excel shows it ("3,5" for 3.529 in 0.0), not with every digit.
  if (typeof value === 'number') return fixedPointText(value, format) ?? valueText(value);
  return valueText(value);
}

function inRange(range: RangeRef | null, r: number, c: number): boolean {
  return range !== null && r >= range.row && r < range.row + range.rows && c >= range.col && c < range.col + range.cols;
}

export function GridView({ workbook, state, version }: { workbook: MemoryWorkbook; state: GridState; version: number }) {
  const styles = useStyles();
  const viewport = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, left: 0, height: 600, width: 900 });
  const anchor = useRef<{ row: number; col: number } | null>(null);
  const names = workbook.sheetNames();
  // The state may still name a sheet of the workbook opened before (it follows a moment later).
  const sheetName = state.activeSheet !== null && names.includes(state.activeSheet) ? state.activeSheet : (names[0] ?? null);
  // `version` changes with every edit of the workbook: the data is read again.
  const data = useMemo(() => (sheetName === null ? null : workbook.sheetData(sheetName)), [workbook, sheetName, version]);
  const usedCols = useMemo(() => (data === null ? 0 : data.values.reduce((m, row) => Math.max(m, row?.length ?? 0), 0)), [data]);
  const rows = (data?.values.length ?? 0) + EXTRA_ROWS;
  const cols = Math.max(usedCols, 1) + EXTRA_COLS;
  const selection = state.selection !== null && state.selection.sheet === sheetName ? state.selection : null;
  const cursor = selection === null ? null : { row: selection.row, col: selection.col };

  useLayoutEffect(() => {
    const el = viewport.current;
    if (el === null) return;
    const measure = () => setScroll({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight || 600, width: el.clientWidth || 900 });
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new sheet starts at its top left.
  useEffect(() => {
    const el = viewport.current;
    if (el !== null) {
      el.scrollTop = 0;
      el.scrollLeft = 0;
    }
  }, [sheetName]);

  // The selected cell is scrolled into view (a click in the pane selects a cell far down).
  useEffect(() => {
    const el = viewport.current;
    if (el === null || cursor === null) return;
    const top = cursor.row * ROW_HEIGHT;
    const left = HEADER_WIDTH + cursor.col * COL_WIDTH;
    const bodyHeight = el.clientHeight - ROW_HEIGHT;
    const far = top < el.scrollTop - ROW_HEIGHT || top > el.scrollTop + bodyHeight;
    // A cell far away (chosen in the pane) comes to the middle; a step with the arrows scrolls just enough.
    if (far) el.scrollTop = Math.max(0, top - Math.floor(bodyHeight / 2));
    else if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + bodyHeight) el.scrollTop = top + ROW_HEIGHT - bodyHeight;
    if (left - HEADER_WIDTH < el.scrollLeft) el.scrollLeft = left - HEADER_WIDTH;
    else if (left + COL_WIDTH > el.scrollLeft + el.clientWidth) el.scrollLeft = left + COL_WIDTH - el.clientWidth;
  }, [cursor?.row, cursor?.col, sheetName]);

  const firstRow = Math.max(0, Math.floor(scroll.top / ROW_HEIGHT) - OVERSCAN);
  const lastRow = Math.min(rows - 1, Math.ceil((scroll.top + scroll.height) / ROW_HEIGHT) + OVERSCAN);
  const firstCol = Math.max(0, Math.floor(Math.max(0, scroll.left - HEADER_WIDTH) / COL_WIDTH) - 1);
  const lastCol = Math.min(cols - 1, Math.ceil((scroll.left + scroll.width) / COL_WIDTH) + 1);

  const select = (row: number, col: number, extend: boolean) => {
    if (sheetName === null) return;
    const r = Math.max(0, Math.min(rows - 1, row));
    const c = Math.max(0, Math.min(cols - 1, col));
    if (extend && anchor.current !== null) {
      const a = anchor.current;
      workbook.setSelection({ sheet: sheetName, row: Math.min(a.row, r), col: Math.min(a.col, c), rows: Math.abs(a.row - r) + 1, cols: Math.abs(a.col - c) + 1 });
      lastCursor.current = { row: r, col: c };
    } else {
      anchor.current = { row: r, col: c };
      lastCursor.current = { row: r, col: c };
      workbook.setSelection({ sheet: sheetName, row: r, col: c, rows: 1, cols: 1 });
    }
  };
  /** The moving end of a range being extended with Shift. */
  const lastCursor = useRef<{ row: number; col: number } | null>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const from = e.shiftKey && lastCursor.current !== null ? lastCursor.current : cursor ?? { row: 0, col: 0 };
    const page = Math.max(1, Math.floor(scroll.height / ROW_HEIGHT) - 2);
    const moves: Record<string, [number, number]> = {
      ArrowDown: [from.row + 1, from.col],
      ArrowUp: [from.row - 1, from.col],
      ArrowRight: [from.row, from.col + 1],
      ArrowLeft: [from.row, from.col - 1],
      PageDown: [from.row + page, from.col],
      PageUp: [from.row - page, from.col],
      Home: e.ctrlKey ? [0, 0] : [from.row, 0],
      End: e.ctrlKey ? [rows - 1 - EXTRA_ROWS, cols - 1 - EXTRA_COLS] : [from.row, cols - 1 - EXTRA_COLS],
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    if (selection === null && !e.shiftKey) anchor.current = null;
    select(to[0], to[1], e.shiftKey);
  };

  const rowElements = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const values = data?.values[r];
    const formats = data?.formats?.[r];
    const cells = [];
    for (let c = firstCol; c <= lastCol; c++) {
      const value = values?.[c] ?? null;
      const text = cellText(value, formats?.[c], state.dateSystem);
      const mark = sheetName === null ? undefined : workbook.markAt(sheetName, r, c);
      const isCursor = cursor !== null && cursor.row === r && cursor.col === c;
      const style = mark === undefined ? undefined : { backgroundColor: `#${MARK_STYLES[mark.severity].fill}`, color: `#${MARK_STYLES[mark.severity].font}` };
      cells.push(
        <div
          key={c}
          id={`cel-${r}-${c}`}
          role="gridcell"
          aria-colindex={c + 2}
          aria-selected={inRange(selection, r, c)}
          aria-description={mark === undefined ? undefined : `gemarkeerd: ${SEVERITY_LABELS[mark.severity].toLowerCase()}`}
          data-adres={cellAddress(r, c)}
          data-markering={mark?.severity}
          title={mark?.note}
          className={mergeClasses(
            styles.cell,
            typeof value === 'number' && styles.number,
            mark !== undefined && styles.marked,
            inRange(selection, r, c) && mark === undefined && styles.inRange,
            isCursor && styles.selected,
          )}
          style={style}
          onMouseDown={(e) => {
            e.preventDefault();
            viewport.current?.focus({ preventScroll: true });
            select(r, c, e.shiftKey);
          }}
        >
          {mark !== undefined ? (
            <>
              <SeverityIcon severity={mark.severity} />
              <span className={styles.markText}>{text}</span>
            </>
          ) : (
            text
          )}
        </div>,
      );
    }
    const rowSelected = selection !== null && r >= selection.row && r < selection.row + selection.rows;
    rowElements.push(
      <div key={r} role="row" aria-rowindex={r + 2} className={styles.row} style={{ top: r * ROW_HEIGHT, width: HEADER_WIDTH + cols * COL_WIDTH }}>
        <div role="rowheader" aria-colindex={1} className={mergeClasses(styles.headCell, styles.rowHead, rowSelected && styles.headActive)} style={{ width: HEADER_WIDTH }}>
          {r + 1}
        </div>
        <div style={{ width: firstCol * COL_WIDTH, flexShrink: 0 }} aria-hidden="true" />
        {cells}
      </div>,
    );
  }

  const headers = [];
  for (let c = firstCol; c <= lastCol; c++) {
    const colSelected = selection !== null && c >= selection.col && c < selection.col + selection.cols;
    headers.push(
      <div key={c} role="columnheader" aria-colindex={c + 2} className={mergeClasses(styles.headCell, colSelected && styles.headActive)} style={{ width: COL_WIDTH }}>
        {columnLetters(c)}
      </div>,
    );
  }

  return (
    <div className={styles.root}>
      <div
        ref={viewport}
        className={styles.viewport}
        role="grid"
        aria-label={sheetName === null ? 'Werkblad' : `Werkblad ${sheetName}`}
        aria-rowcount={rows + 1}
        aria-colcount={cols + 1}
        aria-multiselectable="true"
        aria-activedescendant={cursor !== null && cursor.row >= firstRow && cursor.row <= lastRow && cursor.col >= firstCol && cursor.col <= lastCol ? `cel-${cursor.row}-${cursor.col}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(e) => {
          const el = e.currentTarget;
          setScroll({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight || scroll.height, width: el.clientWidth || scroll.width });
        }}
        data-blad={sheetName ?? ''}
      >
        <div role="rowgroup" className={styles.header} style={{ width: HEADER_WIDTH + cols * COL_WIDTH }}>
          <div role="row" aria-rowindex={1} className={styles.headerRow}>
            <div role="columnheader" aria-colindex={1} aria-label="Rijnummer" className={mergeClasses(styles.headCell, styles.corner)} style={{ width: HEADER_WIDTH }} />
            <div style={{ width: firstCol * COL_WIDTH, flexShrink: 0 }} aria-hidden="true" />
            {headers}
          </div>
        </div>
        <div role="rowgroup" className={styles.body} style={{ height: rows * ROW_HEIGHT, width: HEADER_WIDTH + cols * COL_WIDTH }}>
          {rowElements}
        </div>
      </div>
      <div role="tablist" aria-label="Werkbladen" className={styles.tabs}>
        {names.map((name) => {
          const hidden = workbook.visibilityOf(name) !== 'visible';
          const active = name === sheetName;
          return (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={active}
              tabIndex={active ? 0 : -1}
              className={mergeClasses(styles.tab, active && styles.tabActive, hidden && styles.hiddenTab)}
              onClick={() => workbook.activate(name)}
              onKeyDown={(e) => {
                const i = names.indexOf(name);
                const next = e.key === 'ArrowRight' ? names[(i + 1) % names.length] : e.key === 'ArrowLeft' ? names[(i - 1 + names.length) % names.length] : undefined;
                if (next !== undefined) {
                  e.preventDefault();
                  workbook.activate(next);
                  requestAnimationFrame(() => (document.querySelector(`[role=tab][data-blad="${CSS.escape(next)}"]`) as HTMLElement | null)?.focus());
                }
              }}
              data-blad={name}
            >
              {name}
              {hidden ? ' (verborgen)' : ''}
            </button>
          );
        })}
      </div>
    </div>
  );
}
