import { Badge, Card, Empty, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { BriefTask, Workbench as WorkbenchData } from '../../api/taskTypes';
import { useAuth } from '../../auth/AuthContext';
import { formatTime } from '../format';
import { LoadError } from '../Results';
import { useTaskLabels } from './useTaskLabels';
import { WarningCounts } from './WarningCounts';

type Key = keyof WorkbenchData;
const SHOWN = 6;

interface Row {
  key: string;
  to: string;
  number: string;
  title: string;
  meta: React.ReactNode;
}

function Section({ id, title, rows, empty, more }: { id: Key; title: string; rows: Row[]; empty: string; more?: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`workbench-${id}`} className="ls-wb-section">
      <div className="ls-wb-head">
        <span>{title}</span>
        <Badge count={rows.length} showZero overflowCount={99} color={rows.length ? '#b71c1c' : '#d9d9d9'} />
      </div>
      {rows.length === 0 ? (
        <Typography.Text type="secondary" className="ls-wb-empty">
          {empty}
        </Typography.Text>
      ) : (
        <>
          {rows.slice(0, SHOWN).map((r) => (
            <div key={r.key} className="ls-wb-row">
              <Link to={r.to} className="ls-wb-title">
                <span className="ls-task-no">{r.number}</span>
                {r.title}
              </Link>
              <div className="ls-wb-meta">{r.meta}</div>
            </div>
          ))}
          {rows.length > SHOWN && more && (
            <Link to={more} className="ls-wb-more">
              {t('workbench.viewAll', { count: rows.length })}
            </Link>
          )}
        </>
      )}
    </div>
  );
}

/** 工作台: what waits for the signed-in user, from GET /api/workbench. */
export function Workbench() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const labels = useTaskLabels();
  const wb = useRequest(() => api.get<WorkbenchData>('/workbench'), 'workbench');
  const roles = me?.roles ?? [];
  const isUnit = roles.includes('unit_head') || roles.includes('unit_clerk');
  const isSup = roles.includes('supervisor');
  const isLeader = roles.includes('leader');
  const d = wb.data;
  const deadline = (date: string) => t('workbench.deadline', { date });
  const row = (x: BriefTask, meta: React.ReactNode, key = x.id): Row => ({ key, to: `/tasks/${x.id}`, number: x.number, title: x.title, meta });
  const brief = (list: BriefTask[]): Row[] => list.map((x) => row(x, <>{x.leadUnitName} · {deadline(x.deadline)}</>));

  const sections: React.ReactNode[] = [];
  if (d && isUnit) {
    sections.push(<Section key="s" id="toSign" title={t('workbench.toSign')} rows={brief(d.toSign)} empty={t('workbench.emptyToSign')} more="/tasks?status=assigned" />);
    const toReport = d.toReport.map((x) =>
      row(
        x,
        <>
          <span style={x.due.late ? { color: '#cf1322' } : undefined}>{t('workbench.dueOn', { date: x.due.dueOn })}</span>
          {x.due.late && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('task.reportLate')}</Tag>}
          {' · '}
          {deadline(x.deadline)}
        </>,
      ),
    );
    sections.push(<Section key="r" id="toReport" title={t('workbench.toReport')} rows={toReport} empty={t('workbench.emptyToReport')} more="/tasks?status=in_progress" />);
  }
  if (d && (isSup || isLeader)) {
    const title = [isSup && t('workbench.toReviewSup'), isLeader && t('workbench.toReviewLeader')].filter(Boolean).join(' / ');
    const more = isSup ? '/tasks?status=completion_requested' : '/tasks?status=pending_review';
    sections.push(<Section key="v" id="toReview" title={title} rows={brief(d.toReview)} empty={t('workbench.emptyToReview')} more={more} />);
  }
  if (d && isSup) {
    const rows = d.toHandle.map((x) => row(x, <>{labels.status(x.status)} · {x.leadUnitName} · {deadline(x.deadline)}</>));
    sections.push(<Section key="h" id="toHandle" title={t('workbench.toHandle')} rows={rows} empty={t('workbench.emptyToHandle')} more="/tasks?status=draft,returned&sort=-updatedAt" />);
  }
  if (d && (isSup || isLeader || roles.includes('unit_head'))) {
    const rows = d.toApprove.map((x) => row(x, <>{x.leadUnitName} · {t('workbench.extTo', { date: x.newDeadline })}</>, x.requestId));
    sections.push(<Section key="a" id="toApprove" title={t('workbench.toApprove')} rows={rows} empty={t('workbench.emptyToApprove')} />);
  }
  if (d && isUnit) {
    const rows = d.reminders.map((x, i) => ({
      key: `${x.taskId}-${i}`,
      to: `/tasks/${x.taskId}`,
      number: x.number,
      title: x.title,
      meta: (
        <>
          <Tag color={x.action === 'issue_order' ? 'red' : 'orange'}>{labels.event(x.action)}</Tag>
          {x.actorName} · {formatTime(x.at)}
          {x.comment && <div className="ls-wb-comment">{x.comment}</div>}
        </>
      ),
    }));
    sections.push(<Section key="m" id="reminders" title={t('workbench.reminders')} rows={rows} empty={t('workbench.emptyReminders')} />);
  }

  return (
    <Card title={t('workbench.title')} extra={<Link to="/tasks">{t('workbench.ledger')}</Link>} data-testid="workbench">
      {wb.error ? (
        <LoadError error={wb.error} onRetry={wb.reload} />
      ) : !d ? (
        <div style={{ textAlign: 'center', padding: 32 }}>
          <Spin />
        </div>
      ) : (
        <>
          <WarningCounts />
          {sections.length ? sections : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.nothing')} />}
        </>
      )}
    </Card>
  );
}
