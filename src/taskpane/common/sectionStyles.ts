/**
 * The layout every section of the pane shares (its column, heading, muted
 * text, row of actions, and a group of fields with its legend), as style
 * rules to spread into a section's own makeStyles.
 */
import { tokens, type GriffelStyle } from '@fluentui/react-components';

export const sectionStyles = {
  section: { display: 'flex', flexDirection: 'column', rowGap: '12px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  fieldset: {
    margin: 0,
    padding: '8px 10px 10px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    rowGap: '8px',
  },
  legend: { padding: '0 4px', fontWeight: tokens.fontWeightSemibold },
} satisfies Record<string, GriffelStyle>;
