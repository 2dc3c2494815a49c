import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Space,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { CheckCircleOutlined, PlusOutlined, SafetyCertificateOutlined, SaveOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import type { MujunSchemeSummary, SchemeBody, SchemeProblem, SchemeValidation } from '../../../api/mujunAdminTypes';
import type { MujunMeta } from '../../../api/mujunTypes';
import { errorText, notifyError, toast } from '../../feedback';
import { EditorContext, ProblemText, mono, useEditor } from './editorContext';
import { GroupEditor } from './GroupEditor';
import { ProblemList } from './ProblemList';
import {
  blankGroup,
  canonicalScheme,
  cleanScheme,
  compact,
  detailsToProblems,
  formShapeProblem,
  jsonErrorText,
  move,
  parsePath,
  problemIndex,
  uniqueId,
} from './schemeModel';

const label = { fontSize: 12, color: '#595959', marginBottom: 4 };

/** Highlighted rows of the indicator tables (the one style the editor adds). */
const EDITOR_CSS = `.ls-mj-row-error > td { background: #fff2f0 !important; }`;

function Basics({ scheme, onChange }: { scheme: SchemeBody; onChange: (next: SchemeBody) => void }) {
  const { t } = useTranslation();
  const { status, flagOptions, classOptions } = useEditor();
  const set = (patch: Partial<SchemeBody>) => onChange(compact({ ...scheme, ...patch }));
  return (
    <Card size="small" title={t('mujunAdmin.schemes.basics')} id="mj-basics">
      <Row gutter={[12, 12]}>
        <Col xs={24} md={6}>
          <div style={label}>{t('mujunAdmin.schemes.schemeId')}</div>
          <Input
            value={scheme.id}
            style={mono}
            status={status('id')}
            onChange={(e) => set({ id: e.target.value })}
            data-testid="mujun-scheme-id"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('mujunAdmin.schemes.schemeIdHelp')}
          </Typography.Text>
          <ProblemText path="id" />
        </Col>
        <Col xs={24} md={14}>
          <div style={label}>{t('mujunAdmin.schemes.schemeName')}</div>
          <Input
            value={scheme.name}
            status={status('name')}
            onChange={(e) => set({ name: e.target.value })}
            data-testid="mujun-scheme-name"
          />
          <ProblemText path="name" />
        </Col>
        <Col xs={24} md={4}>
          <div style={label}>{t('mujunAdmin.schemes.schemeYear')}</div>
          <InputNumber
            value={scheme.year}
            precision={0}
            min={2000}
            max={2100}
            style={{ width: '100%' }}
            status={status('year')}
            onChange={(v) => set({ year: v ?? (undefined as unknown as number) })}
            data-testid="mujun-scheme-year"
          />
          <ProblemText path="year" />
        </Col>
        <Col xs={24} md={12}>
          <Space align="start" wrap>
            <Switch
              checked={!!scheme.exempt}
              onChange={(on) => set({ exempt: on ? { flag: 'exempt', class: 'T' } : undefined })}
              data-testid="mujun-scheme-exempt"
            />
            <div>
              <div>{t('mujunAdmin.schemes.exempt')}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('mujunAdmin.schemes.exemptHelp')}
              </Typography.Text>
              {scheme.exempt && (
                <Space style={{ marginTop: 6, display: 'flex' }} wrap>
                  <span>{t('mujunAdmin.schemes.exemptFlag')}</span>
                  <AutoComplete
                    size="small"
                    style={{ width: 200 }}
                    value={scheme.exempt.flag}
                    options={flagOptions}
                    status={status('exempt.flag')}
                    onChange={(v: string) => set({ exempt: { ...scheme.exempt!, flag: v } })}
                  />
                  <span>{t('mujunAdmin.schemes.exemptClass')}</span>
                  <AutoComplete
                    size="small"
                    style={{ width: 70 }}
                    value={scheme.exempt.class}
                    options={classOptions}
                    status={status('exempt.class')}
                    onChange={(v: string) => set({ exempt: { ...scheme.exempt!, class: v } })}
                  />
                </Space>
              )}
              <ProblemText path="exempt.flag" />
              <ProblemText path="exempt.class" />
            </div>
          </Space>
        </Col>
        <Col xs={24} md={12}>
          <Space align="start">
            <Switch
              checked={!!scheme.tenantsTakeLandlordClass}
              onChange={(on) => set({ tenantsTakeLandlordClass: on })}
              data-testid="mujun-scheme-tenants"
            />
            <div>
              <div>{t('mujunAdmin.schemes.tenants')}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('mujunAdmin.schemes.tenantsHelp')}
              </Typography.Text>
            </div>
          </Space>
        </Col>
      </Row>
    </Card>
  );
}

