/**
 * The Dutch text of an error of the template flows: a mapping's problems, a
 * contract's fields and a sheet that would be replaced are our own Dutch
 * sentences; anything else as the pane shows errors.
 */
import { ContractDataError } from '../../engine/templates/contractData';
import { MappingError } from '../../engine/templates/mapping';
import { TemplateConflictError } from '../../workbook/flows/reportTemplateFlow';
import { errorText } from '../common/errorText';

export function templateErrorText(error: unknown): string {
  if (error instanceof MappingError || error instanceof ContractDataError) return error.problems.join(' ');
  if (error instanceof TemplateConflictError) return error.message;
  return errorText(error);
}
