import { Alert, Button, Card, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { ImportResult, ImportRowError } from '../api/types';
import { ImportErrorTable } from './ImportErrorTable';

const MAX_BYTES = 5 * 1024 * 1024;

type Outcome =
  | { type: 'success'; file: string; created: number; updated: number }
  | { type: 'invalid'; file: string; errors: ImportRowError[] }
  | { type: 'failed'; file: string; message: string };

function Lines({ file, text }: { file: string; text: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div>{text}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('import.file', { name: file })}
      </Typography.Text>
    </>
  );
}

export function ImportCard({ kind, icon }: { kind: 'units' | 'people'; icon: React.ReactNode }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) {
      setOutcome({ type: 'failed', file: file.name, message: t('import.wrongType') });
      return;
    }
    if (file.size > MAX_BYTES) {
      setOutcome({ type: 'failed', file: file.name, message: t('import.tooLarge') });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const r = await api.upload<ImportResult>(`/import/${kind}`, file);
      setOutcome({ type: 'success', file: file.name, created: r.created, updated: r.updated });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID' && Array.isArray(e.details)) {
        setOutcome({ type: 'invalid', file: file.name, errors: e.details as ImportRowError[] });
      } else {
        setOutcome({ type: 'failed', file: file.name, message: e instanceof ApiError ? e.message : t('error.server') });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={
        <span>
          {icon} <span style={{ marginLeft: 6 }}>{t(`import.${kind}`)}</span>
        </span>
      }
      extra={
        <Button href={`/api/import/templates/${kind}`} icon={<DownloadOutlined />} data-testid={`import-template-${kind}`}>
          {t('import.template')}
        </Button>
      }
      data-testid={`import-${kind}`}
    >
      <Typography.Paragraph type="secondary">{t(kind === 'units' ? 'import.unitsDesc' : 'import.peopleDesc')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          void run(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{busy ? t('import.uploading') : t('import.drag')}</p>
        <p className="ant-upload-hint">{t('import.hint')}</p>
      </Upload.Dragger>

      {outcome?.type === 'success' && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          title={t('import.success')}
          description={<Lines file={outcome.file} text={t('import.successDetail', { created: outcome.created, updated: outcome.updated })} />}
          data-testid={`import-result-${kind}`}
        />
      )}
      {outcome?.type === 'failed' && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          title={t('import.failedTitle')}
          description={<Lines file={outcome.file} text={outcome.message} />}
          data-testid={`import-result-${kind}`}
        />
      )}
      {outcome?.type === 'invalid' && (
        <div style={{ marginTop: 16 }} data-testid={`import-result-${kind}`}>
          <Alert
            type="error"
            showIcon
            title={t('import.invalidTitle')}
            description={<Lines file={outcome.file} text={t('import.invalidDesc', { count: outcome.errors.length })} />}
          />
          <ImportErrorTable errors={outcome.errors} />
        </div>
      )}
    </Card>
  );
}
