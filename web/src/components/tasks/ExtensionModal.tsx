import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Task } from '../../api/taskTypes';
import { reportFormError, toast } from '../feedback';

interface Values {
  reason: string;
  newDeadline: Dayjs;
  progress: string;
}

/** 申请延期: reason, the new deadline (after the current one) and the progress so far. */
export function ExtensionModal({ task, onClose, onDone }: { task: Task; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const req = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await api.post(`/tasks/${task.id}/extensions`, { reason: v.reason.trim(), newDeadline: v.newDeadline.format('YYYY-MM-DD'), progress: v.progress.trim() });
      toast('success', t('taskAct.extSent'));
      onDone();
    } catch (e) {
      reportFormError(form, e, ['reason', 'newDeadline', 'progress']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('ext.title')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okButtonProps={{ 'data-testid': 'action-modal-ok' }}>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ marginTop: 12 }}>
        <Form.Item name="newDeadline" label={t('taskAct.extNewDeadline')} rules={[{ required: true, message: t('taskAct.extMustBeLater', { date: task.deadline }) }]} extra={t('taskAct.extMustBeLater', { date: task.deadline })}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(dayjs(task.deadline), 'day')} data-testid="extension-deadline" />
        </Form.Item>
        <Form.Item name="reason" label={t('taskAct.extReason')} rules={req(t('taskAct.extReason'))}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} data-testid="action-modal-comment" />
        </Form.Item>
        <Form.Item name="progress" label={t('taskAct.extProgress')} rules={req(t('taskAct.extProgress'))}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} data-testid="extension-progress" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
