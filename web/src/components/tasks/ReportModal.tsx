import { Alert, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Slider, Typography } from 'antd';
import type { UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TaskPage, UploadedFile } from '../../api/taskTypes';
import { useAuth } from '../../auth/AuthContext';
import { toast } from '../feedback';
import { AttachmentPicker, uploadedIds } from './AttachmentPicker';

interface Values {
  text: string;
  percent: number;
  values: Record<string, number | null | undefined>;
  done: Record<string, { on?: boolean; date?: Dayjs }>;
}

/** 报送进展: text, percent, target values, milestones completed, attachments (uploaded first, then referenced). */
export function ReportModal({ page, onClose, onDone, onError }: { page: TaskPage; onClose: () => void; onDone: () => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile<UploadedFile>[]>([]);
  const [busy, setBusy] = useState(false);
  const task = page.task;
  const open = page.milestones.filter((m) => !m.doneOn);
  const coop = me?.unitId !== task.leadUnitId;
  const percent = Form.useWatch('percent', form) ?? task.percent;

  const submit = async (v: Values) => {
    const ids = uploadedIds(files);
    if (ids === null) {
      toast('warning', t('taskAct.uploading'));
      return;
    }
    const values = Object.fromEntries(Object.entries(v.values ?? {}).filter(([, n]) => typeof n === 'number')) as Record<string, number>;
    const milestonesDone = Object.entries(v.done ?? {})
      .filter(([, d]) => d?.on)
      .map(([id, d]) => ({ id, doneOn: (d.date ?? dayjs()).format('YYYY-MM-DD') }));
    setBusy(true);
    try {
      await api.post(`/tasks/${task.id}/reports`, {
        text: v.text.trim(),
        percent: v.percent,
        ...(Object.keys(values).length ? { values } : {}),
        ...(milestonesDone.length ? { milestonesDone } : {}),
        ...(ids.length ? { attachmentIds: ids } : {}),
      });
      toast('success', t('report.sent'));
      onDone();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${t('report.title')} · ${task.number}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('report.submit')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'report-submit' }}
      width={720}
    >
      {coop && <Alert type="info" showIcon title={t('report.coopNote')} style={{ margin: '12px 0' }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<Values>) => {
          // ticking a milestone fills in today as its completion date (editable)
          for (const [id, d] of Object.entries(changed.done ?? {})) {
            if (d?.on && !form.getFieldValue(['done', id, 'date'])) form.setFieldValue(['done', id, 'date'], dayjs());
          }
        }}
        initialValues={{ percent: task.percent, values: Object.fromEntries(page.targets.map((x) => [x.id, x.latestValue ?? undefined])), done: {} }}
        style={{ marginTop: 12 }}
      >
        <Form.Item name="text" label={t('report.text')} rules={[{ required: true, whitespace: true, message: t('report.textRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} showCount placeholder={t('report.textPlaceholder')} data-testid="report-text" />
        </Form.Item>
        <Form.Item label={t('report.percent')} required>
          <Row gutter={16} align="middle">
            <Col flex="auto">
              <Slider min={0} max={100} value={percent} onChange={(n) => form.setFieldValue('percent', n)} />
            </Col>
            <Col flex="110px">
              {/* a label around the input: tests may fill the test id itself or the input inside it */}
              <label data-testid="report-percent" style={{ display: 'block' }}>
                <Form.Item name="percent" noStyle rules={[{ required: true }]}>
                  <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} aria-label={t('report.percent')} />
                </Form.Item>
              </label>
            </Col>
          </Row>
        </Form.Item>
        {page.targets.length > 0 && (
          <Form.Item label={t('report.values')}>
            {page.targets.map((x) => (
              <Row key={x.id} gutter={12} align="middle" style={{ marginBottom: 8 }}>
                <Col flex="auto">
                  {x.name}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                    {t('task.targetValue')} {x.targetValue} {x.unit}
                  </Typography.Text>
                </Col>
                <Col flex="170px">
                  <Form.Item name={['values', x.id]} noStyle>
                    <InputNumber style={{ width: '100%' }} suffix={x.unit} aria-label={x.name} placeholder={t('task.latestValue')} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
          </Form.Item>
        )}
        {open.length > 0 && (
          <Form.Item label={t('report.milestones')}>
            {open.map((m) => (
              <Row key={m.id} gutter={12} align="middle" style={{ marginBottom: 6 }}>
                <Col flex="auto">
                  <Form.Item name={['done', m.id, 'on']} valuePropName="checked" noStyle>
                    <Checkbox>
                      {m.name}
                      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                        {t('task.planned')} {m.plannedOn}
                      </Typography.Text>
                    </Checkbox>
                  </Form.Item>
                </Col>
                <Col flex="170px">
                  <Form.Item name={['done', m.id, 'date']} noStyle>
                    <DatePicker placeholder={t('report.milestoneDone')} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
          </Form.Item>
        )}
        <Form.Item label={t('task.attachments')} extra={t('taskAct.uploadHint')}>
          <AttachmentPicker taskId={task.id} files={files} onChange={setFiles} testId="report-upload" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
