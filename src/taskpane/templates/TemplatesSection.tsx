/**
 * Sjablonen: the three template actions of the pane, each written once
 * against the port (src/workbook/flows): insert the report template, map a
 * vendor's own table into it, fill a contract.
 */
import { Text } from '@fluentui/react-components';
import { ContractPart } from './ContractPart';
import { MappingPart } from './MappingPart';
import { ReportTemplatePart } from './ReportTemplatePart';
import { useTemplateStyles } from './templateStyles';

export function TemplatesSection() {
  const styles = useTemplateStyles();
  return (
    <section className={styles.section} aria-labelledby="sjablonen-kop" data-sectie="sjablonen">
      <h2 id="sjablonen-kop" className={styles.heading}>
        Sjablonen
      </h2>
      <Text className={styles.muted}>Alles volgt de definitieset en het profiel van deze werkmap.</Text>
      <ReportTemplatePart />
      <MappingPart />
      <ContractPart />
    </section>
  );
}
