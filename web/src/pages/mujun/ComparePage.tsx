// 结果对比 on its own page: /mujun/compare?a=<runId>&b=<runId> (runs of any years).
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { FullPageSpin, LoadError } from '../../components/Results';
import { CompareView, useAllRuns } from '../../components/mujun/results/CompareView';
import { useMujunMeta } from '../../components/mujun/results/useMujun';

export default function ComparePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const meta = useMujunMeta();
  const runs = useAllRuns(meta.data?.years);
  if (meta.error || runs.error)
    return <LoadError error={meta.error ?? runs.error} onRetry={() => (meta.reload(), runs.reload())} />;
  if (!runs.data) return <FullPageSpin />;
  const list = runs.data;
  const b = params.get('b') ?? list[0]?.id;
  const a = params.get('a') ?? list.find((r) => r.id !== b)?.id;
  return (
    <>
      <h2 className="ls-page-title">{t('mujun.compare.title')}</h2>
      <Card>
        <CompareView
          runs={list}
          a={a}
          b={b}
          onChange={(na, nb) => {
            const next = new URLSearchParams(params);
            if (na) next.set('a', na);
            if (nb) next.set('b', nb);
            setParams(next);
          }}
        />
      </Card>
    </>
  );
}
