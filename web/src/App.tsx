import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { BrowserRouter } from 'react-router-dom';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthProvider } from './auth/AuthContext';
import { FeedbackBridge } from './components/feedback';
import AppRoutes from './routes';

const FONT =
  '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export default function App() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  useEffect(() => {
    document.title = t('app.fullTitle');
  }, [t, en]);

  return (
    <ConfigProvider
      locale={en ? enUS : zhCN}
      theme={{
        token: { colorPrimary: '#b71c1c', colorLink: '#b71c1c', borderRadius: 4, fontFamily: FONT },
        components: {
          Layout: { headerBg: '#a31515', siderBg: '#ffffff', bodyBg: '#f3f4f6', headerHeight: 56, headerPadding: '0 20px' },
          Menu: { itemSelectedBg: '#fdecea', itemSelectedColor: '#b71c1c' },
        },
      }}
    >
      <AntApp>
        <FeedbackBridge />
        <BrowserRouter>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
