/**
 * The 亩均 part of the demo district: the departments' files of 2021 and 2022 (with their planted inconsistencies),
 * the default scheme of each year and the Huangyan example, one run per year, the default differentiated policies and
 * one pending appeal filed by a street. Runs inside the bootstrap transaction, as the system.
 */
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { mujunAppeals, mujunPolicies, mujunResults, users } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { ANYUAN_ENTERPRISE_YEARS, departmentUploads } from '../../demo/anyuan-enterprises.js';
import { defaultScheme } from '../../domain/mujun/default-scheme.js';
import type { MujunRecord } from '../../domain/mujun/fields.js';
import { csvCell, csvNumber } from '../../domain/mujun/input.js';
import { SOURCE_BY_ID } from '../../domain/mujun/sources.js';
import { dataScopeOf } from '../../domain/org/roles.js';
import { systemActor, type Actor, type Clock } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { DEFAULT_POLICIES } from './policies.js';
import { mergedRecords } from './reconcile.js';
import { storeRun } from './runs.js';
import { insertScheme } from './schemes.js';
import { sha256Hex, storeUpload } from './uploads.js';

export const HUANGYAN_SCHEME_URL = new URL('../../domain/mujun/fixtures/huangyan-2023.scheme.json', import.meta.url);

/** The street whose clerk files the demo appeal (its account: `baiyuan.clerk`). */
export const DEMO_APPEAL_TOWN = '白源街道';
export const DEMO_APPEAL_USERNAME = 'baiyuan.clerk';

/** A department's rows as the canonical CSV (English headers, LF), the bytes the demo upload's SHA-256 is taken of. */
export function departmentCsv(records: readonly MujunRecord[], fields: readonly string[]): string {
  const keys = ['uscc', 'name', ...fields];
  const cell = (v: string | number | null | undefined) =>
    v === null || v === undefined ? '' : typeof v === 'number' ? csvNumber(v) : csvCell(v);
  return [keys.join(','), ...records.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\n') + '\n';
}

/** `税务局（税收）` → `税务局`. */
const departmentName = (zh: string) => zh.replace(/（.*）$/, '');

export async function loadMujunDemo(tx: Db, clock: Clock) {
  const ctx = { actor: systemActor(), ip: null, clock };
  let uploads = 0;
  for (const year of ANYUAN_ENTERPRISE_YEARS) {
    for (const { source, records } of departmentUploads(year)) {
      const def = SOURCE_BY_ID.get(source)!;
      const csv = departmentCsv(records, def.fields);
      await storeUpload(tx, ctx, {
        year,
        source,
        fileName: `${year}-${departmentName(def.zh)}.xlsx`,
        sha256: sha256Hex(csv),
        size: Buffer.byteLength(csv),
        fields: [...def.fields],
        records,
      });
      uploads++;
    }
  }

  const runs: { year: number; id: string; records: MujunRecord[] }[] = [];
  for (const year of ANYUAN_ENTERPRISE_YEARS) {
    const body = defaultScheme(year);
    const scheme = await insertScheme(tx, ctx, body, '系统默认方案（规上、规下两组，四项“英雄”指标）');
    const { records, uploadIds } = await mergedRecords(tx, year);
    const run = await storeRun(tx, ctx, {
      year,
      scheme: { id: scheme.id, body },
      records,
      uploadIds,
      parentRunId: null,
      reason: `${year}年度亩均效益综合评价（初评）`,
    });
    runs.push({ year, id: run.id, records });
  }
  const huangyan = JSON.parse(readFileSync(HUANGYAN_SCHEME_URL, 'utf8')) as unknown;
  await insertScheme(tx, ctx, huangyan, '示例：台州市黄岩区公开发布的评价办法（固定基准值）');

  await tx
    .insert(mujunPolicies)
    .values(DEFAULT_POLICIES.map((p, k) => ({ ...p, department: p.department ?? null, sortOrder: p.sortOrder ?? (k + 1) * 10 })));
  await recordAudit(tx, ctx, {
    action: 'mujun.policy.replace',
    targetType: 'mujun_policy',
    after: { items: DEFAULT_POLICIES.length },
  });

  const latest = runs.at(-1)!;
  const appeals = await fileDemoAppeal(tx, clock, latest.id, latest.records);
  return { uploads, runs: runs.length, appeals };
}

/** A pending appeal of 白源街道 for one of its C-class enterprises: land taken back by the government still counted. */
async function fileDemoAppeal(tx: Db, clock: Clock, runId: string, records: readonly MujunRecord[]): Promise<number> {
  const [clerk] = await tx.select().from(users).where(eq(users.username, DEMO_APPEAL_USERNAME)).limit(1);
  if (!clerk) return 0;
  const candidates = await tx
    .select({ uscc: mujunResults.uscc, name: mujunResults.name, class: mujunResults.class, rank: mujunResults.rank })
    .from(mujunResults)
    .where(and(eq(mujunResults.runId, runId), eq(mujunResults.town, DEMO_APPEAL_TOWN), eq(mujunResults.status, 'scored')))
    .orderBy(mujunResults.uscc);
  const landOf = (uscc: string) => Number(records.find((r) => r['uscc'] === uscc)?.['land_mu'] ?? NaN);
  const target = candidates.find((c) => c.class === 'C' && landOf(c.uscc) >= 10);
  if (!target) return 0;
  const land = landOf(target.uscc);
  const claimed = String(Math.round(land * 80) / 100);
  const stored = String(Math.round((land - Number(claimed)) * 100) / 100);
  const actor: Actor = {
    userId: clerk.id,
    name: clerk.displayName,
    roles: clerk.roles,
    unitId: clerk.unitId,
    personId: clerk.personId,
    scope: dataScopeOf({ roles: clerk.roles, unitId: clerk.unitId, portfolioUnitIds: [] }),
    enterpriseUscc: null,
  };
  const [row] = await tx
    .insert(mujunAppeals)
    .values({
      runId,
      uscc: target.uscc,
      kind: 'value',
      field: 'land_mu',
      claimedValue: claimed,
      reason: `${target.name}反映：自然资源局核定的用地面积 ${land} 亩中含已由政府收储的闲置土地 ${stored} 亩，实际使用面积为 ${claimed} 亩，请核减后重新评价（土地收储协议随后补交）。`,
      filedBy: clerk.id,
      filedByName: clerk.displayName,
      filedAt: clock.now(),
    })
    .returning({ id: mujunAppeals.id });
  await recordAudit(
    tx,
    { actor, ip: null, clock },
    {
      action: 'mujun.appeal.create',
      targetType: 'mujun_appeal',
      targetId: row!.id,
      after: { runId, uscc: target.uscc, kind: 'value', field: 'land_mu', claimedValue: claimed },
    },
  );
  return 1;
}
