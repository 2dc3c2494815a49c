import { z } from 'zod';
import { createPerson, getPerson, listPeople, updatePerson } from '../../../services/org/people.js';
import { ctxOf } from '../../auth-hooks.js';
import { idParams, nullableText, optionalText, paging, typed, type Routes } from '../../deps.js';

const personBody = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(50),
  unitId: z.uuid('请选择单位'),
  title: nullableText(100),
  phone: nullableText(30),
  sortOrder: z.number().int().min(-100000).max(100000).optional(),
});
const personPatch = personBody.partial().extend({ active: z.boolean().optional() });
const listQuery = z.object({ unitId: z.uuid().optional(), q: optionalText(50), ...paging });

export const peopleRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['org'];
  r.get(
    '/people',
    { config: { permission: 'people.read' }, schema: { querystring: listQuery, tags, summary: '人员列表（按数据范围）' } },
    async (req) => listPeople(ctxOf(req, deps), req.query),
  );
  r.get(
    '/people/:id',
    { config: { permission: 'people.read' }, schema: { params: idParams, tags, summary: '人员详情' } },
    async (req) => getPerson(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/people',
    { config: { permission: 'people.write' }, schema: { body: personBody, tags, summary: '新增人员' } },
    async (req, reply) => reply.status(201).send(await createPerson(ctxOf(req, deps), req.body)),
  );
  r.patch(
    '/people/:id',
    { config: { permission: 'people.write' }, schema: { params: idParams, body: personPatch, tags, summary: '修改人员' } },
    async (req) => updatePerson(ctxOf(req, deps), req.params.id, req.body),
  );
};
