/**
 * OWASP's CSV-injection rule: a cell a spreadsheet would read as a formula (starting with "=",
 * "+", "-", "@", tab, carriage return or NUL) is written with a leading single quote, which
 * spreadsheets show as text. Imports take that exact prefix off again, so that what Onramp
 * exported imports back as it was stored.
 */
const FORMULA_START = /^[=+\-@\t\r\0]/;

export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function restore(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
