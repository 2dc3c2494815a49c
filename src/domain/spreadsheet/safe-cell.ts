/**
 * Formula injection (CSV/Excel "DDE" injection): a text cell that starts with = + - @ TAB or CR can be taken for a
 * formula by Excel or another spreadsheet program when a file Luoshi wrote is opened. Every CSV and Excel writer passes
 * its TEXT cells through `safeText`, which puts an apostrophe in front of such text; numbers are written as numbers and
 * never touched (a text cell "-5", such as a name, is still prefixed). Stored data stay as they are: only output is
 * escaped.
 */

/** Whether text starts with a character a spreadsheet may read as the start of a formula. */
export function formulaLeading(s: string): boolean {
  if (s.length === 0) return false;
  const c = s.charCodeAt(0);
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
}

/** Same test on UTF-8 bytes (the first byte of `b[s, e)`). */
export function formulaLeadingByte(b: Uint8Array, s: number, e: number): boolean {
  if (s >= e) return false;
  const c = b[s]!;
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
}

/** The text to write into a cell: prefixed with ' when it could start a formula. */
export function safeText(s: string): string {
  return formulaLeading(s) ? `'${s}` : s;
}

/** A cell value to write: text through `safeText`, anything else (numbers, dates, booleans, null) as it is. */
export function safeCell<T>(v: T): T | string {
  return typeof v === 'string' ? safeText(v) : v;
}

/** A CSV field for text: `safeText`, then quoted when it holds a comma, quote, line break, tab or surrounding spaces. */
export function csvText(s: string): string {
  const v = safeText(s);
  if (v === '') return v;
  const needs = v.charCodeAt(0) === 0x20 || v.charCodeAt(v.length - 1) === 0x20 || /[",\n\r\t]/.test(v);
  return needs ? `"${v.replaceAll('"', '""')}"` : v;
}
