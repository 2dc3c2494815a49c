import { Alert, Form, Input, Modal, Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api/client';
import { useRequest } from '../../../api/hooks';
import type { MujunRunSummary, MujunSchemeSummary } from '../../../api/mujunAdminTypes';
import { errorText, toast } from '../../feedback';

interface Values {
  schemeId: string;
  reason?: string;
}

/** 发起评价: pick a scheme version and say why; the run merges the latest upload of each department for the year. */
export function CreateRunModal({
  open,
  year,
  missingSources,
  hasUploads,
  onClose,
}: {
  open: boolean;
  year: number;
  /** departments without an upload this year (names) */
  missingSources: string[];
  hasUploads: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const schemes = useRequest(() => api.get<MujunSchemeSummary[]>('/mujun/schemes'), 'mujun-schemes', open);

  const runs = useRequest(() => api.get<{ schemeId: string }[]>('/mujun/runs', { year }), `mujun-runs-of|${year}`, open);

  // default: the version the latest run of the year used, else the newest version made for the year, else the newest
  useEffect(() => {
    if (!open || !schemes.data?.length || runs.loading) return;
    const used = runs.data?.[0]?.schemeId;
    const pick = schemes.data.find((s) => s.id === used) ?? schemes.data.find((s) => s.year === year) ?? schemes.data[0]!;
    form.setFieldsValue({ schemeId: pick.id });
  }, [open, schemes.data, runs.data, runs.loading, year, form]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const run = await api.post<MujunRunSummary>('/mujun/runs', {
        year,
        schemeId: v.schemeId,
        reason: v.reason?.trim() || undefined,
      });
      toast('success', t('mujunAdmin.run.created', { year: run.year, version: run.version, count: run.enterpriseCount }));
      onClose();
      navigate(`/mujun?run=${encodeURIComponent(run.id)}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  // newest version of each code first, as the list comes (newest first)
  const latestOfCode = new Map<string, string>();
  for (const s of schemes.data ?? []) if (!latestOfCode.has(s.code)) latestOfCode.set(s.code, s.id);

  return (
    <Modal
      open={open}
      title={t('mujunAdmin.run.title', { year })}
      okText={t('mujunAdmin.run.submit')}
      okButtonProps={{ disabled: !hasUploads, ...({ 'data-testid': 'mujun-run-submit' } as Record<`data-${string}`, string>) }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      {!hasUploads ? (
        <Alert type="warning" showIcon title={t('mujunAdmin.run.noUploads')} style={{ marginBottom: 16 }} />
      ) : (
        missingSources.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('mujunAdmin.run.missingSources', { sources: missingSources.join('、') })}
            style={{ marginBottom: 16 }}
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
