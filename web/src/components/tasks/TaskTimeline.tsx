import { Card, Empty, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Attachment, TaskPage, TimelineEvent } from '../../api/taskTypes';
import { formatTime } from '../format';
import { AttachmentLink } from './TaskAttachments';
import { useTaskLabels } from './useTaskLabels';

const GRAY = '#bfbfbf';
const BLUE = '#1677ff';
const GREEN = '#52c41a';
const RED = '#cf1322';
const ORANGE = '#fa8c16';
const COLORS: Record<string, string> = {
  create: GRAY,
  edit: GRAY,
  report: BLUE,
  sign: GREEN,
  assign: GREEN,
  approve_review: GREEN,
  approve_completion: GREEN,
  approve_extension: GREEN,
  archive: GREEN,
  return: RED,
  reject_review: RED,
  reject_extension: RED,
  request_rectify: RED,
  withdraw: RED,
  remind: ORANGE,
  issue_order: ORANGE,
};

/** Task fields (as edits record them) → their label key under `task.`. */
const FIELD_LABELS: Record<string, string> = { leadLeaderId: 'leader', leadUnitId: 'leadUnit', sourceId: 'source', cycleDay: 'cycle' };

function Details({ e }: { e: TimelineEvent }) {
  const { t } = useTranslation();
  const d = (e.data ?? {}) as Record<string, unknown>;
  const line = (text: string) => <div className="ls-tl-detail">{text}</div>;
  if (e.action === 'report' && typeof d.percent === 'number') return line(t('task.percentSet', { percent: d.percent }));
  if (e.action === 'request_extension' && typeof d.newDeadline === 'string') return line(`${t('task.newDeadline')}${d.newDeadline}`);
  if (e.action === 'approve_extension' && d.next === 'approved' && typeof d.newDeadline === 'string') {
    return line(t('task.deadlineChanged', { from: String(d.oldDeadline ?? ''), to: d.newDeadline }));
  }
  if (e.action === 'decompose' && typeof d.childId === 'string') {
    return (
      <div className="ls-tl-detail">
        <Link to={`/tasks/${d.childId}`}>{t('task.subtaskCreated', { number: String(d.number ?? '') })}</Link>
      </div>
    );
  }
  if (e.action === 'edit' && d.after && typeof d.after === 'object') {
    const keys = Object.keys(d.after as object);
    const names = [...new Set(keys.map((k) => t(`task.${FIELD_LABELS[k] ?? k}`)))];
    if (keys.length) return line(t('task.fieldsChanged', { fields: names.join('、') }));
  }
  return null;
}

/** 办理过程: every step — who, when, what, the comment, the status change and the files that came with it. */
export function TaskTimeline({ page }: { page: TaskPage }) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const files = new Map<number, Attachment[]>();
  for (const a of page.attachments) if (a.eventId != null) files.set(a.eventId, [...(files.get(a.eventId) ?? []), a]);

  const items = page.timeline.map((e) => ({
    key: e.id,
    color: COLORS[e.action] ?? BLUE,
    content: (
      <div data-testid="timeline-item" data-action={e.action}>
        <div className="ls-tl-time">{formatTime(e.at)}</div>
        <Space size={6} wrap>
          <Typography.Text strong>{labels.event(e.action)}</Typography.Text>
          <Typography.Text type="secondary">{e.actorName}</Typography.Text>
          {e.fromStatus && e.toStatus && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('task.statusChange', { from: labels.status(e.fromStatus), to: labels.status(e.toStatus) })}
            </Typography.Text>
          )}
        </Space>
        {e.comment && <div className="ls-tl-comment">{e.comment}</div>}
        <Details e={e} />
        {(files.get(e.id) ?? []).map((a) => (
          <div key={a.id}>
            <AttachmentLink taskId={page.task.id} file={a} />
          </div>
        ))}
      </div>
    ),
  }));

  return (
    <Card title={t('task.timeline')} size="small" data-testid="timeline">
      {items.length ? <Timeline items={items} style={{ marginTop: 8 }} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </Card>
  );
}
