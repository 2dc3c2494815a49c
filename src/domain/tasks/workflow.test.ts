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
  leadUnitId: 'swj',
  coopUnitIds: ['gxj'],
  leadLeaderId: 'vice',
});
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
    expect(allowedActions(task('draft'), sup)).toEqual(['edit', 'submit_review', 'assign', 'withdraw']);
    expect(allowedActions(task('assigned'), clerk)).toEqual(['sign', 'return', 'request_extension']);
    expect(allowedActions(task('assigned'), coop)).toEqual([]);
    expect(allowedActions(task('in_progress'), coop)).toEqual(['report']);
    expect(allowedActions(task('in_progress'), clerk)).toEqual([
      'report',
      'decompose',
      'request_extension',
      'request_completion',
    ]);
    expect(allowedActions(task('pending_review'), leader)).toEqual(['approve_review', 'reject_review']);
    expect(allowedActions(task('pending_review'), otherLeader)).toEqual([]);
    expect(allowedActions(task('completion_requested'), sup)).toEqual([
      'approve_completion',
      'request_supplement',
      'request_rectify',
      'withdraw',
      'remind',
      'issue_order',
    ]);
    expect(allowedActions(task('archived'), sup)).toEqual([]);
  });
  it('tells a wrong role from a wrong state', () => {
    expect(refusal('sign', task('assigned'), coop)?.code).toBe('FORBIDDEN');
    expect(refusal('sign', task('in_progress'), clerk)?.code).toBe('INVALID_STATE');
    expect(refusal('sign', task('assigned'), clerk)).toBeNull();
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
