// 培育库 shapes (/api/cultivation): aliases of the server's types (src/shared/api-types.ts), never copies.
import type * as api from '../../../src/shared/api-types';

export type CultivationMovement = api.CultivationMovement;
export type CultivationMovementFilter = api.CultivationMovementFilter;
export type CultivationTiers = api.CultivationTiers;
export type CultivationTier = api.CultivationTier;
export type CultivationField = api.CultivationField;
export type CultivationTierSetInput = api.CultivationTierSetInput;
export type CultivationSummary = api.CultivationSummary;
export type CultivationPage = api.CultivationPage;
export type CultivationItem = api.CultivationItem;
export type CultivationLeader = api.CultivationLeader;
