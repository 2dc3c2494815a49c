// Labels of the evaluator screens from /mujun/meta, in the current language.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { MujunMeta } from '../../../api/mujunTypes';
import { fieldLabel } from '../results/useMujun';

export { useMujunMeta } from '../results/useMujun';

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
  // `en` in the deps: fieldLabel reads the language, so a switch makes a new label function
  const field = useCallback((key: string) => fieldLabel(meta, key), [meta, en]);
  const flag = useCallback((key: string) => meta?.flags[key] ?? key, [meta]);
  const cls = useCallback(
    (c: string) =>
      DEFAULT_CLASSES.includes(c) ? t(`mujunAdmin.classLabel.${c as 'A'}`) : t('mujunAdmin.classLabel.other', { cls: c }),
    [t],
  );
  return { source, field, flag, cls };
}
