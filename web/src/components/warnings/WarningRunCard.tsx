import { Alert, Button, Card, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { WarningRunOutcome } from '../../api/warningTypes';
import { notifyError } from '../feedback';

/** 立即运行今日预警: runs the daily job now (once a day) and says what it did, or that it already ran. */
export function WarningRunCard() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<WarningRunOutcome | null>(null);

  const run = async () => {
    setBusy(true);
    try {
      setOutcome(await api.post<WarningRunOutcome>('/warnings/run'));
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('warnings.run')}>
      <Typography.Paragraph type="secondary">{t('warnings.runHelp')}</Typography.Paragraph>
      <Button icon={<ThunderboltOutlined />} loading={busy} onClick={() => void run()} data-testid="warnings-run">
        {t('warnings.run')}
      </Button>
      {outcome && (
        <Alert
          showIcon
          style={{ marginTop: 16 }}
          type={outcome.ran ? 'success' : 'info'}
          data-testid="warnings-run-outcome"
          data-ran={outcome.ran ? 'true' : 'false'}
          title={
            outcome.ran
              ? t('warnings.ran', { date: outcome.runKey, lights: outcome.lightsChanged ?? 0, reminders: outcome.reminders ?? 0 })
              : t('warnings.alreadyRan', { date: outcome.runKey })
          }
        />
      )}
    </Card>
  );
}
