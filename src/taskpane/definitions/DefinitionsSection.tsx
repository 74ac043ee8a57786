/**
 * Definities: the effective definition set (standard set plus the active
 * profile), searchable by term, form and non-conforming word, filterable by
 * category, with usage badges; the details of a term show its parameters
 * (standard and effective value, the profile's motivation) and insert the
 * standard term or the definition into the active cell.
 */
import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { sectionStyles } from '../common/sectionStyles';
import { Search16Regular } from '@fluentui/react-icons';
import { useDeferredValue, useMemo, useState } from 'react';
import type { EffectiveParameter, EffectiveTerm } from '../../definitions/profile';
import { CATEGORIES, USAGES, type Category } from '../../definitions/schema';
import { valueText } from '../../engine/findingPresentation';
import { cellAddress } from '../../engine/grid';
import { errorText } from '../common/errorText';
import { usePane } from '../paneContext';
import { searchTerms, type MatchKind } from '../../definitions/definitionSearch';

const useStyles = makeStyles({
  ...sectionStyles,
  filters: { display: 'grid', gridTemplateColumns: '1fr', gap: '8px' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '4px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    rowGap: '2px',
    width: '100%',
    textAlign: 'left',
    padding: '6px 8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  chosen: { border: `2px solid ${tokens.colorBrandStroke1}` },
  itemTop: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px' },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  details: {
    padding: '10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'flex',
    flexDirection: 'column',
    rowGap: '8px',
    overflowWrap: 'anywhere',
  },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'left', borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, padding: '2px 4px', verticalAlign: 'bottom' },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px', verticalAlign: 'top' },
  value: { whiteSpace: 'nowrap' },
  changed: { fontWeight: tokens.fontWeightSemibold },
  plain: { margin: 0, paddingLeft: '18px' },
});

const VIA_LABELS: Readonly<Record<MatchKind, string>> = {
  term: 'standaardterm',
  vorm: 'vorm',
  'niet-conform': 'niet-conform woord',
  waarde: 'waarde',
  definitie: 'definitie',
};

function parameterValue(p: EffectiveParameter, value: number | boolean): string {
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  return `${String(value).replace('.', ',')}${p.unit !== undefined ? ` ${p.unit}` : ''}`;
}

function UsageBadges({ term }: { term: EffectiveTerm }) {
  return (
    <>
      {USAGES.filter((u) => term.usage.includes(u)).map((u) => (
        <Badge key={u} appearance="tint" color="brand" size="small" shape="rounded">
          {u}
        </Badge>
      ))}
    </>
  );
}

