import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import type { Labelled } from '../api/types';

const KIND_COLORS: Record<string, string> = {
  government: 'red',
  office: 'volcano',
  supervision: 'magenta',
  department: 'blue',
  township: 'green',
  street: 'cyan',
  park: 'gold',
  other: 'default',
};

const ROLE_COLORS: Record<string, string> = {
  sysadmin: 'red',
  secadmin: 'volcano',
  auditor: 'purple',
  supervisor: 'magenta',
  leader: 'gold',
  unit_head: 'blue',
  unit_clerk: 'geekblue',
  evaluator: 'green',
  viewer: 'default',
};

/** Role and unit-kind labels from /api/meta, in the current language. */
export function useLabels() {
  const { meta } = useAuth();
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return useMemo(() => {
    const pick = (list: Labelled[] | undefined, id: string) => {
      const hit = list?.find((x) => x.id === id);
      return hit ? (en ? hit.en : hit.zh) : id;
    };
    return {
      roles: (meta?.roles ?? []).map((r) => ({ id: r.id, label: en ? r.en : r.zh })),
      kinds: (meta?.unitKinds ?? []).map((k) => ({ id: k.id, label: en ? k.en : k.zh })),
      role: (id: string) => pick(meta?.roles, id),
      kind: (id: string) => pick(meta?.unitKinds, id),
      roleColor: (id: string) => ROLE_COLORS[id] ?? 'default',
      kindColor: (id: string) => KIND_COLORS[id] ?? 'default',
    };
  }, [meta, en]);
}
