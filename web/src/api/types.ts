// Shapes of the foundation API (session, meta, organisation, accounts, audit): aliases of the server's types
// (src/shared/api-types.ts), never copies.
import type * as api from '../../../src/shared/api-types';

export type RoleId = api.RoleId;
export type Permission = api.Permission;

export type SessionAnswer = api.SessionAnswer;
export type Me = SessionAnswer['user'];

export type Meta = api.MetaAnswer;
export type Labelled = Meta['unitKinds'][number];

/** GET /health, answered by the route itself (not a service). */
export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  database: { driver: 'pglite' | 'postgres'; ok: boolean };
}

export type UnitKind = api.UnitKind;
export type Unit = api.UnitRow;
export type Person = api.PeoplePage['items'][number];
export type Leader = api.LeaderRow;
export type Account = api.AccountsPage['items'][number];
export type AuditEvent = api.AuditPage['items'][number];

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type ImportResult = api.OrgImportResult;
export type FieldError = api.FieldIssue;
export type ImportRowError = api.CellIssue;
