/**
 * Every workflow step, taken once by a role the workflow table allows (it succeeds) and once by a role it refuses
 * (403 when the task is visible to them, 404 when it is not).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, signIn, startTestApp, type Agent, type TestApp } from '../../../../test/harness.js';
import { taskBody } from '../../../../test/factories.js';

type Who = 'sup' | 'clerk' | 'head' | 'leader';
type State = 'draft' | 'pending_review' | 'assigned' | 'returned' | 'in_progress' | 'completion_requested' | 'closed';

const CASES: { action: string; from: State; allowed: Who; refused: Who; refusedStatus: number; body?: object }[] = [
  { action: 'submit_review', from: 'draft', allowed: 'sup', refused: 'clerk', refusedStatus: 404 },
  { action: 'approve_review', from: 'pending_review', allowed: 'leader', refused: 'sup', refusedStatus: 403 },
  {
    action: 'reject_review',
    from: 'pending_review',
    allowed: 'leader',
    refused: 'sup',
    refusedStatus: 403,
    body: { comment: '请补充依据' },
  },
  { action: 'assign', from: 'returned', allowed: 'sup', refused: 'clerk', refusedStatus: 403 },
  { action: 'sign', from: 'assigned', allowed: 'clerk', refused: 'head', refusedStatus: 403 },
  { action: 'return', from: 'assigned', allowed: 'clerk', refused: 'head', refusedStatus: 403, body: { comment: '职责不符' } },
  {
    action: 'request_completion',
    from: 'in_progress',
    allowed: 'clerk',
    refused: 'head',
    refusedStatus: 403,
    body: { comment: '已完成' },
  },
  { action: 'approve_completion', from: 'completion_requested', allowed: 'sup', refused: 'clerk', refusedStatus: 403 },
  {
    action: 'request_supplement',
    from: 'completion_requested',
    allowed: 'sup',
    refused: 'clerk',
    refusedStatus: 403,
    body: { comment: '补充材料' },
  },
  {
    action: 'request_rectify',
    from: 'completion_requested',
    allowed: 'sup',
    refused: 'leader',
    refusedStatus: 403,
    body: { comment: '整改' },
  },
  { action: 'archive', from: 'closed', allowed: 'sup', refused: 'clerk', refusedStatus: 403 },
  {
    action: 'withdraw',
    from: 'in_progress',
    allowed: 'sup',
    refused: 'clerk',
    refusedStatus: 403,
    body: { comment: '工作调整' },
  },
  { action: 'remind', from: 'in_progress', allowed: 'sup', refused: 'clerk', refusedStatus: 403, body: { comment: '请抓紧' } },
  {
    action: 'issue_order',
    from: 'in_progress',
    allowed: 'sup',
    refused: 'head',
    refusedStatus: 403,
    body: { comment: '督办单' },
  },
];

describe.each(backends())('each workflow step by an allowed and a refused role on %s', (backend) => {
  let t: TestApp;
  const agents = {} as Record<Who, Agent>;
  beforeAll(async () => {
    t = await startTestApp(backend);
    agents.sup = await signIn(t, 'duchashi');
    agents.clerk = await signIn(t, 'swj.clerk');
    agents.head = await signIn(t, 'gxj.head');
    agents.leader = await signIn(t, 'leader.industry');
  });
  afterAll(() => t.close());

  const step = async (who: Who, id: string, action: string, body: object = {}) => {
    const res = await agents[who].post(`/api/tasks/${id}/actions/${action}`, body);
    if (res.statusCode !== 200) throw new Error(`${who} ${action}: ${res.statusCode} ${res.body}`);
  };
  /** A fresh task (商务局 leads, 工信局 cooperates, 分管工业 leads) brought to `state` by the proper parties. */
  async function taskIn(state: State): Promise<string> {
    const { id } = (await agents.sup.post('/api/tasks', await taskBody(t, { milestones: [] }))).json();
    if (state === 'draft') return id;
    if (state === 'pending_review') {
      await step('sup', id, 'submit_review');
      return id;
    }
    await step('sup', id, 'assign');
    if (state === 'assigned') return id;
    if (state === 'returned') {
      await step('clerk', id, 'return', { comment: '不属于本单位职责' });
      return id;
    }
    await step('clerk', id, 'sign');
    if (state === 'in_progress') return id;
    await step('clerk', id, 'request_completion', { comment: '已完成' });
    if (state === 'completion_requested') return id;
    await step('sup', id, 'approve_completion');
    return id;
  }

  it.each(CASES)('$action from $from: $allowed may, $refused may not', async (c) => {
    const id = await taskIn(c.from);
    const refused = await agents[c.refused].post(`/api/tasks/${id}/actions/${c.action}`, c.body ?? {});
    expect(refused.statusCode).toBe(c.refusedStatus);
    const before = (await agents.sup.get(`/api/tasks/${id}`)).json();
    expect(before.task.status).toBe(c.from); // the refusal changed nothing
    const allowed = await agents[c.allowed].post(`/api/tasks/${id}/actions/${c.action}`, c.body ?? {});
    expect(allowed.statusCode).toBe(200);
    const after = (await agents.sup.get(`/api/tasks/${id}`)).json();
    expect(after.timeline.at(-1).action).toBe(c.action);
  });

  it('report, split and extension: the lead unit may; the lead leader may not', async () => {
    const id = await taskIn('in_progress');
    for (const [path, body] of [
      ['reports', { text: '进展', percent: 10 }],
      [
        'subtasks',
        {
          title: '子任务',
          unitId: (await agents.sup.get(`/api/tasks/${id}`)).json().task.coopUnits[0].id,
          deadline: '2026-05-01',
        },
      ],
      ['extensions', { reason: '理由', newDeadline: '2026-09-30', progress: '一半' }],
    ] as const) {
      expect((await agents.leader.post(`/api/tasks/${id}/${path}`, body)).statusCode).toBe(403);
      expect((await agents.clerk.post(`/api/tasks/${id}/${path}`, body)).statusCode).toBe(201);
    }
  });
});
