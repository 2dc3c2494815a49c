/** Test data factories for tracking: ids of demo units and leaders, and a task body. */
import { eq } from 'drizzle-orm';
import { people, units } from '../src/db/schema.js';
import type { TestApp } from './harness.js';

export async function unitIdOf(t: TestApp, code: string): Promise<string> {
  const [u] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!u) throw new Error(`no unit ${code}`);
  return u.id;
}

export async function leaderIdOf(t: TestApp, title: string): Promise<string> {
  const [p] = await t.database.db.select({ id: people.id }).from(people).where(eq(people.title, title));
  if (!p) throw new Error(`no leader ${title}`);
  return p.id;
}

/** A task led by 商务局 with 工信局 cooperating, under the industry deputy head. */
export async function taskBody(t: TestApp, over: Record<string, unknown> = {}) {
  return {
    title: '出台促进消费的若干举措',
    requirement: '抓紧出台促进消费的若干举措，着力把城市消费做旺。',
    sourceKind: 'meeting',
    leadUnitId: await unitIdOf(t, 'SWJ'),
    coopUnitIds: [await unitIdOf(t, 'GXJ')],
    leadLeaderId: await leaderIdOf(t, '副区长（分管工业）'),
    deadline: '2026-06-30',
    priority: 'important',
    cycle: 'monthly',
    cycleDay: 28,
    milestones: [{ name: '形成初稿', plannedOn: '2026-04-15' }],
    targets: [{ name: '社会消费品零售总额增速', unit: '%', targetValue: 10 }],
    ...over,
  };
}
