/** Completion and on-time rates per lead unit. On time: closed with closed_at's local date ≤ deadline. */
import { tasks, units } from '../../db/schema.js';
import { requirePermission, type Ctx } from '../context.js';
import type { DashboardFilter } from './common.js';
import { ratesBy, type RateRow } from './rates.js';

export async function ratesByUnit(ctx: Ctx, base: DashboardFilter): Promise<RateRow[]> {
  requirePermission(ctx, 'tasks.read');
  return ratesBy(ctx, base, { col: tasks.leadUnitId, table: units, id: units.id, name: units.name }, 'leadUnitId');
}