type Parsed = { ok: true; body: unknown } | { ok: false; error: string };

/**
 * The scheme as a form and as JSON, kept in step: the form writes the JSON when its tab opens; every edit of the JSON
 * that parses (and has the form's shape) goes back into the form. 校验 asks the server; 保存为新版本 always makes a new
 * version (versions are never changed).
 */
export function SchemeEditor({
  initial,
  basedOn,
  meta,
  versions,
  onSaved,
  onCancel,
}: {
  initial: SchemeBody;
  basedOn: MujunSchemeSummary | null;
  meta: MujunMeta | undefined;
  versions: MujunSchemeSummary[];
  onSaved: (saved: MujunSchemeSummary) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [scheme, setScheme] = useState<SchemeBody>(() => canonicalScheme(initial));
  const [tab, setTab] = useState<'form' | 'json'>('form');
  const [jsonText, setJsonText] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [jsonMisfit, setJsonMisfit] = useState<string | null>(null);
  const [problems, setProblems] = useState<SchemeProblem[] | null>(null);
  const [validating, setValidating] = useState(false);
  const [saveOpen, setSaveOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const initialText = useMemo(() => JSON.stringify(cleanScheme(canonicalScheme(initial))), [initial]);

  /** What would be validated or saved now. */
  const current = (): Parsed => {
    if (tab === 'json') {
      try {
        return { ok: true, body: JSON.parse(jsonText) as unknown };
      } catch (e) {
        return { ok: false, error: jsonErrorText(jsonText, e) };
      }
    }
    return { ok: true, body: cleanScheme(scheme) };
  };
  const currentKey = tab === 'json' ? jsonText : JSON.stringify(cleanScheme(scheme));
  const dirty =
    tab === 'json' ? jsonError !== null || jsonMisfit !== null || jsonChanged(jsonText, initialText) : currentKey !== initialText;
  const shownBody = tab === 'json' ? (current() as { body?: unknown }).body : scheme;

  const validate = async (silent = false) => {
    const c = current();
    if (!c.ok) {
      if (!silent) toast('error', t('mujunAdmin.schemes.jsonFixFirst'));
      return;
    }
    if (!silent) setValidating(true);
    try {
      const r = await api.post<SchemeValidation>('/mujun/schemes/validate', { body: c.body });
      setProblems(r.ok ? [] : r.problems);
      if (!silent && r.ok) toast('success', t('mujunAdmin.schemes.valid'));
    } catch (e) {
      if (!silent) notifyError(e);
    } finally {
      if (!silent) setValidating(false);
    }
  };

  // once validated, keep the marks current while editing
  const validateRef = useRef(validate);
  validateRef.current = validate;
  const validatedOnce = problems !== null;
  useEffect(() => {
    if (!validatedOnce) return;
    const h = setTimeout(() => void validateRef.current(true), 700);
    return () => clearTimeout(h);
  }, [currentKey, validatedOnce]);

  const switchTab = (next: string) => {
    if (next === 'json' && tab === 'form') {
      setJsonText(JSON.stringify(cleanScheme(scheme), null, 2));
      setJsonError(null);
      setJsonMisfit(null);
      setTab('json');
    } else if (next === 'form' && tab === 'json') {
      if (jsonError || jsonMisfit) {
        toast('error', t('mujunAdmin.schemes.jsonFixFirst'));
        return;
      }
      setTab('form');
    }
  };

  const editJson = (text: string) => {
    setJsonText(text);
    try {
      const parsed = JSON.parse(text) as unknown;
      setJsonError(null);
      const misfit = formShapeProblem(parsed);
      setJsonMisfit(misfit);
      if (!misfit) setScheme(parsed as SchemeBody);
    } catch (e) {
      setJsonError(jsonErrorText(text, e));
    }
  };

  const pick = (p: SchemeProblem) => {
    if (tab === 'json') {
      if (jsonError || jsonMisfit) return;
      setTab('form');
    }
    const parts = parsePath(p.path);
    const ids: string[] = [];
    if (parts[0] === 'groups' && typeof parts[1] === 'number') {
      const g = `groups[${parts[1]}]`;
      if (parts[2] === 'indicators' && typeof parts[3] === 'number') ids.push(`mj-${g}-ind-${parts[3]}`);
      ids.push(`mj-${g}`);
    }
    ids.push('mj-basics');
    setTimeout(() => {
      const el = ids.map((id) => document.getElementById(id)).find(Boolean);
      el?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    }, 50);
  };

  const code = (() => {
    const c = current();
    return c.ok && c.body && typeof c.body === 'object' && typeof (c.body as { id?: unknown }).id === 'string'
      ? (c.body as { id: string }).id
      : '';
  })();
  const codeExists = versions.some((v) => v.code === code);

  const openSave = () => {
    const c = current();
    if (!c.ok) {
      toast('error', t('mujunAdmin.schemes.jsonFixFirst'));
      return;
    }
    setSaveError(null);
    setSaveOpen(true);
  };

  const save = async () => {
    const c = current();
    if (!c.ok) return;
    if (!note.trim()) {
      setSaveError(t('mujunAdmin.schemes.noteRequired'));
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await api.post<MujunSchemeSummary>('/mujun/schemes', { body: c.body, note: note.trim() });
      setSaveOpen(false);
      toast('success', t('mujunAdmin.schemes.saved', { code: saved.code, version: saved.version }));
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && Array.isArray(e.details) && e.details.length) {
        setProblems(detailsToProblems(e.details));
        setSaveOpen(false);
        toast('error', t('mujunAdmin.schemes.problems', { count: e.details.length }));
      } else {
        setSaveError(errorText(e));
      }
    } finally {
      setSaving(false);
    }
  };

  const ctx = useMemo(() => ({ problems: problemIndex(problems ?? []), meta }), [problems, meta]);
  const groups = scheme.groups;
  const setGroups = (next: SchemeBody['groups']) => setScheme((s) => ({ ...s, groups: next }));

  return (
    <EditorContext.Provider value={ctx}>
      <style>{EDITOR_CSS}</style>
      <div
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 20,
          background: '#f3f4f6',
          padding: '8px 0',
          marginBottom: 8,
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: 8,
          flexWrap: 'wrap',
        }}
      >
        <Space wrap>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {basedOn
              ? t('mujunAdmin.schemes.editing', { code: basedOn.code, version: basedOn.version })
              : t('mujunAdmin.schemes.editingNew')}
          </Typography.Text>
          {dirty && <Tag color="orange">{t('mujunAdmin.schemes.unsaved')}</Tag>}
          {problems?.length === 0 && (
            <Tag color="green" icon={<CheckCircleOutlined />}>
              {t('mujunAdmin.schemes.valid')}
            </Tag>
          )}
        </Space>
        <Space wrap>
          <Button
            onClick={() => {
              if (!dirty) return onCancel();
              Modal.confirm({ title: t('mujunAdmin.schemes.discardConfirm'), onOk: onCancel });
            }}
            data-testid="mujun-scheme-cancel"
          >
            {t('mujunAdmin.schemes.discard')}
          </Button>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={validating}
            onClick={() => void validate()}
            data-testid="mujun-scheme-validate"
          >
            {t('mujunAdmin.schemes.validate')}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} onClick={openSave} data-testid="mujun-scheme-save">
            {t('mujunAdmin.schemes.saveNew')}
          </Button>
        </Space>
      </div>
      {problems && problems.length > 0 && <ProblemList problems={problems} body={shownBody} onPick={pick} />}
      <Tabs
        activeKey={tab}
        onChange={switchTab}
        items={[
          {
            key: 'form',
            label: <span data-testid="mujun-scheme-tab-form">{t('mujunAdmin.schemes.form')}</span>,
            disabled: tab === 'json' && (!!jsonError || !!jsonMisfit),
            children:
              tab === 'form' ? (
                <>
                  <Basics scheme={scheme} onChange={setScheme} />
                  <ProblemText path="groups" />
                  {groups.map((g, i) => (
                    <GroupEditor
                      key={i}
                      group={g}
                      index={i}
                      count={groups.length}
                      onChange={(next) => setGroups(groups.map((x, k) => (k === i ? next : x)))}
                      onMove={(to) => setGroups(move(groups, i, to))}
                      onCopy={() => {
                        const copy = JSON.parse(JSON.stringify(g)) as typeof g;
                        copy.id = uniqueId(
                          `${g.id}_copy`,
                          groups.map((x) => x.id),
                        );
                        copy.name = `${g.name}（副本）`;
                        setGroups([...groups.slice(0, i + 1), copy, ...groups.slice(i + 1)]);
                      }}
                      onRemove={() => setGroups(groups.filter((_, k) => k !== i))}
                    />
                  ))}
                  <Button
                    type="dashed"
                    block
                    icon={<PlusOutlined />}
                    style={{ marginTop: 16 }}
                    onClick={() => setGroups([...groups, blankGroup(groups.map((g) => g.id))])}
                    data-testid="mujun-add-group"
                  >
                    {t('mujunAdmin.schemes.addGroup')}
                  </Button>
                </>
              ) : null,
          },
          {
            key: 'json',
            label: <span data-testid="mujun-scheme-tab-json">{t('mujunAdmin.schemes.json')}</span>,
            children:
              tab === 'json' ? (
                <>
                  {jsonError && (
                    <Alert
                      type="error"
                      showIcon
                      style={{ marginBottom: 8 }}
                      title={t('mujunAdmin.schemes.jsonInvalid', { message: jsonError })}
                    />
                  )}
                  {!jsonError && jsonMisfit && (
                    <Alert
                      type="warning"
                      showIcon
                      style={{ marginBottom: 8 }}
                      title={t('mujunAdmin.schemes.jsonShape', { path: jsonMisfit })}
                    />
                  )}
                  <Input.TextArea
                    value={jsonText}
                    onChange={(e) => editJson(e.target.value)}
                    spellCheck={false}
                    autoSize={{ minRows: 20, maxRows: 48 }}
                    style={{ ...mono, fontSize: 12, lineHeight: 1.55 }}
                    status={jsonError ? 'error' : undefined}
                    data-testid="mujun-scheme-json"
                  />
                </>
              ) : null,
          },
        ]}
      />
      <Modal
        open={saveOpen}
        title={t('mujunAdmin.schemes.saveTitle')}
        okText={t('mujunAdmin.schemes.saveNew')}
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setSaveOpen(false)}
        okButtonProps={{ ...({ 'data-testid': 'mujun-scheme-save-confirm' } as Record<`data-${string}`, string>) }}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {codeExists ? t('mujunAdmin.schemes.saveHelp', { code }) : t('mujunAdmin.schemes.saveHelpNewCode', { code })}
        </Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item
            label={t('mujunAdmin.schemes.note')}
            required
            validateStatus={saveError && !note.trim() ? 'error' : undefined}
          >
            <Input.TextArea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              autoSize={{ minRows: 2, maxRows: 5 }}
              maxLength={500}
              showCount
              placeholder={t('mujunAdmin.schemes.notePlaceholder')}
              data-testid="mujun-scheme-note"
            />
          </Form.Item>
        </Form>
        {saveError && <Alert type="error" showIcon title={saveError} />}
      </Modal>
    </EditorContext.Provider>
  );
}

/** Whether the JSON text means something else than the initial scheme (formatting aside). */
function jsonChanged(text: string, initialCompact: string): boolean {
  try {
    return JSON.stringify(cleanScheme(JSON.parse(text) as SchemeBody)) !== initialCompact;
  } catch {
    return true;
  }
}
