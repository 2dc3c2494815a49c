import { Form, Input, Modal, Typography } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TaskAction, UploadedFile } from '../../api/taskTypes';
import { toast } from '../feedback';
import { AttachmentPicker, uploadedIds } from './AttachmentPicker';
import { useTaskLabels } from './useTaskLabels';

interface Props {
  taskId: string;
  version: number;
  action: TaskAction;
  onClose: () => void;
  onDone: () => void;
  onError: (e: unknown) => void;
}

const PLACEHOLDERS: Partial<Record<TaskAction, string>> = {
  remind: 'taskAct.remindPlaceholder',
  issue_order: 'taskAct.orderPlaceholder',
  request_completion: 'taskAct.completionPlaceholder',
};

/** A workflow step that needs a comment (退回、撤销、催办…); 申请办结 also takes the evidence files. */
export function ActionModal({ taskId, version, action, onClose, onDone, onError }: Props) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const [comment, setComment] = useState('');
  const [files, setFiles] = useState<UploadFile<UploadedFile>[]>([]);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const completion = action === 'request_completion';
  const missing = !comment.trim();

  const ok = async () => {
    setTouched(true);
    if (missing) return;
    const ids = uploadedIds(files);
    if (ids === null) {
      toast('warning', t('taskAct.uploading'));
      return;
    }
    setBusy(true);
    try {
      await api.post(`/tasks/${taskId}/actions/${action}`, { comment: comment.trim(), attachmentIds: ids.length ? ids : undefined, version });
      toast('success', t('taskAct.done'));
      onDone();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const label = completion ? t('taskAct.completionText') : t('taskAct.commentLabel');
  return (
    <Modal
      open
      title={labels.action(action)}
      onCancel={onClose}
      onOk={() => void ok()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'action-modal-ok', danger: ['withdraw', 'return', 'reject_review', 'request_rectify'].includes(action) }}
      width={completion ? 640 : 520}
    >
      <Form layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item
          label={label}
          required
          validateStatus={touched && missing ? 'error' : undefined}
          help={touched && missing ? (completion ? t('taskAct.completionRequired') : t('taskAct.commentRequired')) : undefined}
        >
          <Input.TextArea
            autoFocus
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            autoSize={{ minRows: completion ? 6 : 3, maxRows: 12 }}
            maxLength={4000}
            placeholder={t(PLACEHOLDERS[action] ?? 'taskAct.commentPlaceholder')}
            data-testid="action-modal-comment"
          />
        </Form.Item>
        {completion && (
          <Form.Item label={t('taskAct.evidence')} extra={<Typography.Text type="secondary">{t('taskAct.uploadHint')}</Typography.Text>}>
            <AttachmentPicker taskId={taskId} files={files} onChange={setFiles} testId="action-modal-upload" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
