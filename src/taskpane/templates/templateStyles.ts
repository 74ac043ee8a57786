/** The layout shared by the parts of the Sjablonen section. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { sectionStyles } from '../common/sectionStyles';

export const useTemplateStyles = makeStyles({
  ...sectionStyles,
  section: { display: 'flex', flexDirection: 'column', rowGap: '16px' },
  part: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '8px',
    paddingBottom: '12px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  subheading: { margin: '4px 0 0', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  grid2: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    gap: '8px',
    '& > *': { minWidth: 0 },
    '& .fui-Input, & .fui-Select': { width: '100%', minWidth: 0 },
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  table: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& .fui-Select': { width: '100%', minWidth: 0 },
    '& select': { minWidth: 0 },
  },
  th: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: '4px', borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  td: { padding: '3px 4px', verticalAlign: 'middle', borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, overflowWrap: 'anywhere', textAlign: 'left', fontWeight: 'normal' },
  rowHeader: { padding: '3px 4px', verticalAlign: 'middle', borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, overflowWrap: 'anywhere', textAlign: 'left', fontWeight: tokens.fontWeightSemibold },
  open: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'flex-end', '& .fui-Field': { minWidth: '90px', flexGrow: 1, flexBasis: '90px' }, '& .fui-Input, & .fui-Select': { width: '100%', minWidth: 0 } },
  checks: { display: 'flex', flexWrap: 'wrap', columnGap: '8px' },
});
