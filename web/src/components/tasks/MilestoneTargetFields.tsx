import { Button, Col, DatePicker, Divider, Form, Input, InputNumber, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** One editable list: a titled column of rows (`cells` per row, then a remove button) and an add button. */
function EditableList({ name, title, addText, blank, cells }: { name: string; title: string; addText: string; blank: object; cells: (row: number) => React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Col xs={24} lg={12}>
      <Divider titlePlacement="start" plain>
        {title}
      </Divider>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <div data-testid={`task-form-${name}`}>
            {fields.map(({ key, name: row }) => (
              <Row key={key} gutter={8} align="top">
                {cells(row)}
                <Col flex="32px">
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row)} aria-label={t('taskForm.remove')} />
                </Col>
              </Row>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ ...blank })}>
              {addText}
            </Button>
          </div>
        )}
      </Form.List>
    </Col>
  );
}

/** The editable milestone list (name, planned date) and numeric targets (name, unit, target value). */
export function MilestoneTargetFields() {
  const { t } = useTranslation();
  const req = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  return (
    <Row gutter={32}>
      <EditableList
        name="milestones"
        title={t('task.milestones')}
        addText={t('taskForm.addMilestone')}
        blank={{ name: '' }}
        cells={(row) => (
          <>
            <Col flex="auto">
              <Form.Item name={[row, 'name']} rules={req(t('taskForm.milestoneName'))}>
                <Input placeholder={t('taskForm.milestoneName')} maxLength={200} />
              </Form.Item>
            </Col>
            <Col flex="150px">
              <Form.Item name={[row, 'plannedOn']} rules={[{ required: true, message: t('common.requiredSelect', { field: t('taskForm.milestonePlanned') }) }]}>
                <DatePicker placeholder={t('taskForm.milestonePlanned')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        )}
      />
      <EditableList
        name="targets"
        title={t('task.targets')}
        addText={t('taskForm.addTarget')}
        blank={{ name: '', unit: '' }}
        cells={(row) => (
          <>
            <Col flex="auto">
              <Form.Item name={[row, 'name']} rules={req(t('taskForm.targetName'))}>
                <Input placeholder={t('taskForm.targetName')} maxLength={100} />
              </Form.Item>
            </Col>
            <Col flex="130px">
              <Form.Item name={[row, 'targetValue']} rules={[{ required: true, message: t('common.required', { field: t('taskForm.targetValue') }) }]}>
                <InputNumber placeholder={t('taskForm.targetValue')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col flex="90px">
              <Form.Item name={[row, 'unit']}>
                <Input placeholder={t('taskForm.targetUnit')} maxLength={20} />
              </Form.Item>
            </Col>
          </>
        )}
      />
    </Row>
  );
}
