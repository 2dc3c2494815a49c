import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportRowError } from '../api/types';

/** The row / column / message list of a refused import (nothing was stored). */
export function ImportErrorTable({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  return (
    <Table<ImportRowError>
      style={{ marginTop: 12 }}
      size="small"
      rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
      dataSource={errors}
      pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
      columns={[
        { title: t('import.row'), dataIndex: 'row', width: 80 },
        { title: t('import.column'), dataIndex: 'column', width: 110, render: (v: string) => v || '—' },
        { title: t('import.message'), dataIndex: 'message' },
      ]}
    />
  );
}
