import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldIssue } from '../domain/errors.js';

/**
 * Control characters in text input. Single-line inputs (query strings, path parameters) refuse every C0 control
 * character and DEL; JSON bodies keep TAB, LF and CR (multi-line text such as a requirement or a report) and refuse
 * the rest. NUL in particular would otherwise reach PostgreSQL and fail there (500).
 */
// eslint-disable-next-line no-control-regex
export const SINGLE_LINE_CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
export const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const CONTROL_MESSAGE = '不能包含控制字符';

/** Every string (and object key) under `value` that matches `bad`, as dotted field paths (`milestones.1.name`). */
export function controlCharFields(value: unknown, bad: RegExp, opts: { repeatedKeys?: boolean } = {}): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string, depth: number) => {
    if (out.length >= 20 || depth > 32) return;
    if (typeof v === 'string') {
      if (bad.test(v)) out.push(path);
    } else if (Array.isArray(v)) {
      // a repeated query key (?q=a&q=b) names the field itself
      v.forEach((x, i) => walk(x, opts.repeatedKeys && depth === 1 ? path : path ? `${path}.${i}` : String(i), depth + 1));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        if (bad.test(k)) out.push(p);
        else walk(x, p, depth + 1);
      }
    }
  };
  walk(value, '', 0);
  return out;
}

function issuesOf(request: FastifyRequest): FieldIssue[] {
  const fields = [
    ...controlCharFields(request.params, SINGLE_LINE_CONTROL),
    ...controlCharFields(request.query, SINGLE_LINE_CONTROL, { repeatedKeys: true }),
    // JSON bodies only: multipart uploads are checked cell by cell by the import services
    ...(request.isMultipart() || Buffer.isBuffer(request.body) ? [] : controlCharFields(request.body, MULTI_LINE_CONTROL)),
  ];
  return [...new Set(fields)].map((field) => ({ field, message: CONTROL_MESSAGE }));
}

/**
 * One check for every route, before its schema: a route added later is covered without doing anything. It runs after
 * the session and permission hooks (onRequest), so a caller without the right still gets 401/403 first.
 */
export function registerControlCharCheck(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const issues = issuesOf(request);
    if (issues.length === 0) return;
    throw new AppError(422, 'VALIDATION', issues.map((i) => `${i.field}：${i.message}`).join('；'), issues);
  });
}
