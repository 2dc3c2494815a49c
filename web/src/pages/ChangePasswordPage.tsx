import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { reportFormError, toast } from '../components/feedback';

interface PwdForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

function classCount(p: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length;
}

function Rule({ ok, text }: { ok: boolean; text: string }) {
  return (
    <div style={{ color: ok ? '#389e0d' : '#8c8c8c', fontSize: 13 }}>
      {ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} <span style={{ marginLeft: 4 }}>{text}</span>
    </div>
  );
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { me, refreshMe } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<PwdForm>();
  const [busy, setBusy] = useState(false);
  const newPwd = Form.useWatch('newPassword', form) ?? '';
  const forced = !!me?.mustChangePassword;

  const onFinish = async (v: PwdForm) => {
    setBusy(true);
    try {
      await api.post('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      toast('success', t('password.success'));
      form.resetFields();
      const fresh = await refreshMe().catch(() => null);
      if (forced && fresh && !fresh.mustChangePassword) navigate('/', { replace: true });
    } catch (e) {
      reportFormError(form, e, ['currentPassword', 'newPassword']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: forced ? 32 : 8 }}>
      <Card title={t('password.title')} style={{ width: 520, maxWidth: '100%' }}>
        <Space orientation="vertical" size={12} style={{ width: '100%', marginBottom: 20 }}>
          {forced && <Alert type="warning" showIcon title={t('password.forced')} data-testid="pwd-forced" />}
          <Alert type="info" showIcon title={t('password.rulesTitle')} description={t('password.rules')} />
        </Space>
        <Form<PwdForm> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
            <Input.Password autoComplete="current-password" data-testid="pwd-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            dependencies={['currentPassword']}
            rules={[
              { required: true, message: t('password.newRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) => {
                  if (!value) return Promise.resolve();
                  if (value.length < 8 || classCount(value) < 3) return Promise.reject(new Error(t('password.tooWeak')));
                  if (value === getFieldValue('currentPassword')) return Promise.reject(new Error(t('password.sameAsCurrent')));
                  return Promise.resolve();
                },
              }),
            ]}
            extra={
              <div style={{ marginTop: 6 }}>
                <Rule ok={newPwd.length >= 8} text={t('password.ruleLength')} />
                <Rule ok={classCount(newPwd) >= 3} text={t('password.ruleClasses')} />
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  · {t('password.ruleHistory')}
                </Typography.Text>
              </div>
            }
          >
            <Input.Password autoComplete="new-password" data-testid="pwd-new" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="pwd-confirm" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" loading={busy} block data-testid="pwd-submit">
              {t('password.submit')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}
