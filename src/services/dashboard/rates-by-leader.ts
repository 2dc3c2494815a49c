/** Completion and on-time rates per lead leader (tasks without a lead leader are not in any row). */
import { sql } from 'drizzle-orm';
import { people, tasks } from '../../db/schema.js';
import { requirePermission, type Ctx } from '../context.js';
import type { DashboardFilter } from './common.js';
import { ratesBy, type RateRow } from './rates.js';

export async function ratesByLeader(ctx: Ctx, base: DashboardFilter): Promise<RateRow[]> {
  requirePermission(ctx, 'tasks.read');
  const name = sql<string>`coalesce(${people.title}, '') || ' ' || ${people.name}`;
  return ratesBy(ctx, base, { col: tasks.leadLeaderId, table: people, id: people.id, name }, 'leaderId');
}
