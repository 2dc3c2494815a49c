import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';

/** Square seal-like mark with 落. */
export function BrandMark({ size = 36, inverted = false }: { size?: number; inverted?: boolean }) {
  return (
    <span
      aria-hidden
      style={{
        width: size,
        height: size,
        borderRadius: 6,
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        flex: 'none',
        fontWeight: 700,
        fontSize: size * 0.56,
        fontFamily: '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif',
        background: inverted ? '#fff' : '#b71c1c',
        color: inverted ? '#b71c1c' : '#fff',
      }}
    >
      落
    </span>
  );
}

/** District name + product name, as used in the header and on the login card. */
export function useBrandText() {
  const { meta } = useAuth();
  const { t } = useTranslation();
  return { district: meta?.districtName ?? '', product: t('app.fullTitle') };
}
