import { Button, Col, DatePicker, Divider, Form, Input, InputNumber, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** The editable milestone list (name, planned date) and numeric targets (name, unit, target value). */
export function MilestoneTargetFields() {
  const { t } = useTranslation();
  const req = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  return (
    <Row gutter={32}>
      <Col xs={24} lg={12}>
        <Divider titlePlacement="start" plain>
          {t('task.milestones')}
        </Divider>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <div data-testid="task-form-milestones">
              {fields.map(({ key, name }) => (
                <Row key={key} gutter={8} align="top">
                  <Col flex="auto">
                    <Form.Item name={[name, 'name']} rules={req(t('taskForm.milestoneName'))}>
                      <Input placeholder={t('taskForm.milestoneName')} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col flex="150px">
                    <Form.Item name={[name, 'plannedOn']} rules={[{ required: true, message: t('common.requiredSelect', { field: t('taskForm.milestonePlanned') }) }]}>
                      <DatePicker placeholder={t('taskForm.milestonePlanned')} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col flex="32px">
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('taskForm.remove')} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                {t('taskForm.addMilestone')}
              </Button>
            </div>
          )}
        </Form.List>
      </Col>
      <Col xs={24} lg={12}>
        <Divider titlePlacement="start" plain>
          {t('task.targets')}
        </Divider>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <div data-testid="task-form-targets">
              {fields.map(({ key, name }) => (
                <Row key={key} gutter={8} align="top">
                  <Col flex="auto">
                    <Form.Item name={[name, 'name']} rules={req(t('taskForm.targetName'))}>
                      <Input placeholder={t('taskForm.targetName')} maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col flex="130px">
                    <Form.Item name={[name, 'targetValue']} rules={[{ required: true, message: t('common.required', { field: t('taskForm.targetValue') }) }]}>
                      <InputNumber placeholder={t('taskForm.targetValue')} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col flex="90px">
                    <Form.Item name={[name, 'unit']}>
                      <Input placeholder={t('taskForm.targetUnit')} maxLength={20} />
                    </Form.Item>
                  </Col>
                  <Col flex="32px">
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('taskForm.remove')} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', unit: '' })}>
                {t('taskForm.addTarget')}
              </Button>
            </div>
          )}
        </Form.List>
      </Col>
    </Row>
  );
}
