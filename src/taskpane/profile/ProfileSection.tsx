/**
 * Profiel: the contract profile stored in the workbook, edited as a form
 * (parameter values, notes on a definition, motivation), validated by the
 * same schema as the command line with the Dutch error at its field;
 * import and export as the command line's profile JSON.
 */
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { sectionStyles } from '../common/sectionStyles';
import { Add16Regular, Delete16Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { parseProfileJson, type Profile } from '../../definitions/profile';
import { storeProfile } from '../../workbook/flows/storedState';
import { errorText } from '../common/errorText';
import { chooseFile } from '../common/saveFile';
import { usePane } from '../paneContext';
import { checkDraft, draftFromProfile, draftFromRaw, emptyDeviation, EMPTY_DRAFT, type DeviationDraft, type DeviationField, type ProfileDraft } from './profileDraft';

const useStyles = makeStyles({
  ...sectionStyles,
});

function fileSafe(name: string): string {
  const stem = name.trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase();
  return stem === '' ? 'profiel' : `profiel-${stem}`;
}

function DeviationEditor({
  d,
  index,
  errors,
  onChange,
  onRemove,
}: {
  d: DeviationDraft;
  index: number;
  errors: Partial<Record<DeviationField, string>> | undefined;
  onChange: (d: DeviationDraft) => void;
  onRemove: () => void;
}) {
  const pane = usePane();
  const styles = useStyles();
  const terms = useMemo(() => [...pane.set.terms].sort((a, b) => a.term.localeCompare(b.term, 'nl')), [pane.set]);
  const term = pane.set.byId.get(d.term);
  const parameter = term?.parameters.find((p) => p.id === d.parameter);
  const err = (field: DeviationField) => (errors?.[field] !== undefined ? { validationState: 'error' as const, validationMessage: errors[field] } : {});
  const legend = `Afwijking ${index + 1}${term !== undefined ? `: ${term.term}` : ''}`;

  return (
    <fieldset className={styles.fieldset} data-afwijking={index + 1}>
      <legend className={styles.legend}>{legend}</legend>
      <Field label="Term" required {...err('term')}>
        <Select
          value={d.term}
          onChange={(_e, data) => {
            const next = pane.set.byId.get(data.value);
            onChange({ ...d, term: data.value, parameter: next?.parameters[0]?.id ?? '', kind: next !== undefined && next.parameters.length === 0 ? 'toelichting' : d.kind, value: '' });
          }}
        >
          <option value="">Kies een term</option>
          {terms.map((t) => (
            <option key={t.id} value={t.id}>
              {t.term}
            </option>
          ))}
        </Select>
      </Field>
      <RadioGroup value={d.kind} onChange={(_e, data) => onChange({ ...d, kind: data.value as DeviationDraft['kind'] })} aria-label={`Soort afwijking ${index + 1}`}>
        <Radio value="parameter" label="Andere waarde van een parameter" disabled={term !== undefined && term.parameters.length === 0} />
        <Radio value="toelichting" label="Toelichting bij de definitie" />
      </RadioGroup>
      {d.kind === 'parameter' && (
        <>
          <Field label="Parameter" required {...err('parameter')}>
            <Select value={d.parameter} onChange={(_e, data) => onChange({ ...d, parameter: data.value, value: '' })}>
              <option value="">Kies een parameter</option>
              {(term?.parameters ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </Select>
          </Field>
          {parameter?.type === 'boolean' ? (
            <Field label="Waarde" required {...err('value')} hint={`Standaard: ${parameter.default ? 'ja' : 'nee'}`}>
              <Select value={d.value} onChange={(_e, data) => onChange({ ...d, value: data.value })}>
                <option value="">Kies</option>
                <option value="ja">ja</option>
                <option value="nee">nee</option>
              </Select>
            </Field>
          ) : (
            <Field
              label={parameter?.unit !== undefined ? `Waarde (${parameter.unit})` : 'Waarde'}
              required
              {...err('value')}
              hint={parameter !== undefined ? `Standaard: ${String(parameter.default)} ${parameter.unit ?? ''}; toegestaan ${parameter.min}–${parameter.max}` : undefined}
            >
              <Input inputMode="decimal" value={d.value} onChange={(_e, data) => onChange({ ...d, value: data.value })} />
            </Field>
          )}
        </>
      )}
      {d.kind === 'toelichting' && (
        <Field label="Toelichting" required {...err('toelichting')}>
          <Textarea value={d.toelichting} onChange={(_e, data) => onChange({ ...d, toelichting: data.value })} resize="vertical" />
        </Field>
      )}
      <Field label="Motivering" required {...err('motivering')}>
        <Textarea value={d.motivering} onChange={(_e, data) => onChange({ ...d, motivering: data.value })} resize="vertical" />
      </Field>
      <div>
        <Button size="small" icon={<Delete16Regular aria-hidden="true" />} onClick={onRemove}>
          Afwijking {index + 1} verwijderen
        </Button>
      </div>
    </fieldset>
  );
}

export function ProfileSection() {
  const pane = usePane();
  const styles = useStyles();
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY_DRAFT);
  const [touched, setTouched] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const stored = pane.active.profile;
  const storedRaw = pane.stored?.profile ?? null;
  /** The draft of what the workbook stores: the valid profile, or an invalid one as far as it reads (to repair it). */
  const storedDraft = useMemo(() => (stored !== null ? draftFromProfile(stored) : draftFromRaw(storedRaw)), [stored, storedRaw]);

  // The editor starts from the stored profile, and follows it while the user has not changed anything.
  useEffect(() => {
    if (!dirty) {
      setDraft(storedDraft);
      setTouched(pane.active.error !== null);
    }
  }, [storedDraft, dirty, pane.active.error]);

  const check = useMemo(() => checkDraft(draft, pane.set), [draft, pane.set]);
  const show = touched || dirty;
  const edit = (next: ProfileDraft) => {
    setDraft(next);
    setDirty(true);
    setTouched(true);
    setMessage(null);
  };

  const save = async (profile: Profile | null, text: string) => {
    setBusy(true);
    try {
      await storeProfile(pane.port, profile);
      await pane.refreshStored();
      pane.profileChanged(profile);
      setDirty(false);
      setTouched(false);
      setMessage({ intent: 'success', text });
    } catch (e) {
      setMessage({ intent: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async () => {
    setMessage(null);
    const file = await chooseFile('.json,application/json');
    if (file === null) return;
    try {
      const profile = parseProfileJson(await file.text(), pane.set);
      setDraft(draftFromProfile(profile));
      setDirty(true);
      setTouched(true);
      setMessage({ intent: 'info', text: `Profiel ‘${profile.naam}’ uit ${file.name} geladen; kies ‘Opslaan in werkmap’ om het te gebruiken.` });
    } catch (e) {
      setMessage({ intent: 'error', text: `${file.name}: ${errorText(e)}` });
    }
  };

  const exportFile = () => {
    if (check.profile === null) {
      setTouched(true);
      setMessage({ intent: 'error', text: 'Het profiel heeft nog fouten; herstel die eerst.' });
      return;
    }
    const json = JSON.stringify(check.profile, null, 2) + '\n';
    pane.saveFile(`${fileSafe(check.profile.naam)}.json`, new Blob([json], { type: 'application/json' }));
    setMessage({ intent: 'success', text: `Profiel ‘${check.profile.naam}’ geëxporteerd als JSON (zoals de opdrachtregel het leest).` });
  };

  const errors = check.errors;
  const topError = (field: 'naam' | 'gemeente') => (show && errors[field] !== undefined ? { validationState: 'error' as const, validationMessage: errors[field] } : {});

  return (
    <section className={styles.section} aria-labelledby="profiel-kop">
      <h2 id="profiel-kop" className={styles.heading}>
        Contractprofiel
      </h2>
      <Text className={styles.muted}>
        {pane.active.error !== null
          ? `Het profiel in de werkmap is ongeldig: ${pane.active.error}`
          : stored !== null
            ? `Actief profiel in deze werkmap: ${stored.naam} (${stored.gemeente}).`
            : 'Deze werkmap heeft geen profiel: de standaardset geldt.'}
        {dirty ? ' Er zijn niet-opgeslagen wijzigingen.' : ''}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (check.profile === null) {
            setMessage({ intent: 'error', text: 'Het profiel is niet opgeslagen: herstel eerst de fouten hieronder.' });
            return;
          }
          void save(check.profile, `Profiel ‘${check.profile.naam}’ opgeslagen in de werkmap; de volgende controle gebruikt het.`);
        }}
        className={styles.section}
        noValidate
      >
        <Field label="Naam" required {...topError('naam')}>
          <Input value={draft.naam} onChange={(_e, d) => edit({ ...draft, naam: d.value })} />
        </Field>
        <Field label="Gemeente" required {...topError('gemeente')}>
          <Input value={draft.gemeente} onChange={(_e, d) => edit({ ...draft, gemeente: d.value })} />
        </Field>
        <Text className={styles.muted}>Bouwt op definitieset {pane.set.version}.</Text>
        {draft.deviations.map((d, i) => (
          <DeviationEditor
            key={d.key}
            d={d}
            index={i}
            errors={show ? errors.deviations.get(d.key) : undefined}
            onChange={(next) => edit({ ...draft, deviations: draft.deviations.map((x) => (x.key === d.key ? next : x)) })}
            onRemove={() => edit({ ...draft, deviations: draft.deviations.filter((x) => x.key !== d.key) })}
          />
        ))}
        <div>
          <Button icon={<Add16Regular aria-hidden="true" />} onClick={() => edit({ ...draft, deviations: [...draft.deviations, emptyDeviation()] })}>
            Afwijking toevoegen
          </Button>
        </div>
        {show && errors.general !== undefined && (
          <MessageBar intent="error">
            <MessageBarBody>{errors.general}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={busy}>
            Opslaan in werkmap
          </Button>
          <Button
            disabled={busy || !dirty}
            onClick={() => {
              setDraft(storedDraft);
              setDirty(false);
              setTouched(false);
              setMessage(null);
            }}
          >
            Wijzigingen terugdraaien
          </Button>
          <Button disabled={busy || confirmRemove || (stored === null && pane.active.error === null)} onClick={() => setConfirmRemove(true)}>
            Profiel verwijderen
          </Button>
        </div>
        {confirmRemove && (
          <MessageBar intent="warning">
            <MessageBarBody>Het profiel wordt uit de werkmap verwijderd; daarna geldt de standaardset. Exporteer het eerst als u het wilt bewaren.</MessageBarBody>
            <MessageBarActions>
              <Button
                size="small"
                onClick={() => {
                  setConfirmRemove(false);
                  void save(null, 'Het profiel is uit de werkmap verwijderd; de standaardset geldt.');
                }}
              >
                Verwijderen
              </Button>
              <Button size="small" onClick={() => setConfirmRemove(false)}>
                Annuleren
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button onClick={() => void importFile()} disabled={busy}>
            Importeren (JSON)
          </Button>
          <Button onClick={exportFile} disabled={busy}>
            Exporteren (JSON)
          </Button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {message !== null && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
