/**
 * Sjablonen › Contract: a form for the contract data with the Dutch problem
 * of each field inline (the same validation as the command line), loading
 * and saving the data as JSON, and two ways to fill the contract: the
 * standard contract (Overeenkomst and Bijlage definities) into this
 * workbook, or the placeholders {{veld}} of the workbook's own sheets.
 */
import { TemplateMessage, type TemplateMessageState } from './TemplateMessage';
import { Button, Checkbox, Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import { Add16Regular, Delete16Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { standardReportFormat } from '../../definitions/reportFormat';
import { CLIENT_LEVEL, contractSchema, FINANCING_TERMS, REPORT_FREQUENCIES } from '../../engine/templates/contractData';
import { fillPlaceholders, writeStandardContract, type PlaceholderPlace } from '../../workbook/flows/contractFlow';
import { TemplateConflictError } from '../../workbook/flows/reportTemplateFlow';
import { parseAddress } from '../../workbook/flows/markPlan';
import type { WorkbookPort } from '../../workbook/port';
import { chooseFile } from '../common/saveFile';
import { usePane } from '../paneContext';
import { checkContractForm, contractFormOf, contractJsonOf, emptyContractForm, problemOf, type ContractForm, type PartyForm } from './contractForm';
import { templateErrorText } from './templateErrors';
import { useTemplateStyles } from './templateStyles';

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type Message = TemplateMessageState;

export function ContractPart() {
  const pane = usePane();
  const styles = useTemplateStyles();
  const format = standardReportFormat();
  const defs = pane.active.defs;
  const [form, setForm] = useState<ContractForm>(emptyContractForm);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [unknown, setUnknown] = useState<readonly PlaceholderPlace[]>([]);
  const [inFormulas, setInFormulas] = useState<readonly PlaceholderPlace[]>([]);
  const check = useMemo(() => checkContractForm(form, defs, format), [form, defs, format]);

  const edit = (next: ContractForm) => {
    setForm(next);
    setTouched(true);
    setMessage(null);
  };
  const err = (path: string) => {
    const problem = touched ? problemOf(check, path) : undefined;
    return problem !== undefined ? { validationState: 'error' as const, validationMessage: capital(problem) } : {};
  };
  const codes = (field: 'dienst' | 'doelgroep') => (format.codeLists.get(format.columnByField.get(field)?.codeList ?? field)?.entries ?? []).map((e) => e.code);
  const financing = FINANCING_TERMS.map((id) => pane.set.byId.get(id)?.term).filter((t): t is string => t !== undefined);
  const indicators = format.data.management.indicators.map((i) => i.label);

  const partyFields = (role: 'opdrachtgever' | 'opdrachtnemer', label: string) => {
    const p = form[role];
    const set = (patch: Partial<PartyForm>) => edit({ ...form, [role]: { ...p, ...patch } });
    return (
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{label}</legend>
        <Field label="Naam" required {...err(`${role}.naam`)}>
          <Input value={p.naam} onChange={(_e, d) => set({ naam: d.value })} />
        </Field>
        <div className={styles.grid2}>
          <Field label="Plaats">
            <Input value={p.plaats} onChange={(_e, d) => set({ plaats: d.value })} />
          </Field>
          <Field label="Vertegenwoordigd door">
            <Input value={p.vertegenwoordiger} onChange={(_e, d) => set({ vertegenwoordiger: d.value })} />
          </Field>
        </div>
      </fieldset>
    );
  };

  /** A group of checkboxes (a fieldset: a Field's "required" would mark every box). */
  const codeChecks = (key: 'diensten' | 'doelgroepen', field: 'dienst' | 'doelgroep', label: string) => {
    const problem = touched ? problemOf(check, key) : undefined;
    return (
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{label} (minstens één)</legend>
        <div className={styles.checks}>
          {codes(field).map((code) => (
            <Checkbox
              key={code}
              label={code}
              checked={form[key].includes(code)}
              onChange={(_e, d) => edit({ ...form, [key]: d.checked === true ? [...form[key], code] : form[key].filter((c) => c !== code) })}
            />
          ))}
        </div>
        {problem !== undefined && (
          <Text role="alert" className={styles.error}>
            {capital(problem)}
          </Text>
        )}
      </fieldset>
    );
  };

  /** The problem of a list as a whole ("noem er minstens één"). */
  const listProblem = (key: string) => {
    const problem = touched ? check.problems.get(key) : undefined;
    return problem === undefined ? null : (
      <Text role="alert" className={styles.error}>
        {capital(problem)}
      </Text>
    );
  };

  const act = async (what: 'standaard' | 'plaatshouders', replace = false) => {
    setTouched(true);
    setUnknown([]);
    setInFormulas([]);
    if (check.data === null) {
      setMessage({ intent: 'error', text: 'De contractgegevens hebben nog fouten; herstel eerst de velden hieronder.' });
      return;
    }
    setBusy(true);
    setMessage(null);
    const data = contractJsonOf(form);
    try {
      if (what === 'standaard') {
        const written = await writeStandardContract(pane.port, { set: pane.set, data, replace });
        await pane.refreshStored();
        setMessage({
          intent: 'success',
          text: `Contract ingevoegd: blad Overeenkomst (${written.text.articles.length} artikelen; artikel 1 noemt definitieset ${written.defs.version}${written.defs.profile !== null ? ` en de afwijkingen van profiel ${written.defs.profile.naam}` : ''}) en blad Bijlage definities (${written.annex.length} termen).`,
        });
      } else {
        const filled = await fillPlaceholders(pane.port, { set: pane.set, data });
        setUnknown(filled.unknown);
        setInFormulas(filled.inFormulas);
        const n = filled.filled.length;
        const f = filled.inFormulas.length;
        setMessage({
          intent: filled.unknown.length > 0 || f > 0 ? 'warning' : 'success',
          text:
            `${n} ${n === 1 ? 'cel' : 'cellen'} met plaatshouders ingevuld; verder is niets gewijzigd.` +
            (filled.unknown.length > 0 ? ` ${filled.unknown.length} onbekende ${filled.unknown.length === 1 ? 'plaatshouder staat' : 'plaatshouders staan'} hieronder.` : '') +
            (f > 0 ? ` ${f} ${f === 1 ? 'plaatshouder staat' : 'plaatshouders staan'} in een formule; die is niet gewijzigd: vul ${f === 1 ? 'hem' : 'ze'} in de formule zelf in.` : ''),
        });
      }
    } catch (error) {
      if (error instanceof TemplateConflictError && !replace) setMessage({ intent: 'warning', text: error.message, replace: error.replaceable });
      else setMessage({ intent: 'error', text: templateErrorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const load = async () => {
    setMessage(null);
    const file = await chooseFile('.json,application/json');
    if (file === null) return;
    try {
      const parsed = contractSchema.safeParse(JSON.parse(await file.text()));
      if (!parsed.success) throw new Error(`${file.name} heeft niet de vorm van contractgegevens; de opdrachtregel noemt de velden.`);
      setForm(contractFormOf(parsed.data));
      setTouched(true);
      setMessage({ intent: 'info', text: `Gegevens uit ${file.name} geladen.` });
    } catch (error) {
      setMessage({ intent: 'error', text: error instanceof SyntaxError ? `${file.name} is geen geldige JSON.` : templateErrorText(error) });
    }
  };

  const save = () => {
    const json = JSON.stringify(contractJsonOf(form), null, 2) + '\n';
    pane.saveFile('contractgegevens.json', new Blob([json], { type: 'application/json' }));
  };

  const list = <T,>(items: readonly T[], replace: (items: T[]) => void) => ({
    set: (i: number, item: T) => replace(items.map((x, j) => (j === i ? item : x))),
    remove: (i: number) => replace(items.filter((_x, j) => j !== i)),
  });
  const counts = list(form.aantallen, (aantallen) => edit({ ...form, aantallen }));
  const norms = list(form.prestatienormen, (prestatienormen) => edit({ ...form, prestatienormen }));
  const moments = list(form.evaluatiemomenten, (evaluatiemomenten) => edit({ ...form, evaluatiemomenten }));

  return (
    <section className={styles.part} aria-labelledby="sjabloon-contract-kop" data-onderdeel="contract">
      <h3 id="sjabloon-contract-kop" className={styles.heading}>
        Contract
      </h3>
      <Text className={styles.muted}>
        Het standaardcontract met een artikel Definities (definitieset {pane.set.version}
        {pane.active.profile !== null ? ` en de afwijkingen van profiel ${pane.active.profile.naam}` : ''}) en een bijlage met de definities, of de plaatshouders {'{{veld}}'} in de eigen bladen van deze werkmap.
      </Text>
      <div className={styles.actions}>
        <Button size="small" onClick={() => void load()}>
          Gegevens laden (JSON)
        </Button>
        <Button size="small" onClick={save}>
          Gegevens opslaan (JSON)
        </Button>
      </div>
      <form className={styles.section} noValidate onSubmit={(e) => e.preventDefault()} aria-label="Contractgegevens">
        <div className={styles.grid2}>
          <Field label="Titel">
            <Input value={form.titel} onChange={(_e, d) => edit({ ...form, titel: d.value })} />
          </Field>
          <Field label="Kenmerk">
            <Input value={form.kenmerk} onChange={(_e, d) => edit({ ...form, kenmerk: d.value })} />
          </Field>
        </div>
        {partyFields('opdrachtgever', 'Opdrachtgever')}
        {partyFields('opdrachtnemer', 'Opdrachtnemer')}
        {codeChecks('diensten', 'dienst', 'Diensten')}
        {codeChecks('doelgroepen', 'doelgroep', 'Doelgroepen')}
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Aantallen aanmeldingen per jaar</legend>
          {form.aantallen.map((a, i) => (
            <div key={i} className={styles.row}>
              <Field label={`Jaar ${i + 1}`} {...err(`aantallen[${i + 1}].jaar`)}>
                <Input inputMode="numeric" value={a.jaar} onChange={(_e, d) => counts.set(i, { ...a, jaar: d.value })} />
              </Field>
              <Field label={`Aantal ${i + 1}`} {...err(`aantallen[${i + 1}].aantal`)}>
                <Input inputMode="numeric" value={a.aantal} onChange={(_e, d) => counts.set(i, { ...a, aantal: d.value })} />
              </Field>
              <Button size="small" icon={<Delete16Regular aria-hidden="true" />} aria-label={`Jaar ${i + 1} verwijderen`} onClick={() => counts.remove(i)} />
            </div>
          ))}
          {listProblem('aantallen')}
          <div>
            <Button size="small" icon={<Add16Regular aria-hidden="true" />} onClick={() => edit({ ...form, aantallen: [...form.aantallen, { jaar: '', aantal: '' }] })}>
              Jaar toevoegen
            </Button>
          </div>
        </fieldset>
        <div className={styles.grid2}>
          <Field label="Budget (euro)" required {...err('budget.bedrag')}>
            <Input inputMode="decimal" value={form.bedrag} onChange={(_e, d) => edit({ ...form, bedrag: d.value })} />
          </Field>
          <Field label="Btw">
            <Select value={form.btw} onChange={(_e, d) => edit({ ...form, btw: d.value as ContractForm['btw'] })}>
              <option value="exclusief">exclusief btw</option>
              <option value="inclusief">inclusief btw</option>
              <option value="">niet vermelden</option>
            </Select>
          </Field>
        </div>
        <Field label="Financieringsvorm" required {...err('financieringsvorm')}>
          <Select value={form.financieringsvorm} onChange={(_e, d) => edit({ ...form, financieringsvorm: d.value })}>
            <option value="">Kies</option>
            {financing.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </Field>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Prestatienormen</legend>
          {listProblem('prestatienormen')}
          {form.prestatienormen.map((n, i) => (
            <div key={i} className={styles.row}>
              <Field label={`Indicator ${i + 1}`} {...err(`prestatienormen[${i + 1}]`)}>
                <Select value={n.indicator} onChange={(_e, d) => norms.set(i, { ...n, indicator: d.value })}>
                  <option value="">Kies</option>
                  {indicators.map((label) => (
                    <option key={label} value={label}>
                      {label}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Norm">
                <Select value={n.bound} onChange={(_e, d) => norms.set(i, { ...n, bound: d.value as 'minimaal' | 'maximaal' })}>
                  <option value="minimaal">ten minste</option>
                  <option value="maximaal">ten hoogste</option>
                </Select>
              </Field>
              <Field label="Waarde">
                <Input inputMode="decimal" value={n.value} onChange={(_e, d) => norms.set(i, { ...n, value: d.value })} />
              </Field>
              <Button size="small" icon={<Delete16Regular aria-hidden="true" />} aria-label={`Prestatienorm ${i + 1} verwijderen`} onClick={() => norms.remove(i)} />
            </div>
          ))}
          <div>
            <Button size="small" icon={<Add16Regular aria-hidden="true" />} onClick={() => edit({ ...form, prestatienormen: [...form.prestatienormen, { indicator: '', bound: 'minimaal', value: '' }] })}>
              Prestatienorm toevoegen
            </Button>
          </div>
        </fieldset>
        <div className={styles.grid2}>
          <Field label="Looptijd van" required {...err('looptijd.van')}>
            <Input placeholder="dd-mm-jjjj" value={form.van} onChange={(_e, d) => edit({ ...form, van: d.value })} />
          </Field>
          <Field label="Looptijd tot en met" required {...err('looptijd.tot')}>
            <Input placeholder="dd-mm-jjjj" value={form.tot} onChange={(_e, d) => edit({ ...form, tot: d.value })} />
          </Field>
        </div>
        <Field label="Verlenging">
          <Input value={form.verlenging} onChange={(_e, d) => edit({ ...form, verlenging: d.value })} />
        </Field>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Evaluatiemomenten</legend>
          {form.evaluatiemomenten.map((m, i) => (
            <div key={i} className={styles.row}>
              <Field label={`Evaluatiemoment ${i + 1}`} {...err(`evaluatiemomenten[${i + 1}]`)}>
                <Input placeholder="dd-mm-jjjj" value={m} onChange={(_e, d) => moments.set(i, d.value)} />
              </Field>
              <Button size="small" icon={<Delete16Regular aria-hidden="true" />} aria-label={`Evaluatiemoment ${i + 1} verwijderen`} onClick={() => moments.remove(i)} />
            </div>
          ))}
          {listProblem('evaluatiemomenten')}
          <div>
            <Button size="small" icon={<Add16Regular aria-hidden="true" />} onClick={() => edit({ ...form, evaluatiemomenten: [...form.evaluatiemomenten, ''] })}>
              Evaluatiemoment toevoegen
            </Button>
          </div>
        </fieldset>
        <div className={styles.grid2}>
          <Field label="Instroomgarantie (aanmeldingen per jaar)" hint="Leeg: geen instroomgarantie." {...err('instroomgarantie')}>
            <Input inputMode="numeric" value={form.instroomgarantie} onChange={(_e, d) => edit({ ...form, instroomgarantie: d.value })} />
          </Field>
          <Field label="Reclametermijn" hint={`${check.data?.reclaimWeeks ?? pane.active.defs.byId.get('terugmelding')?.parameters.find((p) => p.id === 'reclametermijnWeken')?.value} weken, volgens ${pane.active.profile !== null ? `profiel ${pane.active.profile.naam}` : 'de definitieset'}`}>
            <Input value="uit het profiel" readOnly disabled />
          </Field>
          <Field label="Rapportage" required {...err('rapportage.frequentie')}>
            <Select value={form.frequentie} onChange={(_e, d) => edit({ ...form, frequentie: d.value })}>
              {REPORT_FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Inleveren binnen (werkdagen)" required {...err('rapportage.inleverenBinnenWerkdagen')}>
            <Input inputMode="numeric" value={form.inleverenBinnenWerkdagen} onChange={(_e, d) => edit({ ...form, inleverenBinnenWerkdagen: d.value })} />
          </Field>
          <Field label="Rapportage op cliëntniveau">
            <Select value={form.clientniveau} onChange={(_e, d) => edit({ ...form, clientniveau: d.value })}>
              {CLIENT_LEVEL.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label="Privacyprotocol" required {...err('privacy.protocol')}>
          <Textarea value={form.protocol} onChange={(_e, d) => edit({ ...form, protocol: d.value })} resize="vertical" />
        </Field>
        <div className={styles.grid2}>
          <Field label="Bewaartermijn (maanden)" required {...err('privacy.bewaartermijnMaanden')}>
            <Input inputMode="numeric" value={form.bewaartermijnMaanden} onChange={(_e, d) => edit({ ...form, bewaartermijnMaanden: d.value })} />
          </Field>
          <Field label="Ondertekend te" {...err('ondertekening.plaats')}>
            <Input value={form.ondertekeningPlaats} onChange={(_e, d) => edit({ ...form, ondertekeningPlaats: d.value })} />
          </Field>
          <Field label="Ondertekend op" {...err('ondertekening.datum')}>
            <Input placeholder="dd-mm-jjjj" value={form.ondertekeningDatum} onChange={(_e, d) => edit({ ...form, ondertekeningDatum: d.value })} />
          </Field>
        </div>
        {touched && check.problems.size > 0 && (
          <Text role="status" data-problemen={check.problems.size}>
            {check.problems.size === 1 ? 'Eén veld heeft' : `${check.problems.size} velden hebben`} nog een fout.
          </Text>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" disabled={busy} onClick={() => void act('standaard')}>
            Standaardcontract invoegen
          </Button>
          <Button disabled={busy} onClick={() => void act('plaatshouders')}>
            Plaatshouders invullen
          </Button>
        </div>
      </form>
      <TemplateMessage message={message} onReplace={() => void act('standaard', true)} onDismiss={() => setMessage(null)} />
      <PlaceList label="Onbekende plaatshouders" places={unknown} where="in" port={pane.port} />
      <PlaceList label="Plaatshouders in een formule" places={inFormulas} where="in een formule in" port={pane.port} />
    </section>
  );
}

/** Placeholders with their cell, each a button that selects the cell. */
function PlaceList(props: { label: string; places: readonly PlaceholderPlace[]; where: string; port: WorkbookPort }) {
  if (props.places.length === 0) return null;
  return (
    <ul aria-label={props.label}>
      {props.places.map((u) => (
        <li key={`${u.sheet}!${u.cell}:${u.name}`}>
          <Button
            size="small"
            appearance="transparent"
            onClick={() => {
              const at = parseAddress(u.cell);
              if (at !== undefined) void props.port.select({ sheet: u.sheet, ...at });
            }}
          >
            {`{{${u.name}}}`} {props.where} {u.sheet}!{u.cell}
          </Button>
        </li>
      ))}
    </ul>
  );
}
