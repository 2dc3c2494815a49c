/**
 * 评价方案: versioned schemes. A version is never changed; saving a scheme with the same `id` (its code) saves the next
 * version. The body is stored exactly as sent, once it validates.
 */
import { desc, eq, max, sql } from 'drizzle-orm';
import { mujunSchemes } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { conflict, notFound, validation } from '../../domain/errors.js';
import { validateScheme, type Scheme, type SchemeProblem } from '../../domain/mujun/scheme.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';

export type SchemeRow = typeof mujunSchemes.$inferSelect;

const summaryColumns = {
  id: mujunSchemes.id,
  code: mujunSchemes.code,
  version: mujunSchemes.version,
  name: mujunSchemes.name,
  year: mujunSchemes.year,
  note: mujunSchemes.note,
  createdByName: mujunSchemes.createdByName,
  createdAt: mujunSchemes.createdAt,
};

/** A scheme problem as a validation issue: the field path, and the position inside an expression. */
export function problemIssues(problems: readonly SchemeProblem[]) {
  return problems.map((p) => ({
    field: p.path,
    message: p.position === undefined ? p.message : `${p.message}（位置 ${p.position}）`,
    ...(p.position === undefined ? {} : { position: p.position }),
  }));
}

/** Validates a stored or sent body; a problem answers 422 with the path of each. */
export function parseSchemeBody(body: unknown): Scheme {
  const v = validateScheme(body);
  if (!v.ok) throw validation(problemIssues(v.problems));
  return v.scheme;
}

export async function listSchemes(ctx: Ctx) {
  requirePermission(ctx, 'mujun.read');
  return ctx.db
    .select(summaryColumns)
    .from(mujunSchemes)
    .orderBy(desc(mujunSchemes.createdAt), desc(mujunSchemes.code), desc(mujunSchemes.version));
}

export async function loadScheme(db: Db, id: string): Promise<SchemeRow> {
  const [row] = await db.select().from(mujunSchemes).where(eq(mujunSchemes.id, id)).limit(1);
  if (!row) throw notFound('评价方案');
  return row;
}

export async function getScheme(ctx: Ctx, id: string) {
  requirePermission(ctx, 'mujun.read');
  const row = await loadScheme(ctx.db, id);
  const { createdBy: _createdBy, ...out } = row;
  return out;
}

/** Checks a scheme without saving it. */
export async function validateSchemeBody(ctx: Ctx, body: unknown) {
  requirePermission(ctx, 'mujun.manage');
  const v = validateScheme(body);
  return v.ok ? { ok: true as const } : { ok: false as const, problems: v.problems };
}

/** Inserts the next version of the scheme's code (in the caller's transaction) with its audit event. */
export async function insertScheme(tx: Db, ctx: Pick<Ctx, 'actor' | 'ip' | 'clock'>, body: unknown, note: string | null) {
  const scheme = parseSchemeBody(body);
  // one new version of a code at a time: concurrent saves get consecutive versions instead of a unique violation
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('luoshi.mujun_schemes'), hashtext(${scheme.id}))`);
  const [{ v } = { v: null }] = await tx
    .select({ v: max(mujunSchemes.version) })
    .from(mujunSchemes)
    .where(eq(mujunSchemes.code, scheme.id));
  const version = (v ?? 0) + 1;
  const [row] = await tx
    .insert(mujunSchemes)
    .values({
      code: scheme.id,
      version,
      name: scheme.name,
      year: scheme.year,
      body: body as object,
      note,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.name,
      createdAt: ctx.clock.now(),
    })
    .returning(summaryColumns);
  await recordAudit(tx, ctx, {
    action: 'mujun.scheme.create',
    targetType: 'mujun_scheme',
    targetId: row!.id,
    after: { code: row!.code, version, name: row!.name, year: row!.year, note },
  });
  return row!;
}

function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e; x && typeof x === 'object'; x = (x as { cause?: unknown }).cause) {
    if ((x as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Saves a scheme as the next version of its code (`body.id`). */
export async function saveScheme(ctx: Ctx, input: { body: unknown; note?: string | null }) {
  requirePermission(ctx, 'mujun.manage');
  try {
    return await ctx.db.transaction((tx) => insertScheme(tx, ctx, input.body, input.note ?? null));
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('该方案刚被他人保存了新版本，请刷新后重试');
    throw e;
  }
}
