import { Alert, Button, Modal, Typography } from 'antd';
import { CopyOutlined, CheckOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from './format';
import { toast } from './feedback';

export interface OneTimePassword {
  title: string;
  username: string;
  password: string;
  /** An extra line under the warning, e.g. who assigns the roles next. */
  note?: string;
}

/** Shows a generated password once, with a copy button. */
export function OneTimePasswordModal({ value, onClose }: { value: OneTimePassword | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    if (!value) return;
    if (await copyText(value.password)) {
      setCopied(true);
      toast('success', t('common.copied'));
    } else {
      toast('error', t('common.copyFailed'));
    }
  };

  return (
    <Modal
      open={!!value}
      title={value?.title}
      onCancel={onClose}
      afterClose={() => setCopied(false)}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      {value && (
        <div data-testid="one-time-password">
          <Typography.Paragraph style={{ marginTop: 12 }}>{t('accounts.passwordFor', { username: value.username })}</Typography.Paragraph>
          <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 16 }}>
            <div
              data-testid="one-time-password-value"
              style={{
                flex: 1,
                padding: '8px 12px',
                textAlign: 'center',
                fontSize: 22,
                letterSpacing: 1,
                userSelect: 'all',
                fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
                background: '#fafafa',
                border: '1px dashed #d9d9d9',
                borderRadius: 4,
              }}
            >
              {value.password}
            </div>
            <Button icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={() => void copy()} data-testid="copy-password">
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          </div>
          <Alert type="warning" showIcon title={t('accounts.onceNote')} />
          {value.note && (
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
              {value.note}
            </Typography.Paragraph>
          )}
        </div>
      )}
    </Modal>
  );
}
