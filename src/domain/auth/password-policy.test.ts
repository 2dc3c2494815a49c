import { describe, expect, it } from 'vitest';
import { characterClasses, isIdleExpired, lockoutAfter, passwordProblems } from './password-policy.js';

describe('password policy', () => {
  it('wants 8 characters from three of four classes', () => {
    expect(passwordProblems('Abcdef1!')).toEqual([]);
    expect(passwordProblems('abcdef12')).toEqual(['密码须包含大写字母、小写字母、数字、符号中的至少三类']);
    expect(passwordProblems('Ab1!')).toEqual(['密码至少 8 位']);
    expect(passwordProblems('abcdefg1!')).toEqual([]);
    expect(characterClasses('aA1!')).toBe(4);
    expect(characterClasses('测试密码测试密码')).toBe(1);
  });
  it('refuses a password that contains the username', () => {
    expect(passwordProblems('Xadmin#2026', 'admin')).toEqual(['密码不能包含用户名']);
  });
});

describe('lockout and idle timeout', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('locks on the fifth failure for 15 minutes', () => {
    expect(lockoutAfter(4, now)).toBeNull();
    expect(lockoutAfter(5, now)?.toISOString()).toBe('2026-01-01T00:15:00.000Z');
  });
  it('expires a session idle for more than 30 minutes', () => {
    expect(isIdleExpired(now, new Date(now.getTime() + 30 * 60_000))).toBe(false);
    expect(isIdleExpired(now, new Date(now.getTime() + 30 * 60_000 + 1))).toBe(true);
  });
});