function TermDetails({ term }: { term: EffectiveTerm }) {
  const pane = usePane();
  const styles = useStyles();
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const byId = pane.active.defs.byId;

  /** Writes text into the top-left cell of the selection, only when that cell is empty (nothing is overwritten). */
  const insert = async (what: string, text: string) => {
    setMessage(null);
    try {
      const selection = await pane.port.getSelection();
      if (selection === null) {
        setMessage({ intent: 'warning', text: 'Selecteer eerst een cel in het werkblad.' });
        return;
      }
      const place = `${selection.sheet}!${cellAddress(selection.row, selection.col)}`;
      const [current] = await pane.port.readCells([{ sheet: selection.sheet, row: selection.row, col: selection.col }]);
      if (current !== null && current !== '') {
        setMessage({ intent: 'warning', text: `Cel ${place} is niet leeg (${valueText(current)}); kies een lege cel, dan gaat er niets verloren.` });
        return;
      }
      await pane.port.writeCells([{ sheet: selection.sheet, row: selection.row, col: selection.col, rows: [[text]] }]);
      setMessage({ intent: 'success', text: `${what} ingevoegd in ${place}.` });
    } catch (e) {
      setMessage({ intent: 'error', text: errorText(e) });
    }
  };

  return (
    <div className={styles.details} role="region" aria-label={`Definitie van ${term.term}`}>
      <Text className={styles.muted}>Categorie: {pane.active.defs.categories[term.category]}</Text>
      <Text>{term.definition}</Text>
      {term.notes.map((n, i) => (
        <div key={i}>
          <Text weight="semibold">Toelichting van het profiel: </Text>
          <Text>{n.toelichting}</Text>
          <div className={styles.muted}>Motivering: {n.motivering}</div>
        </div>
      ))}
      {term.parameters.length > 0 && (
        <table className={styles.table}>
          <caption className={styles.muted} style={{ textAlign: 'left' }}>
            Parameters
          </caption>
          <thead>
            <tr>
              <th className={styles.th} scope="col">Parameter</th>
              <th className={styles.th} scope="col">Standaard</th>
              <th className={styles.th} scope="col">Geldend</th>
              <th className={styles.th} scope="col">Motivering</th>
            </tr>
          </thead>
          <tbody>
            {term.parameters.map((p) => (
              <tr key={p.id}>
                <td className={styles.td}>{p.label}</td>
                <td className={`${styles.td} ${styles.value}`}>{parameterValue(p, p.default)}</td>
                <td className={`${styles.td} ${styles.value} ${p.deviation !== undefined ? styles.changed : ''}`}>
                  {parameterValue(p, p.value)}
                  {p.deviation !== undefined ? ' (profiel)' : ''}
                </td>
                <td className={styles.td}>{p.deviation?.motivering ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {term.forms.length > 0 && <Text className={styles.muted}>Vormen: {term.forms.join(', ')}</Text>}
      {term.nonConforming.length > 0 && (
        <div>
          <Text weight="semibold">Niet gebruiken</Text>
          <ul className={styles.plain}>
            {term.nonConforming.map((nc) => (
              <li key={nc.text}>
                ‘{nc.text}’: {nc.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {(term.values ?? []).length > 0 && (
        <div>
          <Text weight="semibold">Waarden</Text>
          <ul className={styles.plain}>
            {(term.values ?? []).map((v) => (
              <li key={v.id}>
                {v.label}: {v.definition}
              </li>
            ))}
          </ul>
        </div>
      )}
      {term.related.length > 0 && <Text className={styles.muted}>Zie ook: {term.related.map((id) => byId.get(id)?.term ?? id).join(', ')}</Text>}
      <Text className={styles.muted}>Bron: {term.source}</Text>
      <div className={styles.actions} role="group" aria-label="Invoegen in cel">
        <Button size="small" onClick={() => void insert(`Term ‘${term.term}’`, term.term)}>
          Term invoegen in cel
        </Button>
        <Button size="small" onClick={() => void insert(`Definitie van ‘${term.term}’`, term.definition)}>
          Definitie invoegen in cel
        </Button>
      </div>
      {message !== null && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

export function DefinitionsSection() {
  const pane = usePane();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<Category | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const deferred = useDeferredValue(query);
  const defs = pane.active.defs;
  const hits = useMemo(() => searchTerms(defs, deferred, category), [defs, deferred, category]);
  const term = chosen === null ? undefined : defs.byId.get(chosen);

  return (
    <section className={styles.section} aria-labelledby="definities-kop">
      <h2 id="definities-kop" className={styles.heading}>
        Definitieset {defs.version}
      </h2>
      <Text className={styles.muted}>Profiel: {defs.profile?.naam ?? 'geen (standaardset)'}</Text>
      <div className={styles.filters}>
        <Field label="Zoeken op term, vorm of niet-conform woord">
          <Input type="search" value={query} onChange={(_e, d) => setQuery(d.value)} contentBefore={<Search16Regular aria-hidden="true" />} />
        </Field>
        <Field label="Categorie">
          <Select value={category ?? ''} onChange={(_e, d) => setCategory(d.value === '' ? null : (d.value as Category))}>
            <option value="">Alle categorieën</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {defs.categories[c]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Text className={styles.muted} aria-live="polite">
        {hits.length} {hits.length === 1 ? 'term' : 'termen'}
      </Text>
      <ul className={styles.list} aria-label="Termen">
        {hits.map((hit) => (
          <li key={hit.term.id}>
            <button
              type="button"
              className={`${styles.item} ${hit.term.id === chosen ? styles.chosen : ''}`}
              aria-expanded={hit.term.id === chosen}
              onClick={() => setChosen(hit.term.id === chosen ? null : hit.term.id)}
            >
              <span className={styles.itemTop}>
                <Text weight="semibold">{hit.term.term}</Text>
                <UsageBadges term={hit.term} />
              </span>
              {hit.via !== 'term' && (
                <span className={styles.muted}>
                  gevonden via {VIA_LABELS[hit.via]}
                  {hit.via !== 'definitie' ? ` ‘${hit.text}’` : ''}
                </span>
              )}
            </button>
            {hit.term.id === chosen && term !== undefined && <TermDetails key={term.id} term={term} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
