import { z } from 'zod';
import { UNIT_KIND_IDS, createUnit, getUnit, listUnits, updateUnit } from '../../../services/org/units.js';
import { ctxOf } from '../../auth-hooks.js';
import { idParams, nullableText, typed, type Routes } from '../../deps.js';

const unitBody = z.object({
  code: z
    .string()
    .trim()
    .min(1, '请填写单位编码')
    .max(40)
    .regex(/^[A-Za-z0-9_.-]+$/, '只能包含字母、数字、点、横线和下划线'),
  name: z.string().trim().min(1, '请填写单位名称').max(100),
  shortName: nullableText(40),
  kind: z.enum(UNIT_KIND_IDS, '单位类型无效'),
  parentId: z.uuid().nullish(),
  sortOrder: z.number().int().min(-100000).max(100000).optional(),
});
const unitPatch = unitBody.partial().extend({ active: z.boolean().optional() });

export const unitRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['org'];
  r.get(
    '/units',
    { config: { permission: 'org.read' }, schema: { tags, summary: '单位列表（平铺，按 parentId 成树）' } },
    async (req) => ({
      items: await listUnits(ctxOf(req, deps)),
    }),
  );
  r.get(
    '/units/:id',
    { config: { permission: 'org.read' }, schema: { params: idParams, tags, summary: '单位详情' } },
    async (req) => getUnit(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/units',
    { config: { permission: 'org.write' }, schema: { body: unitBody, tags, summary: '新增单位' } },
    async (req, reply) => reply.status(201).send(await createUnit(ctxOf(req, deps), req.body)),
  );
  r.patch(
    '/units/:id',
    { config: { permission: 'org.write' }, schema: { params: idParams, body: unitPatch, tags, summary: '修改单位' } },
    async (req) => updateUnit(ctxOf(req, deps), req.params.id, req.body),
  );
};
