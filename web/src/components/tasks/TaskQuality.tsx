import { Card, Segmented, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TaskPage } from '../../api/taskTypes';

type Rating = 'excellent' | 'good' | 'poor' | 'none';

/** 督查室 rates the closing report of a closed task; the rating counts in unit scores. */
export function TaskQuality({ page, onError }: { page: TaskPage; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<Rating>(page.qualityRating ?? 'none');
  const [saving, setSaving] = useState(false);
  const save = async (v: Rating) => {
    setSaving(true);
    try {
      await api.put(`/scores/quality/${page.task.id}`, { rating: v === 'none' ? null : v });
      setValue(v);
      message.success(t('scores.qualitySaved'));
    } catch (e) {
      onError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={t('scores.qualityTitle')} style={{ marginTop: 16 }} data-testid="task-quality">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('scores.qualityHelp')}
      </Typography.Paragraph>
      <Segmented<Rating>
        disabled={saving}
        value={value}
        onChange={(v) => void save(v)}
        options={[
          { value: 'excellent', label: t('scores.qExcellent') },
          { value: 'good', label: t('scores.qGood') },
          { value: 'poor', label: t('scores.qPoor') },
          { value: 'none', label: t('scores.qualityNone') },
        ]}
      />
    </Card>
  );
}
