/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from a 31-character alphabet (no I, O,
 * S, V, Z); the 18th is a check character over the first 17 (weights 3^i mod 31).
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weight of each of the first 17 characters in the check sum (3^i mod 31). */
export const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null when one of them is not in the alphabet. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export type UsccProblem = 'length' | 'charset' | 'check';

/** Why `code` is not a valid USCC, or null when it is. Expects the trimmed, upper-cased code. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!USCC_ALPHABET.includes(ch)) return 'charset';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : 'check';
}

export const USCC_PROBLEM_ZH: Record<UsccProblem, string> = {
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码含有不允许的字符（不含 I、O、S、V、Z）',
  check: '统一社会信用代码校验位错误',
};

/** Normalise user input: trim and upper-case. */
export function normalizeUscc(raw: string): string {
  return raw.trim().toUpperCase();
}
