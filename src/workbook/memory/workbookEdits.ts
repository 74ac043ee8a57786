/**
 * The contract between the in-memory workbook and the .xlsx package codec:
 * what a package holds for us when it is opened, and the edits to write
 * back. The writer changes only what the edits name and copies every other
 * part of the base package byte for byte; without a base it makes a new
 * package from the sheet specs.
 */
import type { DateSystem } from '../../engine/excelDate';
import type { WorkbookData } from '../../engine/grid';
import type { CellInput, CellMark, SheetSpec, SheetVisibility, StoredState } from '../port';

/** What opening a package gives. */
export interface OpenedPackage {
  readonly workbook: WorkbookData & { readonly dateSystem: DateSystem };
  /** Visibility per sheet name (visible when absent). */
  readonly visibility: ReadonlyMap<string, SheetVisibility>;
  /** Our stored state, or null when the package has none. */
  readonly stored: StoredState | null;
  /** Our marks already in the package (a marked copy). */
  readonly marks: readonly CellMark[];
  /** The name of the active sheet, where the package says. */
  readonly activeSheet: string | null;
}

export interface WorkbookEdits {
  readonly dateSystem: DateSystem;
  /**
   * Cells written into sheets of the base package, by sheet name and A1
   * address: the final input of each cell. A sheet that was put whole is
   * not listed here (its spec holds its cells).
   */
  readonly cells: ReadonlyMap<string, ReadonlyMap<string, CellInput>>;
  /** Our marks as they are to be in the result; the writer first removes every mark of ours the base holds. */
  readonly marks: readonly CellMark[];
  /** Sheets put whole: each replaces the base sheet of its name, or is added after the last sheet. */
  readonly sheets: readonly SheetSpec[];
  /** Visibility changes of base sheets. */
  readonly visibility: ReadonlyMap<string, SheetVisibility>;
  /** The stored state to write, or null to leave the base's (or none) as it is. */
  readonly stored: StoredState | null;
}

/** Opens and writes .xlsx packages (src/workbook/xlsx). */
export interface PackageCodec {
  open(bytes: Uint8Array): OpenedPackage;
  write(base: Uint8Array | null, edits: WorkbookEdits): Uint8Array;
  /** The formulas of a package's formula cells, by sheet name and A1 address (read again when asked: opening does not keep them). */
  formulas(bytes: Uint8Array): ReadonlyMap<string, ReadonlyMap<string, string>>;
}
