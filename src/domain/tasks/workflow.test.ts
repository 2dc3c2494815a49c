import { describe, expect, it } from 'vitest';
import {
  TASK_ACTIONS,
  TASK_STATUSES,
  WORKFLOW,
  allowedActions,
  canDecideExtension,
  nextExtensionStage,
  refusal,
  type TaskFacts,
} from './workflow.js';

const task = (status: TaskFacts['status']): TaskFacts => ({
  status,
  deadline: '2026-06-30',
  leadUnitId: 'swj',
  coopUnitIds: ['gxj'],
  leadLeaderId: 'vice',
});
const TODAY = '2026-03-02';
const sup = { roles: ['supervisor'], unitId: 'dcs', personId: null };
const clerk = { roles: ['unit_clerk'], unitId: 'swj', personId: null };
const coop = { roles: ['unit_head'], unitId: 'gxj', personId: null };
const leader = { roles: ['leader'], unitId: 'gov', personId: 'vice' };
const otherLeader = { roles: ['leader'], unitId: 'gov', personId: 'other' };

describe('the workflow table', () => {
  it('names only known states and roles', () => {
    for (const a of TASK_ACTIONS) {
      for (const s of WORKFLOW[a].from) expect(TASK_STATUSES).toContain(s);
      if (WORKFLOW[a].to) expect(TASK_STATUSES).toContain(WORKFLOW[a].to);
      expect(WORKFLOW[a].roles.length).toBeGreaterThan(0);
    }
  });
  it('gives each party its actions in each state', () => {
    expect(allowedActions(task('draft'), sup, TODAY)).toEqual(['edit', 'submit_review', 'assign', 'withdraw']);
    expect(allowedActions(task('assigned'), clerk, TODAY)).toEqual(['sign', 'return', 'request_extension']);
    expect(allowedActions(task('assigned'), coop, TODAY)).toEqual([]);
    expect(allowedActions(task('in_progress'), coop, TODAY)).toEqual(['report']);
    expect(allowedActions(task('in_progress'), clerk, TODAY)).toEqual([
      'report',
      'decompose',
      'request_extension',
      'request_completion',
    ]);
    expect(allowedActions(task('pending_review'), leader, TODAY)).toEqual(['approve_review', 'reject_review']);
    expect(allowedActions(task('pending_review'), otherLeader, TODAY)).toEqual([]);
    expect(allowedActions(task('completion_requested'), sup, TODAY)).toEqual([
      'approve_completion',
      'request_supplement',
      'request_rectify',
      'withdraw',
      'remind',
      'issue_order',
    ]);
    expect(allowedActions(task('archived'), sup, TODAY)).toEqual([]);
  });
  it('refuses an extension request after the deadline', () => {
    expect(allowedActions(task('in_progress'), clerk, '2026-07-01')).not.toContain('request_extension');
    expect(refusal('request_extension', task('in_progress'), clerk, '2026-07-01')).toEqual({
      code: 'INVALID_STATE',
      message: '已超过完成时限，不能再申请延期',
    });
  });
  it('tells a wrong role from a wrong state', () => {
    expect(refusal('sign', task('assigned'), coop, TODAY)?.code).toBe('FORBIDDEN');
    expect(refusal('sign', task('in_progress'), clerk, TODAY)?.code).toBe('INVALID_STATE');
    expect(refusal('sign', task('assigned'), clerk, TODAY)).toBeNull();
  });
  it('passes extension requests head → 督查室 → lead leader', () => {
    expect(nextExtensionStage('unit_head')).toBe('supervisor');
    expect(nextExtensionStage('leader')).toBeNull();
    expect(canDecideExtension('unit_head', task('in_progress'), { roles: ['unit_head'], unitId: 'swj', personId: null })).toBe(
      true,
    );
    expect(canDecideExtension('unit_head', task('in_progress'), clerk)).toBe(false);
    expect(canDecideExtension('leader', task('in_progress'), otherLeader)).toBe(false);
  });
});
