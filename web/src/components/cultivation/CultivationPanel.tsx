// Dashboard panel: the cultivation tiers' counts against the year's targets; a tier's bars open its list. Nothing is
// shown while there are no tiers or no 亩均 run to place enterprises from.
import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { CultivationSummary } from '../../api/cultivationTypes';
import { TierChart } from './TierChart';

export function CultivationPanel() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const res = useRequest(() => api.get<CultivationSummary>('/cultivation/summary'), 'dashboard-cultivation');
  const s = res.data;
  if (!s || s.tiers.length === 0) return null;
  return (
    <Card
      size="small"
      data-testid="panel-cultivation"
      title={
        <span>
          {t('cultivation.dashboardPanel')}（{t('cultivation.yearOption', { year: s.year })}）
          {s.illustrative && (
            <Tag color="gold" style={{ marginLeft: 8 }} title={t('cultivation.illustrativeHint')}>
              {t('cultivation.illustrative')}
            </Tag>
          )}
        </span>
      }
    >
      <TierChart
        summary={s}
        height={260}
        testId="dashboard-cultivation-chart"
        onTier={(id) => navigate(`/cultivation?year=${s.year}&tier=${encodeURIComponent(id)}`)}
      />
    </Card>
  );
}
