/**
 * "Genegeerd": the findings the user accepted, as stored in the workbook,
 * each with its reason and a button to restore it (it counts again).
 */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CATALOGUE } from '../../engine/findings';
import type { AcceptedFinding } from '../../workbook/port';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '6px' },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    columnGap: '8px',
    padding: '6px 8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  text: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
});

const time = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'short' });

function when(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : time.format(d);
}

export function placeOf(a: Pick<AcceptedFinding, 'sheet' | 'cell'>): string {
  if (a.cell === null) return 'werkmap';
  return a.sheet !== null ? `${a.sheet}!${a.cell}` : a.cell;
}

export function AcceptedList({ accepted, onRestore, busy }: { accepted: readonly AcceptedFinding[]; onRestore: (a: AcceptedFinding) => void; busy: boolean }) {
  const styles = useStyles();
  if (accepted.length === 0) return <Text className={styles.muted}>Geen genegeerde bevindingen in deze werkmap.</Text>;
  return (
    <ul className={styles.list} aria-label="Genegeerde bevindingen">
      {accepted.map((a) => {
        const place = placeOf(a);
        const what = a.fragment ?? a.value;
        return (
          <li key={`${a.sheet}|${a.cell}|${a.code}|${a.fragment}|${a.value}`} className={styles.item}>
            <div className={styles.text}>
              <Text weight="semibold">{place}</Text> <Text>· {a.code}</Text>
              <div className={styles.muted}>{CATALOGUE[a.code].rule}</div>
              {what !== '' && <div>Waarde: {what}</div>}
              <div className={styles.muted}>
                {a.reason !== null ? `Reden: ${a.reason} · ` : 'Geen reden opgegeven · '}
                {when(a.at)}
              </div>
            </div>
            <Button size="small" disabled={busy} onClick={() => onRestore(a)} aria-label={`Herstellen: ${a.code} in ${place}`}>
              Herstellen
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
