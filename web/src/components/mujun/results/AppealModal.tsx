// 提出申诉: against a value (which input field, what it should be) or the class, with a reason and optional evidence.
import { Button, Form, Input, Modal, Radio, Select, Upload } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postForm } from '../../../api/client';
import type { Appeal, AppealKind } from '../../../api/mujunTypes';
import { notifyError, toast } from '../../feedback';

const MAX_BYTES = 10 * 1024 * 1024;

interface Values {
  kind: AppealKind;
  field?: string;
  claimedValue?: string;
  reason: string;
}

export function AppealModal({
  open,
  runId,
  uscc,
  fields,
  input,
  onClose,
  onFiled,
}: {
  open: boolean;
  runId: string;
  uscc: string;
  /** the input fields the enterprise's group uses: key and label */
  fields: { key: string; label: string }[];
  input: Record<string, string | number | null>;
  onClose: () => void;
  onFiled: (a: Appeal) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);
  const field = Form.useWatch('field', form);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      // text fields first, then the evidence: the server reads the fields that come before the file
      const body = new FormData();
      const parts: Record<string, string | undefined> = {
        runId,
        uscc,
        kind: v.kind,
        field: v.kind === 'value' ? v.field : undefined,
        claimedValue: v.kind === 'value' ? v.claimedValue?.trim() : undefined,
        reason: v.reason.trim(),
      };
      for (const [k, x] of Object.entries(parts)) if (x) body.append(k, x);
      if (file) body.append('file', file, file.name);
      const a = await postForm<Appeal>('/mujun/appeals', body);
      toast('success', t('mujun.appeal.submitted'));
      form.resetFields();
      setFile(null);
      onFiled(a);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  const current = field ? input[field] : undefined;
  return (
    <Modal
      open={open}
      title={t('mujun.appeal.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('mujun.appeal.submit')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'mujun-appeal-submit' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'value' }} preserve={false}>
        <Form.Item name="kind" label={t('mujun.appeal.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'value', label: t('mujun.appeal.kindValue') },
              { value: 'class', label: t('mujun.appeal.kindClass') },
            ]}
          />
        </Form.Item>
        {kind !== 'class' && (
          <>
            <Form.Item
              name="field"
              label={t('mujun.appeal.field')}
              rules={[{ required: true, message: t('mujun.appeal.required') }]}
              extra={current !== undefined ? t('mujun.appeal.current', { v: current ?? '—' }) : undefined}
            >
              <Select
                showSearch
                optionFilterProp="label"
                options={fields.map((f) => ({ value: f.key, label: f.label }))}
                data-testid="mujun-appeal-field"
              />
            </Form.Item>
            <Form.Item
              name="claimedValue"
              label={t('mujun.appeal.claimed')}
              rules={[{ required: true, whitespace: true, message: t('mujun.appeal.required') }]}
            >
              <Input maxLength={60} data-testid="mujun-appeal-value" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="reason"
          label={t('mujun.appeal.reason')}
          rules={[{ required: true, whitespace: true, message: t('mujun.appeal.required') }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('mujun.appeal.reasonPh')}
            data-testid="mujun-appeal-reason"
          />
        </Form.Item>
        <Form.Item label={t('mujun.appeal.evidence')} extra={t('mujun.appeal.evidenceHint')}>
          <Upload
            maxCount={1}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            beforeUpload={(f) => {
              if (f.size > MAX_BYTES) toast('error', `${f.name}：${t('mujun.appeal.tooBig')}`);
              else setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<PaperClipOutlined />}>{t('mujun.appeal.evidencePick')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
