import type { Db } from '../db/client.js';
import { can, dataScopeOf, type DataScope, type Permission } from '../domain/org/roles.js';
import { forbidden } from '../domain/errors.js';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Who is acting: a signed-in user, or the system itself (CLI, seed, scheduled jobs). */
export interface Actor {
  userId: string | null;
  name: string;
  roles: readonly string[];
  unitId: string | null;
  personId: string | null;
  scope: DataScope;
  /** The enterprise an enterprise contact speaks for (亩均 results and appeals). */
  enterpriseUscc: string | null;
}

export const systemActor = (name = '系统'): Actor => ({
  userId: null,
  name,
  roles: [],
  unitId: null,
  personId: null,
  scope: { all: true },
  enterpriseUscc: null,
});

/** What every service method receives. */
export interface Ctx {
  db: Db;
  clock: Clock;
  actor: Actor;
  ip: string | null;
}

/** The first line of every service method. */
export function requirePermission(ctx: Ctx, permission: Permission): void {
  if (ctx.actor.userId === null) return; // the system actor (CLI, seed) may do anything
  if (!can(ctx.actor.roles, permission)) throw forbidden();
}

export function buildActor(user: {
  id: string;
  displayName: string;
  roles: readonly string[];
  unitId: string | null;
  personId: string | null;
  portfolioUnitIds: readonly string[];
  enterpriseUscc?: string | null;
}): Actor {
  return {
    userId: user.id,
    name: user.displayName,
    roles: user.roles,
    unitId: user.unitId,
    personId: user.personId,
    scope: dataScopeOf(user),
    enterpriseUscc: user.enterpriseUscc ?? null,
  };
}
