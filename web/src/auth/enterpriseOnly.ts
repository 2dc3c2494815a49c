import type { Me } from '../api/types';

/** An enterprise contact and nothing more: its 亩均 report and its appeals are all it has. */
export function isEnterpriseOnly(me: Me | null): boolean {
  return !!me && me.roles.length > 0 && me.roles.every((r) => r === 'enterprise') && !me.permissions.includes('tasks.read');
}
