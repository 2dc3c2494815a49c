import { Alert, Col, Row } from 'antd';
import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { OrgImportCard } from '../../components/ImportCard';

export default function ImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <h2 className="ls-page-title">{t('import.title')}</h2>
      <Alert type="info" showIcon title={t('import.intro')} style={{ marginBottom: 16 }} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <OrgImportCard kind="units" icon={<ApartmentOutlined />} />
        </Col>
        <Col xs={24} xl={12}>
          <OrgImportCard kind="people" icon={<TeamOutlined />} />
        </Col>
      </Row>
    </>
  );
}
