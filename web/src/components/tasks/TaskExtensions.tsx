import { Button, Card, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ExtensionRequest } from '../../api/taskTypes';
import { toast } from '../feedback';
import { formatTime } from '../format';

const STAGE_COLORS: Record<string, string> = { unit_head: 'gold', supervisor: 'gold', leader: 'gold', approved: 'green', rejected: 'red' };

/** 延期申请 with approve / refuse for whoever decides at the current stage (`canDecide`). */
export function TaskExtensions({ taskId, items, onDone, onError }: { taskId: string; items: ExtensionRequest[]; onDone: () => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<{ req: ExtensionRequest; approve: boolean } | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  if (!items.length) return null;

  const decide = async () => {
    if (!deciding) return;
    if (!deciding.approve && !comment.trim()) {
      toast('warning', t('ext.rejectNeedsComment'));
      return;
    }
    setBusy(true);
    try {
      await api.post(`/tasks/${taskId}/extensions/${deciding.req.id}/decision`, { approve: deciding.approve, comment: comment.trim() || null });
      toast('success', t('ext.decided'));
      setDeciding(null);
      onDone();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('ext.title')} size="small" style={{ marginTop: 16 }} data-testid="task-extensions">
      {items.map((x) => (
        <div key={x.id} className="ls-ext">
          <Space wrap size={6}>
            <Tag color={STAGE_COLORS[x.stage] ?? 'default'}>{t(`ext.stage.${x.stage}`)}</Tag>
            <Typography.Text strong>{t('ext.requested', { date: x.newDeadline, old: x.oldDeadline })}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(x.createdAt)}
            </Typography.Text>
          </Space>
          <div className="ls-ext-line">
            {t('ext.reason')}
            {x.reason}
          </div>
          <div className="ls-ext-line">
            {t('ext.progress')}
            {x.progress}
          </div>
          {x.canDecide && (
            <Space style={{ marginTop: 8 }}>
              <Button size="small" type="primary" onClick={() => (setComment(''), setDeciding({ req: x, approve: true }))} data-testid="extension-approve">
                {t('ext.approve')}
              </Button>
              <Button size="small" danger onClick={() => (setComment(''), setDeciding({ req: x, approve: false }))} data-testid="extension-reject">
                {t('ext.reject')}
              </Button>
            </Space>
          )}
        </div>
      ))}
      <Modal
        open={!!deciding}
        title={`${t('ext.decideTitle')} · ${deciding?.approve ? t('ext.approve') : t('ext.reject')}`}
        onCancel={() => setDeciding(null)}
        onOk={() => void decide()}
        confirmLoading={busy}
        okButtonProps={{ danger: deciding ? !deciding.approve : false, 'data-testid': 'extension-decide-ok' }}
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {deciding && t('ext.requested', { date: deciding.req.newDeadline, old: deciding.req.oldDeadline })}
        </Typography.Paragraph>
        <Input.TextArea
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          autoSize={{ minRows: 3 }}
          maxLength={2000}
          placeholder={deciding?.approve ? t('ext.decisionComment') : t('ext.rejectNeedsComment')}
          data-testid="extension-comment"
        />
      </Modal>
    </Card>
  );
}
