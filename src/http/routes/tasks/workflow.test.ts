import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, signIn, startTestApp, type Agent, type TestApp } from '../../../../test/harness.js';
import { taskBody, unitIdOf } from '../../../../test/factories.js';

describe.each(backends())('task workflow on %s', (backend) => {
  let t: TestApp;
  let sup: Agent; // 督查室
  let clerk: Agent; // 商务局 (lead unit)
  let head: Agent; // 工信局 head (cooperating unit)
  let leader: Agent; // 副区长（分管工业）
  let viewer: Agent;
  beforeAll(async () => {
    t = await startTestApp(backend);
    sup = await signIn(t, 'duchashi');
    clerk = await signIn(t, 'swj.clerk');
    head = await signIn(t, 'gxj.head');
    leader = await signIn(t, 'leader.industry');
    viewer = await signIn(t, 'viewer');
  });
  afterAll(() => t.close());

  const step = (a: Agent, id: string, action: string, comment?: string) =>
    a.post(`/api/tasks/${id}/actions/${action}`, comment ? { comment } : {});
  const statusOf = async (id: string) => (await sup.get(`/api/tasks/${id}`)).json().task.status;

  it('runs 立项 → 领导审核 → 交办 → 签收 → 报送 → 申请办结 → 复核 → 办结 → 销号, each step by its role only', async () => {
    const created = await sup.post('/api/tasks', await taskBody(t));
    expect(created.statusCode).toBe(201);
    const { id, number } = created.json();
    expect(number).toMatch(/^[A-Z]+-2026-\d{3}$/);
    // a draft is the supervision office's alone
    expect((await clerk.get(`/api/tasks/${id}`)).statusCode).toBe(404);
    expect((await clerk.post('/api/tasks', await taskBody(t))).statusCode).toBe(403);

    expect((await clerk.post(`/api/tasks/${id}/actions/submit_review`, {})).statusCode).toBe(404);
    expect((await step(sup, id, 'submit_review')).statusCode).toBe(200);
    // under review: the lead leader sees it, the unit does not yet
    expect((await clerk.get(`/api/tasks/${id}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/tasks/${id}`)).json().actions).toEqual(['approve_review', 'reject_review']);
    expect((await step(sup, id, 'approve_review')).statusCode).toBe(403);
    expect((await step(leader, id, 'approve_review')).statusCode).toBe(200);
    expect(await statusOf(id)).toBe('assigned');

    // the cooperating unit may not sign; the lead unit may
    expect((await step(head, id, 'sign')).statusCode).toBe(403);
    expect((await clerk.get(`/api/tasks/${id}`)).json().actions).toContain('sign');
    expect((await step(clerk, id, 'sign')).statusCode).toBe(200);
    expect((await step(clerk, id, 'sign')).json().error.code).toBe('INVALID_STATE');

    const detail = (await clerk.get(`/api/tasks/${id}`)).json();
    const targetId = detail.targets[0].id;
    const rep = await clerk.post(`/api/tasks/${id}/reports`, {
      text: '已起草初稿，征求意见中',
      percent: 40,
      values: { [targetId]: 6.5 },
      milestonesDone: [{ id: detail.milestones[0].id, doneOn: '2026-03-02' }],
    });
    expect(rep.statusCode).toBe(201);
    // a cooperating unit reports too, without moving the task's percent
    expect((await head.post(`/api/tasks/${id}/reports`, { text: '工信局配合提供数据', percent: 90 })).statusCode).toBe(201);
    // a viewer outside the involved units does not see the task at all
    expect((await viewer.post(`/api/tasks/${id}/reports`, { text: 'x', percent: 1 })).statusCode).toBe(404);
    // the lead leader sees it but may not report
    expect((await leader.post(`/api/tasks/${id}/reports`, { text: 'x', percent: 1 })).statusCode).toBe(403);
    const after = (await sup.get(`/api/tasks/${id}`)).json();
    expect(after.task.percent).toBe(40);
    expect(after.targets[0].latestValue).toBe(6.5);
    expect(after.milestones[0].doneOn).toBe('2026-03-02');
    expect(after.reports.total).toBe(2);

    expect((await step(clerk, id, 'request_completion')).statusCode).toBe(422); // needs a completion report
    expect((await step(clerk, id, 'request_completion', '若干举措已印发')).statusCode).toBe(200);
    expect((await step(clerk, id, 'approve_completion')).statusCode).toBe(403);
    expect((await step(sup, id, 'request_supplement', '请补充印发文件')).statusCode).toBe(200);
    expect(await statusOf(id)).toBe('in_progress');
    expect((await step(clerk, id, 'request_completion', '已补充文件')).statusCode).toBe(200);
    expect((await step(sup, id, 'approve_completion')).statusCode).toBe(200);
    // 督查室 rates the closing report; only 督查室 sees the rating
    expect((await sup.put(`/api/scores/quality/${id}`, { rating: 'good' })).statusCode).toBe(200);
    expect((await sup.get(`/api/tasks/${id}`)).json().qualityRating).toBe('good');
    expect((await clerk.get(`/api/tasks/${id}`)).json().qualityRating).toBeNull();
    expect((await clerk.put(`/api/scores/quality/${id}`, { rating: 'excellent' })).statusCode).toBe(403);
    expect((await step(sup, id, 'archive')).statusCode).toBe(200);
    const done = (await sup.get(`/api/tasks/${id}`)).json();
    expect(done.task.status).toBe('archived');
    expect(done.task.percent).toBe(100);
    expect(done.timeline.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit_review',
      'approve_review',
      'sign',
      'report',
      'report',
      'request_completion',
      'request_supplement',
      'request_completion',
      'approve_completion',
      'archive',
    ]);
    expect(done.actions).toEqual([]);
  });

  it('lets the lead unit return a task with a reason, and 督查室 reassign it', async () => {
    const { id } = (await sup.post('/api/tasks', await taskBody(t))).json();
    await step(sup, id, 'assign');
    expect((await step(clerk, id, 'return')).statusCode).toBe(422);
    expect((await step(clerk, id, 'return', '不属于本单位职责')).statusCode).toBe(200);
    // back with 督查室: the unit still reads it, but can do nothing with it
    expect((await clerk.get(`/api/tasks/${id}`)).json().actions).toEqual([]);
    expect((await sup.get(`/api/tasks/${id}`)).json().actions).toContain('assign');
    expect(
      (
        await sup.put(`/api/tasks/${id}`, {
          ...(await taskBody(t, { leadUnitId: await unitIdOf(t, 'GXJ'), coopUnitIds: [] })),
          version: (await sup.get(`/api/tasks/${id}`)).json().task.version,
        })
      ).statusCode,
    ).toBe(200);
    expect((await step(sup, id, 'assign')).statusCode).toBe(200);
    expect((await step(head, id, 'sign')).statusCode).toBe(200);
  });

  it('routes an extension request through the unit head, 督查室 and the lead leader', async () => {
    const { id } = (
      await sup.post('/api/tasks', await taskBody(t, { leadUnitId: await unitIdOf(t, 'GXJ'), coopUnitIds: [] }))
    ).json();
    await step(sup, id, 'assign');
    await step(head, id, 'sign');
    const req = await head.post(`/api/tasks/${id}/extensions`, {
      reason: '审批流程较长',
      newDeadline: '2026-09-30',
      progress: '已完成 60%',
    });
    expect(req.statusCode).toBe(201);
    expect(req.json().stage).toBe('supervisor'); // the head's own request skips the head's signature
    const rid = req.json().id;
    expect((await head.post(`/api/tasks/${id}/extensions/${rid}/decision`, { approve: true })).statusCode).toBe(403);
    expect((await sup.post(`/api/tasks/${id}/extensions/${rid}/decision`, { approve: true })).json().stage).toBe('leader');
    expect((await leader.post(`/api/tasks/${id}/extensions/${rid}/decision`, { approve: true })).json().stage).toBe('approved');
    expect((await sup.get(`/api/tasks/${id}`)).json().task.deadline).toBe('2026-09-30');
    const again = await head.post(`/api/tasks/${id}/extensions`, { reason: 'x', newDeadline: '2026-08-01', progress: 'x' });
    expect(again.statusCode).toBe(422); // not later than the current deadline
  });

  it('refuses a stale edit with 409 and shows the newer version', async () => {
    const { id } = (await sup.post('/api/tasks', await taskBody(t))).json();
    const v = (await sup.get(`/api/tasks/${id}`)).json().task.version;
    const first = await sup.put(`/api/tasks/${id}`, { ...(await taskBody(t, { title: '第一人的修改' })), version: v });
    expect(first.statusCode).toBe(200);
    const second = await sup.put(`/api/tasks/${id}`, { ...(await taskBody(t, { title: '第二人的修改' })), version: v });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('CONFLICT');
    expect(second.json().error.details.current.title).toBe('第一人的修改');
    expect((await sup.get(`/api/tasks/${id}`)).json().task.title).toBe('第一人的修改');
  });

  it('withdraws with a reason and reminds only open tasks', async () => {
    const { id } = (await sup.post('/api/tasks', await taskBody(t))).json();
    await step(sup, id, 'assign');
    expect((await step(sup, id, 'remind', '请于本周内签收')).statusCode).toBe(200);
    expect((await step(sup, id, 'issue_order', '督办单：限期三日内签收')).statusCode).toBe(200);
    const work = (await clerk.get('/api/workbench')).json();
    expect(work.toSign.map((x: { id: string }) => x.id)).toContain(id);
    expect(work.reminders.map((x: { taskId: string }) => x.taskId)).toContain(id);
    expect((await step(sup, id, 'withdraw')).statusCode).toBe(422);
    expect((await step(sup, id, 'withdraw', '工作调整')).statusCode).toBe(200);
    expect((await step(sup, id, 'remind', '再催')).json().error.code).toBe('INVALID_STATE');
  });

  it('splits a task into a sub-task owned by a cooperating unit', async () => {
    const { id } = (await sup.post('/api/tasks', await taskBody(t))).json();
    await step(sup, id, 'assign');
    await step(clerk, id, 'sign');
    const bad = await clerk.post(`/api/tasks/${id}/subtasks`, {
      title: '子任务',
      unitId: await unitIdOf(t, 'JYJ'),
      deadline: '2026-05-01',
    });
    expect(bad.statusCode).toBe(422);
    const sub = await clerk.post(`/api/tasks/${id}/subtasks`, {
      title: '提供工业消费数据',
      unitId: await unitIdOf(t, 'GXJ'),
      deadline: '2026-05-01',
    });
    expect(sub.statusCode).toBe(201);
    const child = (await head.get(`/api/tasks/${sub.json().id}`)).json();
    expect(child.task.status).toBe('assigned');
    expect(child.task.parent.id).toBe(id);
    expect(child.actions).toContain('sign');
    // the parent's lead unit follows its sub-task, read-only
    const followed = (await clerk.get(`/api/tasks/${sub.json().id}`)).json();
    expect(followed.actions).toEqual([]);
    expect((await clerk.get(`/api/tasks?parentId=${id}`)).json().items.map((r: { id: string }) => r.id)).toEqual([sub.json().id]);
    expect((await clerk.get(`/api/tasks/${id}`)).json().children.map((c: { id: string }) => c.id)).toEqual([sub.json().id]);
  });
});
