import { Alert, Button, Form, InputNumber, Input, Space, Typography, Upload } from 'antd';
import { FileSearchOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ParseResult } from '../../api/meetingTypes';
import { errorText } from '../feedback';

const MAX_BYTES = 5 * 1024 * 1024;

interface Props {
  text: string;
  year: number;
  onText: (s: string) => void;
  onYear: (y: number) => void;
  onParsed: (r: ParseResult) => void;
}

/** Step 1: the report pasted or uploaded, and the year it was published. */
export function MeetingInput({ text, year, onText, onYear, onParsed }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (call: () => Promise<ParseResult>) => {
    setBusy(true);
    setError(null);
    try {
      const r = await call();
      onText(r.text);
      onParsed(r);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const parseText = () => {
    if (!text.trim()) return setError(t('meetings.input.empty'));
    void run(() => api.post<ParseResult>('/meetings/parse', { text, publicationYear: year }));
  };
  const parseFile = (file: File) => {
    if (!/\.(txt|docx)$/i.test(file.name)) return setError(t('meetings.input.wrongType'));
    if (file.size > MAX_BYTES) return setError(t('meetings.input.tooLarge'));
    void run(() => api.upload<ParseResult>('/meetings/parse-file', file, 'file', { publicationYear: year }));
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('meetings.input.intro')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('meetings.input.text')}>
          <Input.TextArea
            value={text}
            onChange={(e) => onText(e.target.value)}
            autoSize={{ minRows: 12, maxRows: 24 }}
            placeholder={t('meetings.input.textPlaceholder')}
            data-testid="meeting-text"
          />
        </Form.Item>
        <Form.Item label={t('meetings.input.year')} extra={t('meetings.input.yearHelp')}>
          <InputNumber min={1990} max={2100} precision={0} value={year} onChange={(v) => v && onYear(v)} data-testid="meeting-year" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="meeting-parse-error" />}
      <Space>
        <Button type="primary" icon={<FileSearchOutlined />} loading={busy} onClick={parseText} data-testid="meeting-parse">
          {busy ? t('meetings.input.uploading') : t('meetings.input.parse')}
        </Button>
        <Upload
          accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            parseFile(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined />} disabled={busy} data-testid="meeting-upload">
            {t('meetings.input.upload')}
          </Button>
        </Upload>
      </Space>
    </>
  );
}
