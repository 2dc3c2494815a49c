import { Alert, Button, Col, DatePicker, Row, Space, Spin, Typography } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { MujunReconciliation, MujunUpload } from '../../api/mujunAdminTypes';
import { LoadError } from '../../components/Results';
import { CreateRunModal } from '../../components/mujun/admin/CreateRunModal';
import { ReconciliationCard } from '../../components/mujun/admin/ReconciliationCard';
import { SourceCard } from '../../components/mujun/admin/SourceCard';
import { useMujunLabels, useMujunMeta } from '../../components/mujun/admin/labels';

/** 数据归集 (评价专员): each department's file for the year, the reconciliation of them all, and 发起评价. */
export default function DataPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const meta = useMujunMeta();
  const labels = useMujunLabels(meta.data);
  const asked = Number(params.get('year'));
  // the year in the address, else the newest year with data, else last year (the evaluation looks back)
  const year = Number.isInteger(asked) && asked > 1990 ? asked : (meta.data?.years[0] ?? dayjs().year() - 1);
  const [runOpen, setRunOpen] = useState(false);

  const uploads = useRequest(() => api.get<MujunUpload[]>('/mujun/uploads', { year }), `mujun-uploads|${year}`, !!meta.data);
  const recon = useRequest(
    () => api.get<MujunReconciliation>('/mujun/reconciliation', { year }),
    `mujun-recon|${year}|${uploads.data?.length ?? -1}`,
    !!meta.data && !!uploads.data,
  );

  const bySource = useMemo(() => {
    const m = new Map<string, MujunUpload[]>();
    for (const u of [...(uploads.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt))) {
      const list = m.get(u.source) ?? [];
      list.push(u);
      m.set(u.source, list);
    }
    return m;
  }, [uploads.data]);

  if (meta.error) return <LoadError error={meta.error} onRetry={meta.reload} />;
  if (!meta.data) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  const sources = meta.data.sources;
  const done = sources.filter((s) => bySource.has(s.id)).length;

  // the reconciliation follows: its key carries the number of uploads
  const reload = () => uploads.reload();

  return (
    <>
      <div className="ls-page-head">
        <h2 className="ls-page-title">{t('mujunAdmin.data.title')}</h2>
        <Space wrap>
          <span>{t('mujunAdmin.data.year')}</span>
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            disabledDate={(d) => d.year() > dayjs().year()}
            onChange={(d) => d && setParams({ year: String(d.year()) }, { replace: true })}
            data-testid="mujun-data-year"
          />
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            onClick={() => setRunOpen(true)}
            disabled={!uploads.data}
            data-testid="mujun-start-run"
          >
            {t('mujunAdmin.data.startRun')}
          </Button>
        </Space>
      </div>
      <Alert type="info" showIcon title={t('mujunAdmin.data.intro')} style={{ marginBottom: 16 }} />
      {uploads.error ? (
        <LoadError error={uploads.error} onRetry={uploads.reload} />
      ) : (
        <Spin spinning={uploads.loading}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="mujun-sources-done">
            {t('mujunAdmin.data.sourcesUploaded', { done, total: sources.length })}
          </Typography.Paragraph>
          <Row gutter={[16, 16]}>
            {sources.map((s) => (
              <Col key={s.id} xs={24} md={12} xl={8} xxl={6}>
                <SourceCard
                  source={s}
                  sourceName={labels.source(s.id)}
                  year={year}
                  uploads={bySource.get(s.id) ?? []}
                  fields={meta.data!.fields}
                  onUploaded={reload}
                />
              </Col>
            ))}
          </Row>
        </Spin>
      )}
      <ReconciliationCard data={recon.data} loading={recon.loading} error={recon.error} onRetry={recon.reload} labels={labels} />
      <CreateRunModal
        open={runOpen}
        year={year}
        onClose={() => setRunOpen(false)}
        onCreated={(r) => {
          setRunOpen(false);
          navigate(`/mujun?year=${r.year}&run=${encodeURIComponent(r.id)}`);
        }}
      />
    </>
  );
}
