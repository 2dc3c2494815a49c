import { describe, expect, it } from 'vitest';
import { addMonths } from './dates.js';

describe('addMonths', () => {
  it('keeps the day, clamped to a shorter month, across years both ways', () => {
    expect(addMonths('2026-03-02', 12)).toBe('2027-03-02');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });
});
