/** A reporting period (from–to, district-local dates, inclusive) and the light history over it. */
import { asc, inArray } from 'drizzle-orm';
import { taskLights } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { validation } from '../../domain/errors.js';
import { isIsoDate, localDate } from '../../domain/time/dates.js';

export interface Period {
  from: string;
  to: string;
}

export function checkPeriod(p: Period): Period {
  if (!isIsoDate(p.from) || !isIsoDate(p.to) || p.from > p.to)
    throw validation([{ field: 'from', message: '统计期间无效：起止日期应为 YYYY-MM-DD，且起始不晚于截止' }]);
  return p;
}

/** The lights each task showed at some time within the period: the one it had at the start, and every one it took. */
export async function lightsDuring(db: Db, taskIds: string[], p: Period): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!taskIds.length) return out;
  const rows = await db
    .select({ taskId: taskLights.taskId, light: taskLights.light, at: taskLights.at })
    .from(taskLights)
    .where(inArray(taskLights.taskId, taskIds))
    .orderBy(asc(taskLights.taskId), asc(taskLights.at));
  const before = new Map<string, string | null>();
  for (const r of rows) {
    const day = localDate(r.at);
    if (day < p.from) before.set(r.taskId, r.light);
    else if (day <= p.to && r.light) out.set(r.taskId, (out.get(r.taskId) ?? new Set()).add(r.light));
  }
  for (const [id, light] of before) if (light) out.set(id, (out.get(id) ?? new Set()).add(light));
  return out;
}
