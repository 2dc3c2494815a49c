import { sql } from 'drizzle-orm';
import { ROLES, ROLE_LABELS } from '../../../domain/org/roles.js';
import { getSetting } from '../../../services/setup/bootstrap.js';
import { UNIT_KINDS } from '../../../services/org/units.js';
import { typed, type Routes } from '../../deps.js';

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
  r.get('/meta', { schema: { tags: ['meta'], summary: '区名、角色与单位类型' }, config: { public: true } }, async () => {
    const district = await getSetting<{ name: string }>(deps.db, 'district');
    return {
      districtName: district?.name ?? '',
      roles: ROLES.map((id) => ({ id, ...ROLE_LABELS[id] })),
      unitKinds: Object.entries(UNIT_KINDS).map(([id, l]) => ({ id, ...l })),
    };
  });
};
