import { Button, Dropdown } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { currentLang, setLang, type Lang } from '../i18n';

/** 中文 / English switch; `onDark` for the red header. */
export function LangSwitch({ onDark = false }: { onDark?: boolean }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: [
          { key: 'zh', label: <span data-testid="lang-zh">中文</span> },
          { key: 'en', label: <span data-testid="lang-en">English</span> },
        ],
        onClick: ({ key }) => setLang(key as Lang),
      }}
    >
      <Button
        type="text"
        data-testid="lang-switch"
        aria-label={t('lang.label')}
        icon={<GlobalOutlined />}
        style={onDark ? { color: 'rgba(255,255,255,0.92)' } : undefined}
      >
        {lang === 'zh' ? '中文' : 'English'}
      </Button>
    </Dropdown>
  );
}
