import { useTranslation } from 'react-i18next';

/** Readable names for audit action and target codes; unknown codes come back as they are. */
export function useAuditLabels() {
  const { t } = useTranslation();
  return {
    action: (code: string) => t(`auditAction.${code}`, { defaultValue: code }),
    target: (code: string) => t(`auditTarget.${code}`, { defaultValue: code }),
    targets: ['user', 'unit', 'person', 'system', 'audit'],
  };
}
