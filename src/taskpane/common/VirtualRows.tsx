/**
 * A virtualised list as an ARIA grid (or treegrid, for rows in groups that
 * open and close): only the rows in view (plus a few)
 * are in the document, each with its `aria-rowindex`, so 10,000 findings
 * scroll as smoothly as ten. Each row has a fixed height given by the
 * caller (per kind of row), so positions are known without measuring. Keyboard: arrows,
 * Page Up/Down, Home/End move the active row (it keeps the focus and stays
 * rendered while scrolled away); Enter and Space activate it; other keys go
 * to `onRowKey`. Controls inside a row are reachable with Tab from the
 * active row (render them with `tabIndex={active ? 0 : -1}`).
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** Top of every row and the total height (the last entry). */
function rowOffsets<T>(rows: readonly T[], height: number | ((row: T, index: number) => number)): Float64Array {
  const offsets = new Float64Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) offsets[i + 1] = offsets[i] + (typeof height === 'number' ? height : height(rows[i], i));
  return offsets;
}

/** The row at a vertical position (binary search in the offsets). */
function rowAt(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

export interface VirtualRowsProps<T> {
  readonly rows: readonly T[];
  /** Height of a row in pixels: one for all, or per row. */
  readonly rowHeight: number | ((row: T, index: number) => number);
  /** Accessible name of the grid. */
  readonly label: string;
  readonly rowKey: (row: T, index: number) => string;
  readonly renderRow: (row: T, index: number, active: boolean) => ReactNode;
  /** Enter, Space or a click on the row. */
  readonly onActivate?: (row: T, index: number) => void;
  /** Keys the list does not handle itself; return true when handled. */
  readonly onRowKey?: (row: T, index: number, event: KeyboardEvent<HTMLDivElement>) => boolean;
  readonly onActiveChange?: (row: T, index: number) => void;
  /** Height of the viewport in pixels (CSS max); rows fill it. */
  readonly height: number;
  /** Rows rendered beyond the viewport on each side. */
  readonly overscan?: number;
  /** Extra attributes of each row (e.g. aria-expanded for a group header). */
  readonly rowProps?: (row: T, index: number) => Record<string, string | number | boolean | undefined>;
  readonly className?: string;
  /** 'treegrid' when rows carry aria-level and group rows aria-expanded. */
  readonly role?: 'grid' | 'treegrid';
}

const useStyles = makeStyles({
  viewport: {
    overflowY: 'auto',
    position: 'relative',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    contain: 'strict',
  },
  spacer: { position: 'relative', width: '100%' },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    boxSizing: 'border-box',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    cursor: 'pointer',
    outlineStyle: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected },
  cell: { height: '100%', boxSizing: 'border-box', overflow: 'hidden' },
});

export function VirtualRows<T>(props: VirtualRowsProps<T>) {
  const { rows, rowHeight, height, overscan = 6 } = props;
  const styles = useStyles();
  const viewport = useRef<HTMLDivElement>(null);
  const rowElements = useRef(new Map<number, HTMLDivElement>());
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);

  const count = rows.length;
  const offsets = useMemo(() => rowOffsets(rows, rowHeight), [rows, rowHeight]);
  const totalHeight = offsets[count];
  const activeIndex = Math.min(active, Math.max(0, count - 1));
  const viewHeight = Math.min(height, Math.max(totalHeight, 1));
  const first = Math.max(0, rowAt(offsets, scrollTop) - overscan);
  const last = Math.min(count - 1, rowAt(offsets, scrollTop + viewHeight) + overscan);

  // A list that shrank (filter, collapse) keeps its scroll position in range.
  useLayoutEffect(() => {
    const el = viewport.current;
    if (el !== null && el.scrollTop > Math.max(0, totalHeight - viewHeight)) {
      el.scrollTop = Math.max(0, totalHeight - viewHeight);
      setScrollTop(el.scrollTop);
    }
  }, [totalHeight, viewHeight]);

  const moveTo = useCallback(
    (index: number) => {
      if (count === 0) return;
      const next = Math.max(0, Math.min(count - 1, index));
      setActive(next);
      props.onActiveChange?.(rows[next], next);
      const el = viewport.current;
      if (el !== null) {
        const top = offsets[next];
        const bottom = offsets[next + 1];
        const visible = el.clientHeight > 0 ? el.clientHeight : viewHeight;
        if (top < el.scrollTop) el.scrollTop = top;
        else if (bottom > el.scrollTop + visible) el.scrollTop = bottom - visible;
        setScrollTop(el.scrollTop);
      }
      focusPending.current = true;
    },
    [count, offsets, rows, props, viewHeight],
  );

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    rowElements.current.get(activeIndex)?.focus({ preventScroll: true });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (event.target !== event.currentTarget) return; // keys of a control inside the row are its own
    const page = Math.max(1, rowAt(offsets, offsets[index] + viewHeight) - index - 1);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'PageDown':
        moveTo(index + page);
        break;
      case 'PageUp':
        moveTo(index - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(count - 1);
        break;
      case 'Enter':
      case ' ':
        props.onActivate?.(rows[index], index);
        break;
      default:
        handled = props.onRowKey?.(rows[index], index, event) ?? false;
    }
    if (handled) event.preventDefault();
  };

  const indexes: number[] = [];
  for (let i = first; i <= last; i++) indexes.push(i);
  if (count > 0 && (activeIndex < first || activeIndex > last)) indexes.push(activeIndex);

  return (
    <div
      ref={viewport}
      role={props.role ?? 'grid'}
      aria-label={props.label}
      aria-rowcount={count}
      aria-colcount={1}
      className={`${styles.viewport} ${props.className ?? ''}`}
      style={{ height: viewHeight }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div role="rowgroup" className={styles.spacer} style={{ height: totalHeight }}>
        {indexes.map((i) => {
          const row = rows[i];
          const isActive = i === activeIndex;
          return (
            <div
              key={props.rowKey(row, i)}
              ref={(el) => {
                if (el === null) rowElements.current.delete(i);
                else rowElements.current.set(i, el);
              }}
              role="row"
              aria-rowindex={i + 1}
              aria-selected={isActive}
              tabIndex={isActive ? 0 : -1}
              className={`${styles.row} ${isActive ? styles.active : ''}`}
              style={{ top: offsets[i], height: offsets[i + 1] - offsets[i] }}
              onKeyDown={(e) => onKeyDown(e, i)}
              onFocus={(e) => {
                if (e.target === e.currentTarget && i !== activeIndex) {
                  setActive(i);
                  props.onActiveChange?.(row, i);
                }
              }}
              onClick={(e) => {
                if ((e.target as HTMLElement).closest('button, a, input, select, textarea') !== null) return;
                setActive(i);
                props.onActiveChange?.(row, i);
                props.onActivate?.(row, i);
              }}
              {...props.rowProps?.(row, i)}
            >
              <div role="gridcell" className={styles.cell}>
                {props.renderRow(row, i, isActive)}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
