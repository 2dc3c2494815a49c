// The dashboard's 重大项目 panel: this year's funnel by stage, behind-schedule, targets and acceptance results.
import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { Pipeline, ProjectLedgerPage } from '../../api/projectTypes';
import { VERDICTS } from '../../api/projectTypes';
import { STAGE_COLORS } from './ProjectTags';

export function ProjectsPanel() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const p = useRequest(() => api.get<Pipeline>('/projects/pipeline', { year }), `dash-pipeline|${year}`);
  const behind = useRequest(() => api.get<ProjectLedgerPage>('/projects', { year, behind: 'true', pageSize: 1 }), `dash-behind|${year}`);
  const d = p.data;
  return (
    <Card size="small" title={`${t('project.panel.title')} · ${year}`} data-testid="panel-projects" extra={<Link to={`/projects/pipeline?year=${year}`}>{t('project.panel.more')}</Link>}>
      {!d ? (
        <Typography.Text type="secondary">…</Typography.Text>
      ) : (
        <Space direction="vertical" size={6}>
          <Space wrap size={4}>
            {d.funnel.map((f) => (
              <Tag key={f.stage} color={STAGE_COLORS[f.stage]}>{t(`project.stage.${f.stage}`)} {f.count}</Tag>
            ))}
          </Space>
          <Space wrap size={12}>
            <Link to={`/projects?year=${year}&behind=true`}>{t('project.pipeline.behind')} {behind.data?.total ?? '…'}</Link>
            {d.targets.map((x) => <span key={x.id}>{x.name} <b>{x.done}/{x.target}</b></span>)}
            {VERDICTS.map((v) => <Link key={v} to={`/projects?year=${year}&verdict=${v}`}>{t(`project.verdict.${v}`)} {d.acceptance[v]}</Link>)}
          </Space>
        </Space>
      )}
    </Card>
  );
}
