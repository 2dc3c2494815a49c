import { sql } from 'drizzle-orm';
import { ROLES, ROLE_LABELS } from '../../../domain/org/roles.js';
import { getSetting } from '../../../services/settings/read.js';
import { districtSetting } from '../../../services/settings/district.js';
import { UNIT_KINDS } from '../../../services/org/units.js';
import { CYCLES, PRIORITIES, SOURCE_KINDS, STATUS_LABELS, WORKFLOW } from '../../../domain/tasks/workflow.js';

const labelled = (table: Record<string, { zh: string; en: string }>) =>
  Object.entries(table).map(([id, l]) => ({ id, zh: l.zh, en: l.en }));
import { typed, type AppDeps, type Routes } from '../../deps.js';

/** GET /meta: the district's name and every label the screens show. */
export async function metaAnswer(deps: Pick<AppDeps, 'db'>) {
  const district = await getSetting(deps.db, districtSetting);
  return {
    districtName: district?.name ?? '',
    roles: ROLES.map((id) => ({ id, ...ROLE_LABELS[id] })),
    unitKinds: labelled(UNIT_KINDS),
    taskStatuses: labelled(STATUS_LABELS),
    sourceKinds: labelled(SOURCE_KINDS),
    priorities: labelled(PRIORITIES),
    cycles: labelled(CYCLES),
    taskActions: labelled(WORKFLOW),
  };
}

export const metaRoutes: Routes = (app, deps) => {
  const r = typed(app);
  r.get('/health', { schema: { tags: ['meta'], summary: '健康检查' }, config: { public: true } }, async (_req, reply) => {
    let ok = true;
    try {
      await deps.db.execute(sql`SELECT 1`);
    } catch {
      ok = false;
    }
    return reply.status(ok ? 200 : 503).send({
      status: ok ? 'ok' : 'degraded',
      version: deps.version,
      database: { driver: deps.database.driver, ok },
    });
  });
  r.get('/meta', { schema: { tags: ['meta'], summary: '区名、角色与单位类型' }, config: { public: true } }, async () =>
    metaAnswer(deps),
  );
};
