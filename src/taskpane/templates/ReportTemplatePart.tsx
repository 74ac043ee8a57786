/**
 * Sjablonen › Rapportagesjabloon: inserts the uniform report template into
 * the workbook (Cliënten as a table with drop-downs and input messages,
 * Management with the indicator formulas, the code lists hidden), with the
 * Management metadata the user gives. A report already there is replaced
 * only after the user confirms.
 */
import { TemplateMessage, type TemplateMessageState } from './TemplateMessage';
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { parseDateText } from '../../engine/cellValues';
import type { RawValue } from '../../engine/grid';
import { insertReportTemplate, TemplateConflictError } from '../../workbook/flows/reportTemplateFlow';
import { usePane } from '../paneContext';
import { templateErrorText } from './templateErrors';
import { useTemplateStyles } from './templateStyles';

type Message = TemplateMessageState;

export function ReportTemplatePart() {
  const pane = usePane();
  const styles = useTemplateStyles();
  const [values, setValues] = useState({ gemeente: '', opdrachtnemer: '', van: '', tot: '' });
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  const dateError = (text: string) => (text.trim() !== '' && parseDateText(text) === undefined ? 'Geen datum: schrijf dd-mm-jjjj.' : undefined);
  const errors = { van: dateError(values.van), tot: dateError(values.tot) };
  const field = (name: 'van' | 'tot') => (errors[name] !== undefined ? { validationState: 'error' as const, validationMessage: errors[name] } : {});

  const insert = async (replace: boolean) => {
    if (errors.van !== undefined || errors.tot !== undefined) return;
    setBusy(true);
    setMessage(null);
    const metadata: Record<string, RawValue> = {};
    if (values.gemeente.trim() !== '') metadata.gemeente = values.gemeente.trim();
    if (values.opdrachtnemer.trim() !== '') metadata.opdrachtnemer = values.opdrachtnemer.trim();
    if (values.van.trim() !== '') metadata.periodeVan = parseDateText(values.van) as number;
    if (values.tot.trim() !== '') metadata.periodeTot = parseDateText(values.tot) as number;
    try {
      const written = await insertReportTemplate(pane.port, { set: pane.set, metadata, replace });
      const profile = written.defs.profile !== null ? `profiel ${written.defs.profile.naam}` : 'de standaardset';
      setMessage({
        intent: 'success',
        text: `Sjabloon ingevoegd: de bladen Cliënten en Management (de codelijsten op het verborgen blad Codelijsten), volgens definitieset ${written.defs.version} en ${profile}.`,
      });
    } catch (error) {
      if (error instanceof TemplateConflictError && !replace) setMessage({ intent: 'warning', text: error.message, replace: error.replaceable });
      else setMessage({ intent: 'error', text: templateErrorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.part} aria-labelledby="sjabloon-rapportage-kop" data-onderdeel="rapportage">
      <h3 id="sjabloon-rapportage-kop" className={styles.heading}>
        Rapportagesjabloon
      </h3>
      <Text className={styles.muted}>
        De uniforme rapportage in deze werkmap: keuzelijsten uit de codelijsten, invoerhulp per kolom uit de definities en de managementcijfers als formules. Werkt ook zonder deze invoegtoepassing.
      </Text>
      <div className={styles.grid2}>
        <Field label="Gemeente">
          <Input value={values.gemeente} onChange={(_e, d) => setValues({ ...values, gemeente: d.value })} />
        </Field>
        <Field label="Opdrachtnemer">
          <Input value={values.opdrachtnemer} onChange={(_e, d) => setValues({ ...values, opdrachtnemer: d.value })} />
        </Field>
        <Field label="Periode van" {...field('van')}>
          <Input value={values.van} placeholder="dd-mm-jjjj" onChange={(_e, d) => setValues({ ...values, van: d.value })} />
        </Field>
        <Field label="Periode tot" {...field('tot')}>
          <Input value={values.tot} placeholder="dd-mm-jjjj" onChange={(_e, d) => setValues({ ...values, tot: d.value })} />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void insert(false)}>
          Sjabloon invoegen
        </Button>
      </div>
      <TemplateMessage message={message} onReplace={() => void insert(true)} onDismiss={() => setMessage(null)} />
    </section>
  );
}
