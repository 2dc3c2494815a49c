// Labels of the evaluator screens from /mujun/meta, in the current language.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useRequest } from '../../../api/hooks';
import type { MujunMeta } from '../../../api/mujunAdminTypes';

export function useMujunMeta() {
  return useRequest(() => api.get<MujunMeta>('/mujun/meta'), 'mujun-meta');
}

export const DEFAULT_CLASSES = ['A', 'B', 'C', 'D', 'T'];

/** source id → department name, field key → column header, class → its name. */
export function useMujunLabels(meta: MujunMeta | undefined) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const source = useCallback(
    (id: string) => {
      const s = meta?.sources.find((x) => x.id === id);
      return s ? (en ? s.en : s.zh) : id;
    },
    [meta, en],
  );
  const field = useCallback(
    (key: string) => {
      const f = meta?.fields.find((x) => x.key === key);
      return f ? (en ? `${f.zh} (${f.key})` : f.zh) : key;
    },
    [meta, en],
  );
  const flag = useCallback((key: string) => meta?.flags[key] ?? key, [meta]);
  const cls = useCallback(
    (c: string) =>
      ['A', 'B', 'C', 'D', 'T'].includes(c)
        ? t(`mujunAdmin.classLabel.${c as 'A'}`)
        : t('mujunAdmin.classLabel.other', { cls: c }),
    [t],
  );
  return { source, field, flag, cls };
}
