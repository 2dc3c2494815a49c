import { Alert, Button, Card, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Query } from '../api/client';
import type { ImportResult, ImportRowError } from '../api/types';
import { errorText } from './feedback';
import { ImportErrorTable } from './ImportErrorTable';

const MAX_BYTES = 5 * 1024 * 1024;

type Outcome<R> =
  | { type: 'success'; file: string; result: R }
  | { type: 'invalid'; file: string; errors: ImportRowError[] }
  | { type: 'failed'; file: string; message: string };

function Lines({ file, text }: { file: string; text: ReactNode }) {
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

export interface ImportCardProps<R> {
  /** the upload's path under /api */
  url: string;
  /** data-testid of the card; the result is `${testId}-result` unless resultTestId says otherwise */
  testId: string;
  resultTestId?: string;
  uploadTestId?: string;
  /** the card's header (none when absent) and its right-hand side (e.g. the template download) */
  title?: ReactNode;
  extra?: ReactNode;
  /** the text above the drop zone */
  intro?: ReactNode;
  /** what goes between the text and the drop zone (e.g. the list's name and kind) */
  children?: ReactNode;
  /** runs first: the query to send with the file, or why not to send it (shown as the failure) */
  prepare?: () => Promise<{ query?: Query } | { refuse: string }>;
  /** the success alert for the server's answer */
  success: (result: R, file: string) => { title: ReactNode; detail: ReactNode };
}

/**
 * The one upload → validate → result component of every Excel import: .xlsx only, at most 5 MB, all rows or none;
 * a file with problems lists each with row and column (ImportErrorTable), nothing imported.
 */
export function ImportCard<R>({
  url,
  testId,
  resultTestId = `${testId}-result`,
  uploadTestId,
  title,
  extra,
  intro,
  children,
  prepare,
  success,
}: ImportCardProps<R>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome<R> | null>(null);

  const run = async (file: File) => {
    let query: Query | undefined;
    if (prepare) {
      const p = await prepare();
      if ('refuse' in p) return setOutcome({ type: 'failed', file: file.name, message: p.refuse });
      query = p.query;
    }
    if (!/\.xlsx$/i.test(file.name)) return setOutcome({ type: 'failed', file: file.name, message: t('import.wrongType') });
    if (file.size > MAX_BYTES) return setOutcome({ type: 'failed', file: file.name, message: t('import.tooLarge') });
    setBusy(true);
    setOutcome(null);
    try {
      const result = await api.upload<R>(url, file, 'file', query);
      setOutcome({ type: 'success', file: file.name, result });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID' && Array.isArray(e.details)) {
        setOutcome({ type: 'invalid', file: file.name, errors: e.details as ImportRowError[] });
      } else {
        setOutcome({ type: 'failed', file: file.name, message: errorText(e) });
      }
    } finally {
      setBusy(false);
    }
  };

  const ok = outcome?.type === 'success' ? success(outcome.result, outcome.file) : null;
  return (
    <Card title={title} extra={extra} data-testid={testId}>
      {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
      {children}
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          void run(file);
          return Upload.LIST_IGNORE;
        }}
        data-testid={uploadTestId}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{busy ? t('import.uploading') : t('import.drag')}</p>
        <p className="ant-upload-hint">{t('import.hint')}</p>
      </Upload.Dragger>

      {outcome && (
        <div style={{ marginTop: 16 }} data-testid={resultTestId}>
          {outcome.type === 'success' && ok && (
            <Alert type="success" showIcon title={ok.title} description={<Lines file={outcome.file} text={ok.detail} />} />
          )}
          {outcome.type === 'failed' && (
            <Alert
              type="error"
              showIcon
              title={t('import.failedTitle')}
              description={<Lines file={outcome.file} text={outcome.message} />}
            />
          )}
          {outcome.type === 'invalid' && (
            <>
              <Alert
                type="error"
                showIcon
                title={t('import.invalidTitle')}
                description={<Lines file={outcome.file} text={t('import.invalidDesc', { count: outcome.errors.length })} />}
              />
              <ImportErrorTable errors={outcome.errors} />
            </>
          )}
        </div>
      )}
    </Card>
  );
}

/** 导入单位 / 导入人员 (批量导入 page): the template download, created and updated counts. */
export function OrgImportCard({ kind, icon }: { kind: 'units' | 'people'; icon: ReactNode }) {
  const { t } = useTranslation();
  return (
    <ImportCard<ImportResult>
      url={`/import/${kind}`}
      testId={`import-${kind}`}
      resultTestId={`import-result-${kind}`}
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
      intro={t(kind === 'units' ? 'import.unitsDesc' : 'import.peopleDesc')}
      success={(r) => ({
        title: t('import.success'),
        detail: t('import.successDetail', { created: r.created, updated: r.updated }),
      })}
    />
  );
}
