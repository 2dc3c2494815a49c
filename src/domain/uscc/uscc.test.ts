import { describe, expect, it } from 'vitest';
import { usccCheckChar, usccProblem } from './uscc.js';

describe('USCC (GB 32100-2015)', () => {
  it('computes the check character of a published code', () => {
    // 91350100M000100Y43, with the alphabet 0-9 A-H J-N P-R T U W-Y (A=10 … M=21 … Y=30):
    // 9×1 + 1×3 + 3×9 + 5×27 + 0×19 + 1×26 + 0×16 + 0×17 + M(21)×20 + 0×29 + 0×25 + 0×13 + 1×8 + 0×24 + 0×10 + Y(30)×30 + 4×28
    // = 9 + 3 + 27 + 135 + 0 + 26 + 0 + 0 + 420 + 0 + 0 + 0 + 8 + 0 + 0 + 900 + 112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3.
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccProblem('91350100M000100Y43')).toBeNull();
  });
  it('names what is wrong', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('check');
    expect(usccProblem('91350100M000100Y4')).toBe('length');
    expect(usccProblem('91350100M000100I43')).toBe('charset');
  });
  it('maps a remainder of 0 to check character 0', () => {
    // '00000000000000000' sums to 0 → (31 − 0) mod 31 = 0
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });
});
