import { describe, expect, it } from 'vitest';
import { csvText, safeCell, safeText } from './safe-cell.js';

describe('safeText / safeCell / csvText', () => {
  it('prefixes text starting with = + - @ TAB CR, and nothing else', () => {
    for (const s of ['=1+1', '+86 138', '-5', '@SUM(A1)', '\tx', '\rx']) expect(safeText(s)).toBe(`'${s}`);
    for (const s of ['', '安源区', 'a=b', ' =x', "'=x", '5-3']) expect(safeText(s)).toBe(s);
  });
  it('leaves numbers, dates and null as they are', () => {
    const d = new Date();
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(d)).toBe(d);
    expect(safeCell(null)).toBe(null);
    expect(safeCell('-5')).toBe("'-5");
  });
  it('quotes CSV text after prefixing', () => {
    expect(csvText('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvText('-5')).toBe("'-5");
    expect(csvText('a,b')).toBe('"a,b"');
  });
});
