/**
 * Sjablonen › Eigen tabel omzetten: the vendor's own table mapped into the
 * report. The sheet that fits best is proposed; the editor shows every
 * source header with its proposed report column, every label of the
 * vendor with its proposed code, and the values still open, and the user
 * confirms or changes each. "Omzetten" writes Cliënten and Management and
 * saves the mapping in the workbook, so next period it runs in one click;
 * a label the saved mapping does not know comes back as an open value.
 */
import { TemplateMessage, type TemplateMessageState } from './TemplateMessage';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { standardReportFormat } from '../../definitions/reportFormat';
import { withOpenValues } from '../../engine/templates/applyMapping';
import { mappingJson, parseMappingJson, type Mapping } from '../../engine/templates/mapping';
import { proposeMapping } from '../../engine/templates/mappingProposal';
import { applyMappingThroughPort, sourceCandidates, storedMapping, type SourceCandidate } from '../../workbook/flows/mappingFlow';
import { TemplateConflictError } from '../../workbook/flows/reportTemplateFlow';
import { TaskProgress, useLongTask } from '../common/longTask';
import { chooseFile } from '../common/saveFile';
import { usePane } from '../paneContext';
import {
  chooseColumn,
  chooseConstant,
  chooseValue,
  draftFromMapping,
  draftFromProposal,
  draftMapping,
  missingColumns,
  openValues,
  valueChoices,
  type MappingDraft,
} from './mappingDraft';
import { templateErrorText } from './templateErrors';
import { useTemplateStyles } from './templateStyles';

/** How a value was proposed, short (the table is narrow). */
const VALUE_BASIS: Record<string, string> = { variant: 'variant', gelijkenis: 'lijkt erop: controleer', gekozen: 'gekozen', open: 'open' };

const BASIS: Record<string, string> = {
  kop: 'standaardkop',
  variant: 'bekende variant',
  gelijkenis: 'lijkt erop: controleer',
  geen: 'niet in de rapportage',
  gekozen: 'gekozen',
  open: 'open',
};

/** The value of a choice list for "leave the cell empty" (a target value can never be this). */
const EMPTY_CHOICE = '\u0000leeg';
const OPEN_CHOICE = '';

type Message = TemplateMessageState;

