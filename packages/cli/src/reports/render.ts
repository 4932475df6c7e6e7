/** A table: column names and rows of cells, all text. Numbers are right-aligned in `table`. */
export interface Table {
  readonly columns: readonly string[];
  /** Columns holding numbers (counts, amounts): right-aligned. */
  readonly numeric?: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Width in a terminal: CJK characters take two columns. */
const widthOf = (text: string): number => {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
};

const pad = (text: string, width: number, right: boolean): string => {
  const fill = ' '.repeat(Math.max(0, width - widthOf(text)));
  return right ? fill + text : text + fill;
};

/** Aligned columns with a header line, two spaces apart, no trailing spaces. */
export const renderTable = (table: Table): string => {
  const numeric = new Set(table.numeric ?? []);
  // A loop, not Math.max(...rows): a report may have more rows than a call has room for arguments.
  const widths = table.columns.map((column, i) =>
    table.rows.reduce((widest, row) => Math.max(widest, widthOf(row[i] ?? '')), widthOf(column)),
  );
  const line = (cells: readonly string[]): string =>
    table.columns
      .map((column, i) => pad(cells[i] ?? '', widths[i] ?? 0, numeric.has(column)))
      .join('  ')
      .trimEnd();
  return [line(table.columns), ...table.rows.map(line)].map((l) => `${l}\n`).join('');
};

const csvCell = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** RFC 4180 CSV: a header line, then one line per row, `\n` line ends. */
export const renderCsv = (table: Table): string =>
  [table.columns, ...table.rows].map((cells) => `${cells.map(csvCell).join(',')}\n`).join('');

/** Pretty JSON with a final line end: how every report's JSON is printed (core's `reportJsonText`). */
export { reportJsonText as renderJson } from '@collective-ledger/core';

