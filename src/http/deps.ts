import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import type { Clock } from '../services/context.js';
import type { WebhookOptions } from '../services/webhooks/configs.js';

export interface AppDeps {
  database: Database;
  db: Database['db'];
  clock: Clock;
  version: string;
  secureCookies: boolean;
  /** Login attempts per address per minute. */
  loginRateLimit: number;
  /** Outgoing webhook options (tests allow local robot URLs). */
  webhooks: WebhookOptions;
}

export type Routes = (app: FastifyInstance, deps: AppDeps) => void;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

export const idParams = z.object({ id: z.uuid('编号格式不正确') });
export const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
/** Optional text: an empty string counts as absent. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));
export const nullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An attachment named `filename` (UTF-8), with an ASCII `fallback` name for old clients. */
export function contentDisposition(filename: string, fallback = 'export.xlsx'): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
