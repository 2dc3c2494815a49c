// 生成评价: the one dialog that runs an evaluation, from the results page (生成评价) and the data page (发起评价).
import { Alert, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useRequest } from '../../../api/hooks';
import type { MujunSchemeSummary, MujunUpload } from '../../../api/mujunAdminTypes';
import type { RunSummary } from '../../../api/mujunTypes';
import { errorText, toast } from '../../feedback';
import { useMujunLabels, useMujunMeta } from './labels';

interface Values {
  schemeId: string;
  reason?: string;
}

/**
 * Pick a scheme version and say why; the run merges the latest upload of each department for the year. It warns about
 * departments that sent nothing this year and cannot start without any upload.
 */
export function CreateRunModal({
  open,
  year,
  schemeId,
  onClose,
  onCreated,
}: {
  open: boolean;
  year: number;
  /** the scheme to offer first (the run on screen); default: the latest run of the year's, else one made for the year */
  schemeId?: string;
  onClose: () => void;
  onCreated: (run: RunSummary) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const meta = useMujunMeta();
  const labels = useMujunLabels(meta.data);
  const schemes = useRequest(() => api.get<MujunSchemeSummary[]>('/mujun/schemes'), 'mujun-schemes', open);
  const runs = useRequest(
    () => api.get<{ schemeId: string; version: number }[]>('/mujun/runs', { year }),
    `mujun-runs-of|${year}`,
    open,
  );
  const uploads = useRequest(() => api.get<MujunUpload[]>('/mujun/uploads', { year }), `mujun-uploads-of|${year}`, open);

  useEffect(() => {
    if (!open || !schemes.data?.length || runs.loading) return;
    const latest = [...(runs.data ?? [])].sort((a, b) => b.version - a.version)[0]?.schemeId;
    const list = schemes.data;
    const pick =
      list.find((s) => s.id === schemeId) ?? list.find((s) => s.id === latest) ?? list.find((s) => s.year === year) ?? list[0]!;
    form.setFieldsValue({ schemeId: pick.id });
  }, [open, schemes.data, runs.data, runs.loading, schemeId, year, form]);

  useEffect(() => {
    if (open) setError(null);
  }, [open]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const run = await api.post<RunSummary>('/mujun/runs', {
        year,
        schemeId: v.schemeId,
        reason: v.reason?.trim() || undefined,
      });
      toast('success', t('mujunAdmin.run.created', { year: run.year, version: run.version, count: run.enterpriseCount }));
      onCreated(run);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const sent = new Set((uploads.data ?? []).map((u) => u.source));
  const hasUploads = !uploads.data || sent.size > 0;
  const missing = uploads.data ? (meta.data?.sources ?? []).filter((s) => !sent.has(s.id)).map((s) => labels.source(s.id)) : [];

  // newest version of each code first, as the list comes (newest first)
  const latestOfCode = new Map<string, string>();
  for (const s of schemes.data ?? []) if (!latestOfCode.has(s.code)) latestOfCode.set(s.code, s.id);

  return (
    <Modal
      open={open}
      title={t('mujunAdmin.run.title', { year })}
      okText={t('mujunAdmin.run.submit')}
      okButtonProps={{
        disabled: !hasUploads,
        ...({ 'data-testid': 'mujun-run-create-ok' } as Record<`data-${string}`, string>),
      }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <Typography.Paragraph type="secondary">{t('mujunAdmin.run.hint')}</Typography.Paragraph>
      {!hasUploads ? (
        <Alert type="warning" showIcon title={t('mujunAdmin.run.noUploads')} style={{ marginBottom: 16 }} />
      ) : (
        missing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('mujunAdmin.run.missingSources', { sources: missing.join(t('mujunAdmin.run.listSep')) })}
            style={{ marginBottom: 16 }}
            data-testid="mujun-run-missing"
          />
        )
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
        <Form.Item
          name="schemeId"
          label={t('mujunAdmin.run.scheme')}
          rules={[{ required: true, message: t('mujunAdmin.run.schemeRequired') }]}
        >
          <Select
            loading={schemes.loading}
            data-testid="mujun-run-scheme"
            showSearch={{ optionFilterProp: 'search' }}
            options={(schemes.data ?? []).map((s) => ({
              value: s.id,
              search: `${s.code} ${s.name} ${s.version}`,
              label: (
                <span>
                  <Tag>
                    {s.code} v{s.version}
                  </Tag>
                  {latestOfCode.get(s.code) === s.id && <Tag color="green">{t('mujunAdmin.schemes.latest')}</Tag>}
                  {s.year !== year && <Tag color="orange">{t('mujunAdmin.run.yearMismatch', { year: s.year })}</Tag>}
                  {s.name}
                </span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('mujunAdmin.run.reason')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 4 }}
            maxLength={500}
            showCount
            placeholder={t('mujunAdmin.run.reasonPlaceholder')}
            data-testid="mujun-run-reason"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
