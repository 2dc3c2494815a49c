import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import type { SessionAnswer } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { BrandMark } from '../components/Brand';
import { formatTime } from '../components/format';
import { LangSwitch } from '../components/LangSwitch';
import { FullPageSpin } from '../components/Results';

interface LoginForm {
  username: string;
  password: string;
}

function lockedUntilOf(err: ApiError): string | null {
  const d = err.details as { lockedUntil?: string } | null | undefined;
  return d && typeof d === 'object' && typeof d.lockedUntil === 'string' ? d.lockedUntil : null;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { ready, me, meta, acceptSession } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; extra?: string } | null>(null);

  if (!ready) return <FullPageSpin />;
  if (me) return <Navigate to={me.mustChangePassword ? '/password' : '/'} replace />;

  const from = (location.state as { from?: string } | null)?.from;

  const onFinish = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      const s = await api.post<SessionAnswer>('/auth/login', values, { noRedirect: true });
      acceptSession(s);
      navigate(s.user.mustChangePassword ? '/password' : from && from !== '/login' ? from : '/', { replace: true });
    } catch (e) {
      if (e instanceof ApiError) {
        const until = e.code === 'ACCOUNT_LOCKED' ? lockedUntilOf(e) : null;
        const time = until ? formatTime(until) : '';
        setError({ text: e.message, extra: time && !e.message.includes(time) ? t('login.lockedUntil', { time }) : undefined });
      } else {
        setError({ text: t('error.server') });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: 'linear-gradient(180deg, #a31515 0, #b71c1c 260px, #f3f4f6 260px)',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: '12px 20px' }}>
        <LangSwitch onDark />
      </div>
      <div style={{ flex: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center', paddingTop: '6vh' }}>
        <Card style={{ width: 400, maxWidth: 'calc(100vw - 32px)', boxShadow: '0 8px 28px rgba(0,0,0,0.12)' }} styles={{ body: { padding: '32px 36px 20px' } }}>
          <div style={{ textAlign: 'center', marginBottom: 24 }}>
            <BrandMark size={52} />
            {meta?.districtName && (
              <Typography.Title level={3} style={{ margin: '14px 0 4px', letterSpacing: 2 }}>
                {meta.districtName}
              </Typography.Title>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 15 }}>
              {t('app.fullTitle')}
            </Typography.Text>
          </div>
          <Form<LoginForm> layout="vertical" size="large" requiredMark={false} onFinish={onFinish} onValuesChange={() => error && setError(null)}>
            <Form.Item name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} placeholder={t('login.username')} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} placeholder={t('login.password')} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            {error && (
              <Alert
                type="error"
                showIcon
                data-testid="login-error"
                style={{ marginBottom: 16 }}
                title={error.text}
                description={error.extra}
              />
            )}
            <Form.Item style={{ marginBottom: 8 }}>
              <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
                {t('login.submit')}
              </Button>
            </Form.Item>
          </Form>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 12, margin: '12px 0 0' }}>
            {t('app.copyright')}
          </Typography.Paragraph>
        </Card>
      </div>
    </div>
  );
}
