/**
 * A severity shown as icon and word together (never by colour alone): the
 * icon carries the colour, the word the meaning.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { Severity } from '../../engine/findings';
import { severityCount } from '../../engine/findingPresentation';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { fout: 'Fout', waarschuwing: 'Waarschuwing', info: 'Info' };

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', columnGap: '4px', whiteSpace: 'nowrap' },
  fout: { color: tokens.colorPaletteRedForeground1 },
  waarschuwing: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
});

export function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  const Icon = severity === 'fout' ? ErrorCircle16Filled : severity === 'waarschuwing' ? Warning16Filled : Info16Filled;
  return <Icon className={styles[severity]} aria-hidden="true" />;
}

/** "⛔ Fout" */
export function SeverityLabel({ severity }: { severity: Severity }) {
  const styles = useStyles();
  return (
    <span className={styles.root}>
      <SeverityIcon severity={severity} />
      <span>{SEVERITY_LABELS[severity]}</span>
    </span>
  );
}

/** "⛔ 3 fouten" */
export function SeverityCount({ severity, count }: { severity: Severity; count: number }) {
  const styles = useStyles();
  return (
    <span className={styles.root} data-ernst={severity}>
      <SeverityIcon severity={severity} />
      <span>{severityCount(severity, count)}</span>
    </span>
  );
}