export function MappingPart() {
  const pane = usePane();
  const styles = useTemplateStyles();
  const format = standardReportFormat();
  const task = useLongTask();
  const [candidates, setCandidates] = useState<SourceCandidate[] | null>(null);
  const [saved, setSaved] = useState<Mapping | null>(null);
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  const load = useCallback(async () => {
    setMessage(null);
    try {
      const [found, mapping] = await Promise.all([sourceCandidates(pane.port, format), storedMapping(pane.port, format)]);
      setCandidates(found);
      setSaved(mapping);
      const fromSaved = mapping !== null ? found.find((c) => c.sheet === mapping.sheet) : undefined;
      if (fromSaved !== undefined && mapping !== null) setDraft(draftFromMapping(mapping, fromSaved.proposal));
      else setDraft(found.length > 0 ? draftFromProposal(found[0].proposal) : null);
    } catch (error) {
      setMessage({ intent: 'error', text: templateErrorText(error) });
    }
  }, [pane.port, format]);

  useEffect(() => {
    void load();
  }, [load]);

  const open = useMemo(() => (draft === null ? [] : openValues(draft)), [draft]);
  const missing = useMemo(() => (draft === null ? [] : missingColumns(draft, format)), [draft, format]);

  const chooseSheet = (sheet: string) => {
    const candidate = candidates?.find((c) => c.sheet === sheet);
    if (candidate === undefined) return;
    setDraft(saved !== null && saved.sheet === sheet ? draftFromMapping(saved, candidate.proposal) : draftFromProposal(candidate.proposal));
    setMessage(null);
  };

  const convert = async (mapping: Mapping, replace: boolean) => {
    setMessage(null);
    try {
      const outcome = await task.run('Omzetten', (signal, progress) =>
        applyMappingThroughPort(pane.port, { set: pane.set, mapping, replace, signal, pause: pane.pause, onProgress: (done, total) => progress(done, total) }),
      );
      if (!outcome.ok) {
        setMessage({ intent: 'info', text: 'Omzetten afgebroken; er is niets geschreven.' });
        return;
      }
      const { mapped, written } = outcome.value;
      if (written === null) {
        // Values the mapping does not translate: shown as open values to choose.
        const snapshot = await pane.port.read({ sheets: [mapped.table.sheet.name] });
        const proposal = proposeMapping(snapshot.sheets[0], format, mapped.table.headerRow);
        if (proposal !== null) setDraft(draftFromMapping(withOpenValues(mapping, mapped.unresolved), proposal));
        const n = mapped.skippedRows.length;
        setMessage({
          intent: 'warning',
          text: `Niet omgezet: ${n} ${n === 1 ? 'rij heeft' : 'rijen hebben'} een waarde die de koppeling niet kent. Kies hieronder een code voor elke open waarde en zet opnieuw om.`,
        });
        return;
      }
      await pane.refreshStored();
      setSaved(await storedMapping(pane.port, format));
      const skipped = mapped.newColumns.length > 0 ? ` Nieuwe kolommen zonder plaats in de koppeling (niet overgenomen): ${mapped.newColumns.join(', ')}.` : '';
      setMessage({
        intent: 'success',
        text: `${written.rows} ${written.rows === 1 ? 'rij' : 'rijen'} van blad ${mapped.table.sheet.name} omgezet naar Cliënten, met de managementcijfers. De koppeling is opgeslagen in de werkmap.${skipped}`,
      });
    } catch (error) {
      if (error instanceof TemplateConflictError && !replace) setMessage({ intent: 'warning', text: error.message, replace: error.replaceable });
      else setMessage({ intent: 'error', text: templateErrorText(error) });
    }
  };

  /** A mapping saved as JSON (by the command line or another workbook): used as the saved one until the next conversion stores it here. */
  const importMapping = async () => {
    setMessage(null);
    const file = await chooseFile('.json,application/json');
    if (file === null) return;
    try {
      const mapping = parseMappingJson(await file.text(), format);
      // Its sheet, or the sheet that fits best when this workbook names it otherwise.
      const candidate = candidates?.find((c) => c.sheet === mapping.sheet) ?? candidates?.[0];
      const fitted = candidate !== undefined ? { ...mapping, sheet: candidate.sheet } : mapping;
      setSaved(fitted);
      if (candidate !== undefined) setDraft(draftFromMapping(fitted, candidate.proposal));
      setMessage({ intent: 'info', text: `Koppeling uit ${file.name} geladen.` });
    } catch (error) {
      setMessage({ intent: 'error', text: `${file.name}: ${templateErrorText(error)}` });
    }
  };

  const exportMapping = () => {
    if (draft === null) return;
    const json = JSON.stringify(mappingJson(draftMapping(draft), format), null, 2) + '\n';
    pane.saveFile('koppeling.json', new Blob([json], { type: 'application/json' }));
  };

  const busy = task.task !== null;
  const headers = format.columns;
  return (
    <section className={styles.part} aria-labelledby="sjabloon-omzetten-kop" data-onderdeel="omzetten">
      <h3 id="sjabloon-omzetten-kop" className={styles.heading}>
        Eigen tabel omzetten
      </h3>
      <Text className={styles.muted}>
        Een eigen export omzetten naar de uniforme rapportage. Kolommen en labels worden voorgesteld; controleer elk voorstel. Een rij met een open waarde wordt nooit half overgenomen.
      </Text>
      {candidates !== null && candidates.length === 0 && (
        <div className={styles.actions}>
          <Text>Geen blad in deze werkmap lijkt op een eigen tabel met kolomkoppen.</Text>
          <Button size="small" onClick={() => void load()}>
            Opnieuw zoeken
          </Button>
        </div>
      )}
      {saved !== null && (
        <div className={styles.actions}>
          <Text>Opgeslagen koppeling voor blad {saved.sheet ?? '(onbekend)'}.</Text>
          <Button disabled={busy} onClick={() => void convert(saved, false)}>
            Omzetten met de opgeslagen koppeling
          </Button>
        </div>
      )}
      {candidates !== null && candidates.length > 0 && draft !== null && (
        <>
          <div className={styles.row}>
            <Field label="Blad met de eigen tabel">
              <Select value={draft.sheet} onChange={(_e, d) => chooseSheet(d.value)}>
                {candidates.map((c) => (
                  <option key={c.sheet} value={c.sheet}>
                    {c.sheet}
                  </option>
                ))}
              </Select>
            </Field>
            <Text className={styles.muted}>kopregel {draft.headerRow + 1}, {draft.table.dataRows.length} rijen</Text>
            <Button size="small" disabled={busy} onClick={() => void load()}>
              Opnieuw zoeken
            </Button>
          </div>

          <h4 className={styles.subheading}>Kolommen</h4>
          <table className={styles.table} aria-label="Kolommen van de eigen tabel">
            <thead>
              <tr>
                <th className={styles.th} scope="col" style={{ width: '32%' }}>Eigen kolom</th>
                <th className={styles.th} scope="col" style={{ width: '43%' }}>Kolom in de rapportage</th>
                <th className={styles.th} scope="col">Voorstel</th>
              </tr>
            </thead>
            <tbody>
              {draft.columns.map((c) => (
                <tr key={c.col} data-bron={c.source}>
                  <th className={styles.rowHeader} scope="row">
                    {c.source}
                  </th>
                  <td className={styles.td}>
                    <Select
                      size="small"
                      aria-label={`Doel van ${c.source}`}
                      value={c.target ?? ''}
                      onChange={(_e, d) => setDraft(chooseColumn(draft, c.col, d.value === '' ? null : d.value, format))}
                    >
                      <option value="">niet overnemen</option>
                      {headers.map((h) => (
                        <option key={h.field} value={h.field}>
                          {h.header}
                        </option>
                      ))}
                    </Select>
                  </td>
                  <td className={styles.td}>{BASIS[c.basis]}</td>
                </tr>
              ))}
            </tbody>
          </table>

          {missing.length > 0 && (
            <fieldset className={styles.fieldset}>
              <legend className={styles.legend}>Verplichte kolommen zonder eigen kolom</legend>
              {missing.map((m) => (
                <Field key={m.field} label={`Vaste waarde voor ${m.header}`} validationState="warning" validationMessage="Kies een eigen kolom of geef een vaste waarde.">
                  <Input value={draft.constants[m.field] ?? ''} onChange={(_e, d) => setDraft(chooseConstant(draft, m.field, d.value))} />
                </Field>
              ))}
            </fieldset>
          )}
          {Object.entries(draft.constants).map(([field, value]) => (
            <Field key={field} label={`Vaste waarde voor ${format.columnByField.get(field)?.header ?? field}`}>
              <Input value={value} onChange={(_e, d) => setDraft(chooseConstant(draft, field, d.value))} />
            </Field>
          ))}

          <h4 className={styles.subheading}>Waarden</h4>
          {draft.values.length === 0 ? (
            <Text className={styles.muted}>Alle waarden zijn al standaard.</Text>
          ) : (
            <table className={styles.table} aria-label="Eigen waarden en hun code">
              <thead>
                <tr>
                  <th className={styles.th} scope="col" style={{ width: '20%' }}>Kolom</th>
                  <th className={styles.th} scope="col" style={{ width: '24%' }}>Eigen waarde</th>
                  <th className={styles.th} scope="col" style={{ width: '33%' }}>Wordt</th>
                  <th className={styles.th} scope="col">Voorstel</th>
                </tr>
              </thead>
              <tbody>
                {draft.values.map((v) => {
                  const header = format.columnByField.get(v.field)?.header ?? v.field;
                  const choices = valueChoices(format, v.field);
                  const current = v.target === null ? OPEN_CHOICE : v.target === '' ? EMPTY_CHOICE : v.target;
                  return (
                    <tr key={`${v.field}\u0000${v.source}`} className={v.target === null ? styles.open : undefined} data-waarde={v.source} data-open={v.target === null ? '' : undefined}>
                      <td className={styles.td}>{header}</td>
                      <th className={styles.rowHeader} scope="row">
                        {v.source}
                      </th>
                      <td className={styles.td}>
                        <Select
                          size="small"
                          aria-label={`${header}: ${v.source} wordt`}
                          value={current}
                          onChange={(_e, d) => setDraft(chooseValue(draft, v.field, v.source, d.value === OPEN_CHOICE ? null : d.value === EMPTY_CHOICE ? '' : d.value))}
                        >
                          <option value={OPEN_CHOICE}>kies…</option>
                          {choices.map((code) => (
                            <option key={code} value={code}>
                              {code}
                            </option>
                          ))}
                          <option value={EMPTY_CHOICE}>(cel leeg laten)</option>
                        </Select>
                      </td>
                      <td className={styles.td} title={v.reason ?? undefined}>
                        {VALUE_BASIS[v.basis]}
                        {v.count > 0 ? ` · ${v.count}× · ${v.firstCell}` : ''}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}

          {open.length > 0 && (
            <MessageBar intent="warning" data-open-waarden={open.length}>
              <MessageBarBody>
                {open.length === 1 ? 'Eén waarde is' : `${open.length} waarden zijn`} nog open: {open.map((v) => `‘${v.source}’`).join(', ')}. Kies een code of laat de cel leeg.
              </MessageBarBody>
            </MessageBar>
          )}
          {task.task !== null && <TaskProgress task={task.task} onCancel={task.cancel} />}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy || open.length > 0 || missing.length > 0} onClick={() => void convert(draftMapping(draft), false)}>
              Omzetten naar Cliënten
            </Button>
            <Button disabled={busy} onClick={exportMapping}>
              Koppeling opslaan (JSON)
            </Button>
            <Button disabled={busy} onClick={() => void importMapping()}>
              Koppeling laden (JSON)
            </Button>
          </div>
        </>
      )}
      <TemplateMessage
        message={message}
        onReplace={draft === null ? undefined : () => void convert(draftMapping(draft), true)}
        onDismiss={() => setMessage(null)}
        successActions={
          <Button size="small" onClick={() => pane.showSection('controleren')}>
            Controleren
          </Button>
        }
      />
    </section>
  );
}
