import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Spin, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { WarningSettings } from '../../api/warningTypes';
import { errorText, notifyError, toast } from '../../components/feedback';
import { LightDot } from '../../components/tasks/LightTag';
import { LoadError } from '../../components/Results';
import { WarningRunCard } from '../../components/warnings/WarningRunCard';

const TEMPLATES = [
  ['red', 'warnings.templateRed'],
  ['yellow', 'warnings.templateYellow'],
  ['blue', 'warnings.templateBlue'],
] as const;

function SettingsForm({ initial }: { initial: WarningSettings }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WarningSettings>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (v: WarningSettings) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await api.put<WarningSettings>('/warnings/settings', v);
      form.setFieldsValue(saved);
      toast('success', t('warnings.saved'));
    } catch (e) {
      // the server's Chinese message as is (e.g. an unknown placeholder in a template)
      if (e instanceof ApiError && e.status === 422) setError(errorText(e));
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<WarningSettings>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void save(v)}
      data-testid="warnings-form"
    >
      <Card title={t('warnings.rules')}>
        <Typography.Paragraph type="secondary">{t('warnings.intro')}</Typography.Paragraph>
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item
              name={['rules', 'blueDays']}
              label={t('warnings.blueDays')}
              extra={t('warnings.blueDaysHelp')}
              rules={[{ required: true, message: t('common.required', { field: t('warnings.blueDays') }) }]}
            >
              <InputNumber min={0} max={60} precision={0} style={{ width: 160 }} data-testid="warnings-blue-days" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['rules', 'lagTolerance']}
              label={t('warnings.lagTolerance')}
              extra={t('warnings.lagToleranceHelp')}
              rules={[{ required: true, message: t('common.required', { field: t('warnings.lagTolerance') }) }]}
            >
              <InputNumber min={0} max={100} style={{ width: 160 }} data-testid="warnings-lag" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name={['rules', 'yellowOnMissedReport']}
          label={t('warnings.yellowOnMissedReport')}
          valuePropName="checked"
          style={{ marginBottom: 0 }}
        >
          <Switch data-testid="warnings-missed-report" />
        </Form.Item>
      </Card>
      <Card title={t('warnings.templates')} style={{ marginTop: 16 }}>
        <Alert type="info" showIcon title={t('warnings.templatesHelp')} style={{ marginBottom: 16 }} />
        {TEMPLATES.map(([light, label]) => (
          <Form.Item
            key={light}
            name={['templates', light]}
            label={
              <>
                <LightDot light={light} />
                {t(label)}
              </>
            }
            rules={[{ required: true, whitespace: true, message: t('warnings.templateRequired') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={500}
              showCount
              data-testid={`warnings-template-${light}`}
            />
          </Form.Item>
        ))}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="warnings-error" />}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="warnings-save">
          {t('warnings.save')}
        </Button>
      </Card>
    </Form>
  );
}

/** 预警规则 (督查室): the light rules, the reminder templates, and running today's job now. */
export default function WarningSettingsPage() {
  const { t } = useTranslation();
  const settings = useRequest(() => api.get<WarningSettings>('/warnings/settings'), 'warning-settings');
  return (
    <>
      <h2 className="ls-page-title">{t('warnings.title')}</h2>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          {settings.error ? (
            <LoadError error={settings.error} onRetry={settings.reload} />
          ) : settings.data ? (
            <SettingsForm initial={settings.data} />
          ) : (
            <Spin style={{ display: 'block', margin: '80px auto' }} />
          )}
        </Col>
        <Col xs={24} xl={9}>
          <WarningRunCard />
        </Col>
      </Row>
    </>
  );
}
