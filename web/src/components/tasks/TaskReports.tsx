import { Button, Card, Empty, Progress, Tag, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ProgressReport, TaskPage } from '../../api/taskTypes';
import type { Paged } from '../../api/types';
import { notifyError } from '../feedback';
import { formatTime } from '../format';

const PAGE = 20;

/** 进展报送: the newest 20 come with the page; "more" pages through GET /tasks/:id/reports. */
export function TaskReports({ page, onReport }: { page: TaskPage; onReport?: () => void }) {
  const { t } = useTranslation();
  const { task } = page;
  const [older, setOlder] = useState<ProgressReport[]>([]);
  const [loading, setLoading] = useState(false);
  // a new report shifts the pages: start again from the first page
  useEffect(() => setOlder([]), [page]);

  const shown = [...page.reports.items, ...older];
  const left = page.reports.total - shown.length;
  const unitName = (id: string) => (id === task.leadUnitId ? task.leadUnit?.name : task.coopUnits.find((u) => u.id === id)?.name) ?? '';
  const target = (id: string) => page.targets.find((x) => x.id === id);

  const more = async () => {
    setLoading(true);
    try {
      const next = Math.floor(shown.length / PAGE) + 1;
      const r = await api.get<Paged<ProgressReport>>(`/tasks/${task.id}/reports`, { page: next, pageSize: PAGE });
      const seen = new Set(shown.map((x) => x.id));
      setOlder((o) => [...o, ...r.items.filter((x) => !seen.has(x.id))]);
    } catch (e) {
      notifyError(e);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Card
      title={`${t('task.reports')}（${page.reports.total}）`}
      size="small"
      style={{ marginTop: 16 }}
      data-testid="task-reports"
      extra={
        onReport && (
          <Button type="primary" size="small" icon={<FormOutlined />} onClick={onReport} data-testid="report-open">
            {t('report.title')}
          </Button>
        )
      }
    >
      {shown.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.noReports')} />}
      {shown.map((r) => (
        <div key={r.id} className="ls-report" data-testid="report-item">
          <div className="ls-report-head">
            <span>
              <Typography.Text strong>{unitName(r.unitId)}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {t('task.reportBy', { name: r.authorName })} · {formatTime(r.createdAt)}
              </Typography.Text>
            </span>
            <Progress percent={r.percent} size="small" format={(n) => `${n}%`} style={{ width: 140, margin: 0 }} />
          </div>
          <div className="ls-report-text">{r.text}</div>
          {Object.entries(r.values ?? {}).map(([id, v]) => {
            const x = target(id);
            return x ? (
              <Tag key={id} color="blue">
                {x.name}：{v} / {x.targetValue} {x.unit}
              </Tag>
            ) : null;
          })}
        </div>
      ))}
      {left > 0 && (
        <Button block type="dashed" loading={loading} onClick={() => void more()} style={{ marginTop: 8 }} data-testid="reports-more">
          {t('task.moreReports', { count: left })}
        </Button>
      )}
    </Card>
  );
}
