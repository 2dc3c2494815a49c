import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MujunFileProblem } from '../../../api/mujunAdminTypes';

/** Row / column / value / reason of a refused department file (nothing was stored). */
export function FileProblemTable({ problems }: { problems: MujunFileProblem[] }) {
  const { t } = useTranslation();
  return (
    <Table<MujunFileProblem & { k: number }>
      style={{ marginTop: 12 }}
      size="small"
      rowKey="k"
      dataSource={problems.map((p, k) => ({ ...p, k }))}
      pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small', showSizeChanger: false }}
      data-testid="mujun-upload-problems"
      columns={[
        { title: t('mujunAdmin.data.row'), dataIndex: 'row', width: 70, render: (v: number | null) => v ?? '—' },
        { title: t('mujunAdmin.data.column'), dataIndex: 'column', width: 170, render: (v: string | null) => v || '—' },
        {
          title: t('mujunAdmin.data.value'),
          dataIndex: 'value',
          width: 200,
          render: (v: unknown) =>
            v === undefined || v === null || v === '' ? (
              '—'
            ) : (
              <Typography.Text code ellipsis={{ tooltip: String(v) }} style={{ maxWidth: 180 }}>
                {String(v)}
              </Typography.Text>
            ),
        },
        { title: t('mujunAdmin.data.reason'), key: 'reason', render: (_: unknown, p) => p.reason ?? p.message ?? '' },
      ]}
    />
  );
}
