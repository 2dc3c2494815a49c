// Data hooks shared by the 亩均 screens: the meta (fields, classes, years) and the runs of a year.
import { api } from '../../../api/client';
import i18n from '../../../i18n';
import { useRequest } from '../../../api/hooks';
import type { MujunMeta, RunSummary } from '../../../api/mujunTypes';

export function useMujunMeta() {
  return useRequest(() => api.get<MujunMeta>('/mujun/meta'), 'mujun-meta');
}

/** The runs of a year, newest version first. */
export function useRuns(year: number | undefined) {
  return useRequest(
    () => api.get<RunSummary[]>('/mujun/runs', { year }).then((rs) => [...rs].sort((a, b) => b.version - a.version)),
    `mujun-runs|${year ?? ''}`,
    year !== undefined,
  );
}

/** The newest run of the newest year that has one (years are newest first). */
export async function latestRun(years: readonly number[]): Promise<RunSummary | null> {
  for (const year of years) {
    const runs = await api.get<RunSummary[]>('/mujun/runs', { year });
    if (runs.length) return runs.reduce((a, b) => (b.version > a.version ? b : a));
  }
  return null;
}

/** The label of an input field: 'tax' → 实缴税金(万元); in English with the key, as the fields have Chinese names only. */
export function fieldLabel(meta: MujunMeta | undefined, key: string | null | undefined): string {
  if (!key) return '';
  const zh = meta?.fields.find((f) => f.key === key)?.zh;
  if (!zh) return key;
  return i18n.language === 'en' ? `${zh} (${key})` : zh;
}
