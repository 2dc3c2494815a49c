import type { Database, Db } from '../../db/client.js';
import { migrateTo } from '../../db/migrate.js';
import { leaderPortfolios, people, settings, units, users } from '../../db/schema.js';
import { ROLE_LABELS, type Role } from '../../domain/org/roles.js';
import * as demo from '../../demo/anyuan.js';
import { DEFAULT_UNIT_HINTS } from '../../demo/unit-hints.js';
import { systemActor, systemClock, type Clock } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import { loadDemoTasks } from './demo-tasks.js';
import { loadDemoMeeting } from './demo-meeting.js';
import { refreshAllLights } from '../warnings/refresh.js';
import { loadMujunDemo } from '../mujun/demo.js';
import { loadCultivationDemo } from '../cultivation/demo.js';
import { loadDemoProjectSettings, loadDemoProjects } from './demo-projects.js';
import { anyuanEnterprises } from '../../demo/anyuan-enterprises.js';
import { getSetting } from '../settings/read.js';
import { districtSetting } from '../settings/district.js';

export interface Credential {
  username: string;
  role: string;
  roleLabel: string;
  password: string;
}

export interface BootstrapResult {
  /** Generated passwords, only on the very first start (empty afterwards). */
  credentials: Credential[];
  demoLoaded: boolean;
}

export interface BootstrapOptions {
  demo: boolean;
  /** With the demo: also replay the demo key tasks and their histories (src/demo/anyuan-tasks.ts). */
  demoTasks?: boolean;
  /** District name for a non-demo install. */
  districtName?: string;
  clock?: Clock;
}

/**
 * Migrates, then on an empty database loads the demo district (or, without the demo, creates the three
 * administrators). Runs under the migration lock, so instances starting together do it once; a second start
 * changes nothing.
 */
export async function bootstrap(database: Database, opts: BootstrapOptions): Promise<BootstrapResult> {
  const clock = opts.clock ?? systemClock;
  return database.withMigrationLock(async (db) => {
    await migrateTo(database, db);
    if (await getSetting(db, districtSetting)) return { credentials: [], demoLoaded: false };
    return db.transaction(async (tx) => {
      if (opts.demo) return { credentials: await loadDemo(tx, clock, opts.demoTasks ?? false), demoLoaded: true };
      await tx.insert(settings).values({ key: 'district', value: { name: opts.districtName ?? '本区' } });
      const credentials = await createAccounts(tx, [
        { username: 'admin', displayName: '系统管理员', role: 'sysadmin' },
        { username: 'secadmin', displayName: '安全管理员', role: 'secadmin' },
        { username: 'auditor', displayName: '安全审计员', role: 'auditor' },
      ]);
      await recordAudit(
        tx,
        { actor: systemActor(), ip: null, clock },
        { action: 'system.init', targetType: 'system', after: { district: opts.districtName ?? '本区' } },
      );
      return { credentials, demoLoaded: false };
    });
  });
}

async function createAccounts(
  tx: Db,
  accounts: {
    username: string;
    displayName: string;
    role: string;
    unitId?: string | null;
    personId?: string | null;
    enterpriseUscc?: string | null;
  }[],
): Promise<Credential[]> {
  const out: Credential[] = [];
  for (const a of accounts) {
    const password = generatePassword();
    await tx.insert(users).values({
      username: a.username,
      displayName: a.displayName,
      roles: [a.role],
      unitId: a.unitId ?? null,
      personId: a.personId ?? null,
      enterpriseUscc: a.enterpriseUscc ?? null,
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    });
    out.push({ username: a.username, role: a.role, roleLabel: ROLE_LABELS[a.role as Role].zh, password });
  }
  return out;
}

async function loadDemo(tx: Db, clock: Clock, withTasks: boolean): Promise<Credential[]> {
  await tx.insert(settings).values({ key: 'district', value: { ...demo.DISTRICT } });
  await tx.insert(settings).values({ key: 'unit_hints', value: DEFAULT_UNIT_HINTS });
  const unitId = new Map<string, string>();
  let order = 0;
  for (const u of demo.UNITS) {
    const [row] = await tx
      .insert(units)
      .values({
        code: u.code,
        name: u.name,
        shortName: u.shortName,
        kind: u.kind,
        parentId: u.parent ? unitId.get(u.parent)! : null,
        sortOrder: (order += 10),
      })
      .returning({ id: units.id });
    unitId.set(u.code, row!.id);
  }
  let n = 0;
  const staff = new Map<string, { head: string; clerk: string }>();
  for (const u of demo.UNITS) {
    const [headTitle, clerkTitle] = demo.unitStaffTitles(u.kind);
    const ids = await tx
      .insert(people)
      .values([
        { name: demo.demoName(n++), unitId: unitId.get(u.code)!, title: headTitle, sortOrder: 1 },
        { name: demo.demoName(n++), unitId: unitId.get(u.code)!, title: clerkTitle, sortOrder: 2 },
      ])
      .returning({ id: people.id });
    staff.set(u.code, { head: ids[0]!.id, clerk: ids[1]!.id });
  }
  const leaderId = new Map<string, string>();
  let leaderOrder = 0;
  for (const l of demo.LEADERS) {
    const [row] = await tx
      .insert(people)
      .values({ name: l.name, title: l.title, unitId: unitId.get('GOV')!, isLeader: true, sortOrder: -100 + leaderOrder++ })
      .returning({ id: people.id });
    leaderId.set(l.key, row!.id);
    await tx.insert(leaderPortfolios).values(l.portfolio.map((code) => ({ personId: row!.id, unitId: unitId.get(code)! })));
  }
  const credentials = await createAccounts(
    tx,
    demo.ACCOUNTS.map((a) => ({
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      unitId: a.unit ? unitId.get(a.unit)! : null,
      personId: !a.person
        ? null
        : 'leader' in a.person
          ? leaderId.get(a.person.leader)!
          : staff.get(a.unit!)![a.person.unitStaff],
      enterpriseUscc: a.enterpriseUscc ?? null,
    })),
  );
  const mujun = await loadMujunDemo(tx, clock);
  const cultivationTiers = await loadCultivationDemo(tx, clock);
  await loadDemoProjectSettings(tx, unitId);
  let tasks = 0;
  let projectCount = 0;
  if (withTasks) {
    const rows = await tx.select().from(users);
    const accounts = new Map(
      rows.map((u) => [
        u.username,
        { userId: u.id, unitId: u.unitId, personId: u.personId, roles: u.roles, displayName: u.displayName },
      ]),
    );
    tasks = (await loadDemoTasks(tx, clock, { unitId, leaderId, accounts })).tasks;
    await loadDemoMeeting(tx, clock.now());
    // the histories were replayed at their own dates: light every task as of today
    await refreshAllLights(tx, clock.now());
    const years = anyuanEnterprises();
    projectCount = await loadDemoProjects(tx, clock, { unitId, leaderId }, years[years.length - 1]!);
  }
  await recordAudit(
    tx,
    { actor: systemActor(), ip: null, clock },
    {
      action: 'system.demo_loaded',
      targetType: 'system',
      after: {
        district: demo.DISTRICT.name,
        units: demo.UNITS.length,
        leaders: demo.LEADERS.length,
        accounts: credentials.length,
        tasks,
        projects: projectCount,
        mujun,
        cultivationTiers,
      },
    },
  );
  return credentials;
}
