import { describe, expect, it } from 'vitest';
import { can, dataScopeOf, inScope, mujunScopeOf, permissionsOf, roleAssignmentProblems } from './roles.js';

describe('roles and permissions', () => {
  it('gives the auditor the audit log and nothing else', () => {
    expect(permissionsOf(['auditor'])).toEqual(['audit.read']);
  });
  it('separates account management from role assignment', () => {
    expect(can(['sysadmin'], 'accounts.manage')).toBe(true);
    expect(can(['sysadmin'], 'roles.assign')).toBe(false);
    expect(can(['secadmin'], 'roles.assign')).toBe(true);
    expect(can(['secadmin'], 'accounts.manage')).toBe(false);
    expect(can(['sysadmin'], 'audit.read')).toBe(false);
  });
  it('ignores unknown roles', () => {
    expect(permissionsOf(['root', 'viewer'])).toEqual(['org.read', 'people.read', 'tasks.read', 'mujun.read', 'projects.read']);
  });
});

describe('data scope', () => {
  it('gives the supervision office everything', () => {
    expect(dataScopeOf({ roles: ['supervisor'], unitId: 'u1', portfolioUnitIds: [] })).toEqual({ all: true });
  });
  it('gives a leader their portfolio plus their own unit', () => {
    const s = dataScopeOf({ roles: ['leader'], unitId: 'gov', portfolioUnitIds: ['a', 'b'] });
    expect(s).toEqual({ all: false, unitIds: ['a', 'b', 'gov'] });
    expect(inScope(s, 'a')).toBe(true);
    expect(inScope(s, 'c')).toBe(false);
  });
  it('gives a clerk their unit only, and nobody without a unit nothing', () => {
    expect(dataScopeOf({ roles: ['unit_clerk'], unitId: 'u1', portfolioUnitIds: ['x'] })).toEqual({
      all: false,
      unitIds: ['u1'],
    });
    expect(dataScopeOf({ roles: ['secadmin'], unitId: 'u1', portfolioUnitIds: [] })).toEqual({ all: false, unitIds: [] });
  });
});

describe('role assignment rules', () => {
  it('keeps the three administrators apart (三员分立)', () => {
    expect(roleAssignmentProblems({ roles: ['sysadmin'], unitId: null, personId: null })).toEqual([]);
    expect(roleAssignmentProblems({ roles: ['sysadmin', 'auditor'], unitId: null, personId: null })[0]).toContain('三员分立');
    expect(roleAssignmentProblems({ roles: ['secadmin', 'viewer'], unitId: 'u', personId: null })[0]).toContain('三员分立');
  });
  it('requires a unit for unit roles and a person for leaders', () => {
    expect(roleAssignmentProblems({ roles: ['unit_clerk'], unitId: null, personId: null })).toEqual(['单位联络员须属于某个单位']);
    expect(roleAssignmentProblems({ roles: ['leader'], unitId: 'gov', personId: null })).toEqual(['区领导账号须关联到领导人员']);
    expect(roleAssignmentProblems({ roles: ['unit_head', 'evaluator'], unitId: 'u', personId: null })).toEqual([]);
  });
  it('rejects unknown and repeated roles', () => {
    expect(roleAssignmentProblems({ roles: ['god'], unitId: null, personId: null })).toEqual(['未知角色：god']);
    expect(roleAssignmentProblems({ roles: ['viewer', 'viewer'], unitId: 'u', personId: null })).toEqual(['角色重复']);
  });
});

describe('亩均 scope', () => {
  it('gives the evaluator and leaders every enterprise, a town its own, an enterprise contact itself', () => {
    expect(mujunScopeOf(['evaluator'], '工信局', null)).toEqual({ all: true });
    expect(mujunScopeOf(['unit_clerk'], '白源街道', null)).toEqual({ all: false, towns: ['白源街道'], usccs: [] });
    expect(mujunScopeOf(['enterprise'], null, '91360302MA35XXXX0X')).toEqual({
      all: false,
      towns: [],
      usccs: ['91360302MA35XXXX0X'],
    });
  });
  it('keeps an enterprise contact to that one role with a credit code', () => {
    expect(roleAssignmentProblems({ roles: ['enterprise'], unitId: null, personId: null })).toEqual([
      '企业联系人账号须填写企业统一社会信用代码',
    ]);
    expect(roleAssignmentProblems({ roles: ['enterprise', 'viewer'], unitId: 'u', personId: null, enterpriseUscc: 'X' })).toEqual(
      ['企业联系人账号不能兼任其他角色'],
    );
  });
});
