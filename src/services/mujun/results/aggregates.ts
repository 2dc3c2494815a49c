/**
 * A run's results per town or per industry division, over the enterprises the actor may see. Counts, class counts and
 * the mean total are over scored enterprises (as in the spec's class counts); land, tax and value added are summed from
 * the run's input snapshot over the same enterprises, so taxPerMu is the aggregate Σ tax ÷ Σ land of the town.
 */
import { mujunResults } from '../../../db/schema.js';
import { requirePermission, type Ctx } from '../../context.js';
import { mujunScope } from '../access.js';
import { NO_CLASS, classOrder, loadRun, resultsWhere, snapshotNumber, snapshotOf } from './common.js';
import { divisionLabel } from './divisions.js';

export type AggregateBy = 'town' | 'industry';

export interface Aggregate {
  key: string;
  label: string;
  /** scored enterprises */
  n: number;
  /** every visible enterprise of the key, whatever its status */
  enterprises: number;
  classCounts: Record<string, number>;
  meanTotal: number | null;
  land_mu: number;
  tax: number;
  value_added: number;
  taxPerMu: number | null;
  vaPerMu: number | null;
}

const round = (x: number, dp: number) => Math.round(x * 10 ** dp) / 10 ** dp;

export async function aggregates(ctx: Ctx, runId: string, by: AggregateBy): Promise<Aggregate[]> {
  requirePermission(ctx, 'mujun.read');
  const run = await loadRun(ctx.db, runId);
  const rows = await ctx.db
    .select({
      uscc: mujunResults.uscc,
      town: mujunResults.town,
      division: mujunResults.division,
      status: mujunResults.status,
      class: mujunResults.class,
      total: mujunResults.total,
    })
    .from(mujunResults)
    .where(resultsWhere(run.id, await mujunScope(ctx)));
  const snap = await snapshotOf(ctx.db, run);
  const classes = classOrder(
    run.scheme,
    rows.map((r) => r.class ?? NO_CLASS),
  );

  const acc = new Map<
    string,
    {
      n: number;
      enterprises: number;
      classCounts: Record<string, number>;
      sumTotal: number;
      land: number;
      tax: number;
      va: number;
    }
  >();
  for (const r of rows) {
    const key = (by === 'town' ? r.town : r.division) ?? '';
    let a = acc.get(key);
    if (!a) {
      a = {
        n: 0,
        enterprises: 0,
        classCounts: Object.fromEntries(classes.map((c) => [c, 0])),
        sumTotal: 0,
        land: 0,
        tax: 0,
        va: 0,
      };
      acc.set(key, a);
    }
    a.enterprises++;
    if (r.status !== 'scored') continue;
    a.n++;
    const cls = r.class ?? NO_CLASS;
    a.classCounts[cls] = (a.classCounts[cls] ?? 0) + 1;
    a.sumTotal += r.total ?? 0;
    const add = (field: string) => {
      const v = snapshotNumber(snap, r.uscc, field);
      return Number.isNaN(v) ? 0 : v;
    };
    a.land += add('land_mu');
    a.tax += add('tax');
    a.va += add('value_added');
  }
  return [...acc.entries()]
    .map(([key, a]) => ({
      key,
      label: by === 'town' ? key || '未填写乡镇街道' : divisionLabel(key || null),
      n: a.n,
      enterprises: a.enterprises,
      classCounts: a.classCounts,
      meanTotal: a.n ? round(a.sumTotal / a.n, 4) : null,
      land_mu: round(a.land, 4),
      tax: round(a.tax, 4),
      value_added: round(a.va, 4),
      taxPerMu: a.land > 0 ? round(a.tax / a.land, 4) : null,
      vaPerMu: a.land > 0 ? round(a.va / a.land, 4) : null,
    }))
    .sort((x, y) => (x.key === '' ? 1 : 0) - (y.key === '' ? 1 : 0) || y.n - x.n || x.key.localeCompare(y.key, 'zh-CN'));
}
