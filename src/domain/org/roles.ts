/**
 * Roles, what each may do, and the rules for combining them (三员分立: the system administrator, the security
 * administrator and the auditor each hold that one role only).
 */
export const ROLES = [
  'sysadmin',
  'secadmin',
  'auditor',
  'supervisor',
  'leader',
  'unit_head',
  'unit_clerk',
  'evaluator',
  'viewer',
  'enterprise',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
  secadmin: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '安全审计员', en: 'Auditor' },
  supervisor: { zh: '督查室', en: 'Supervision office' },
  leader: { zh: '区领导', en: 'District leader' },
  unit_head: { zh: '单位负责人', en: 'Unit head' },
  unit_clerk: { zh: '单位联络员', en: 'Unit clerk' },
  evaluator: { zh: '评价专员', en: 'Evaluator' },
  viewer: { zh: '只读用户', en: 'Viewer' },
  enterprise: { zh: '企业联系人', en: 'Enterprise contact' },
};

export const PERMISSIONS = [
  'org.read',
  'org.write',
  'people.read',
  'people.write',
  'accounts.read',
  'accounts.manage',
  'roles.assign',
  'audit.read',
  'tasks.read',
  'tasks.manage',
  'mujun.read',
  'mujun.manage',
  'mujun.appeal',
  'projects.read',
  'projects.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ORG: Permission[] = ['org.read', 'people.read'];
const WORK: Permission[] = [...READ_ORG, 'tasks.read', 'projects.read'];

/** The one declared place that says which role may do what. */
export const GRANTS: Record<Role, readonly Permission[]> = {
  sysadmin: ['org.read', 'org.write', 'people.read', 'people.write', 'accounts.read', 'accounts.manage'],
  secadmin: ['org.read', 'accounts.read', 'roles.assign'],
  auditor: ['audit.read'],
  supervisor: [...WORK, 'tasks.manage', 'mujun.read', 'projects.manage'],
  leader: [...WORK, 'mujun.read'],
  unit_head: [...WORK, 'people.write', 'mujun.read', 'mujun.appeal'],
  unit_clerk: [...WORK, 'mujun.read', 'mujun.appeal'],
  evaluator: [...WORK, 'mujun.read', 'mujun.manage'],
  viewer: [...WORK, 'mujun.read'],
  enterprise: ['mujun.read', 'mujun.appeal', 'projects.read'],
};

export const EXCLUSIVE_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly string[]): Permission[] {
  const set = new Set<Permission>();
  for (const r of roles) if (isRole(r)) for (const p of GRANTS[r]) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

export function can(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => isRole(r) && GRANTS[r].includes(permission));
}

/** Which units' data a user reaches. `all` for the supervision office and administrators of the organisation. */
export type DataScope = { all: true } | { all: false; unitIds: readonly string[] };

export interface ScopeInput {
  roles: readonly string[];
  unitId: string | null;
  /** Units of the leader's portfolio (分管线), when the user is a leader. */
  portfolioUnitIds: readonly string[];
}

const ALL_SCOPE_ROLES: readonly Role[] = ['sysadmin', 'supervisor'];

export function dataScopeOf(input: ScopeInput): DataScope {
  if (input.roles.some((r) => (ALL_SCOPE_ROLES as readonly string[]).includes(r))) return { all: true };
  const ids = new Set<string>();
  if (input.roles.includes('leader')) for (const u of input.portfolioUnitIds) ids.add(u);
  const unitRoles: readonly string[] = ['leader', 'unit_head', 'unit_clerk', 'evaluator', 'viewer'];
  if (input.unitId && input.roles.some((r) => unitRoles.includes(r))) ids.add(input.unitId);
  return { all: false, unitIds: [...ids] };
}

export function inScope(scope: DataScope, unitId: string): boolean {
  return scope.all || scope.unitIds.includes(unitId);
}

export interface RoleAssignment {
  roles: readonly string[];
  unitId: string | null;
  personId: string | null;
  enterpriseUscc?: string | null;
}

/**
 * Whose 亩均 results a user reads: every enterprise (evaluator, leaders, 督查室, viewers), the enterprises of their own
 * town or street (a town's head or clerk: matched on the unit's name in the data's 乡镇街道 column), or one enterprise.
 */
export type MujunScope = { all: true } | { all: false; towns: readonly string[]; usccs: readonly string[] };

export function mujunScopeOf(roles: readonly string[], unitName: string | null, enterpriseUscc: string | null): MujunScope {
  const ALL: readonly string[] = ['sysadmin', 'supervisor', 'leader', 'evaluator', 'viewer'];
  if (roles.some((r) => ALL.includes(r))) return { all: true };
  const towns = unitName && roles.some((r) => r === 'unit_head' || r === 'unit_clerk') ? [unitName] : [];
  const usccs = enterpriseUscc && roles.includes('enterprise') ? [enterpriseUscc] : [];
  return { all: false, towns, usccs };
}

/** Checks a set of roles for one account; returns Chinese messages, empty when the set is acceptable. */
export function roleAssignmentProblems(a: RoleAssignment): string[] {
  const problems: string[] = [];
  const unknown = a.roles.filter((r) => !isRole(r));
  if (unknown.length) problems.push(`未知角色：${unknown.join('、')}`);
  if (new Set(a.roles).size !== a.roles.length) problems.push('角色重复');
  const exclusive = a.roles.filter((r) => (EXCLUSIVE_ROLES as readonly string[]).includes(r));
  if (exclusive.length && a.roles.length > 1) {
    problems.push('系统管理员、安全管理员、安全审计员三员分立，不能与其他角色兼任');
  }
  const needUnit = a.roles.filter((r) => ['unit_head', 'unit_clerk', 'evaluator', 'viewer', 'supervisor'].includes(r));
  if (needUnit.length && !a.unitId) {
    problems.push(`${needUnit.map((r) => ROLE_LABELS[r as Role].zh).join('、')}须属于某个单位`);
  }
  if (a.roles.includes('leader') && !a.personId) problems.push('区领导账号须关联到领导人员');
  if (a.roles.includes('enterprise')) {
    if (a.roles.length > 1) problems.push('企业联系人账号不能兼任其他角色');
    if (!a.enterpriseUscc) problems.push('企业联系人账号须填写企业统一社会信用代码');
  }
  return problems;
}
