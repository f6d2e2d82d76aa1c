import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../shared/api';
import type { ActionKey, ActionSpec } from '../model/actions';
import { targetsFor, departments, type Target } from '../model/directory';
import { ASSIGNEE_KIND_LABELS, STAGE_LABELS } from '../model/labels';
import type { AssigneeKind, CaseView } from '../model/types';

const REASON_LABELS: Partial<Record<ActionKey, string>> = {
  cancel: '作废原因',
  return: '退回原因',
  park: '挂起原因',
  reopen: '重新办理原因',
  escalate: '上报原因',
  pause: '暂停原因（等待居民什么）',
  'take-up': '恢复办理的原因（挂账的情况已有变化）',
};

const NO_FIELDS: ActionKey[] = ['claim', 'resume', 'report-in'];

interface FormValues {
  note?: string;
  reason?: string;
  passed?: boolean;
  kind?: AssigneeKind;
  target?: string;
  departmentIds?: string[];
  stage?: string;
  amount?: number;
  unit?: 'h' | 'd' | 'm';
}

/** The request body of each command, from the form (always with the version the user saw). */
export function requestBody(action: ActionKey, values: FormValues, aCase: CaseView, targets: Target[]): Record<string, unknown> {
  const body: Record<string, unknown> = { version: aCase.version };
  switch (action) {
    case 'dispatch': {
      const target = targets.find((t) => t.value === values.target);
      body.assignee = { kind: values.kind, id: values.target, displayName: target?.assigneeName ?? target?.label };
      if (values.note) body.note = values.note;
      break;
    }
    case 'whistle':
      body.departmentIds = values.departmentIds;
      body.reason = values.reason;
      break;
    case 'verify':
      body.passed = values.passed;
      if (values.note) body.note = values.note;
      break;
    case 'extend':
      body.extension = `${values.amount}${values.unit}`;
      if (values.stage) body.stage = values.stage;
      body.reason = values.reason;
      break;
    case 'resolve':
      body.note = values.note;
      break;
    case 'accept':
    case 'supervise':
      if (values.note) body.note = values.note;
      break;
    default:
      if (values.reason !== undefined) body.reason = values.reason;
  }
  return body;
}

function TargetSelect({ kind, aCase, value, onChange, onTargets }: {
  kind: AssigneeKind;
  aCase: CaseView;
  value?: string;
  onChange?: (value: string) => void;
  onTargets: (targets: Target[]) => void;
}) {
  const [options, setOptions] = useState<Target[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    targetsFor(kind, aCase).then(
      (targets) => {
        if (live) {
          setOptions(targets);
          onTargets(targets);
          setLoading(false);
        }
      },
      (failure: unknown) => {
        if (live) {
          setError(failure instanceof Error ? failure.message : String(failure));
          setLoading(false);
        }
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, aCase.id]);
  return (
    <>
      <Select
        showSearch
        optionFilterProp="label"
        loading={loading}
        value={value}
        onChange={onChange}
        options={options}
        placeholder={loading ? '正在读取名单…' : `选择${ASSIGNEE_KIND_LABELS[kind]}`}
        notFoundContent={loading ? '读取中…' : '名单为空'}
        aria-label="派遣对象"
        virtual={false}
      />
      {error && <Alert type="warning" showIcon style={{ marginTop: 8 }} message={`名单读取失败：${error}`} />}
    </>
  );
}

function DepartmentsSelect({ value, onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  const [options, setOptions] = useState<Target[]>([]);
  useEffect(() => {
    departments().then(setOptions, () => setOptions([]));
  }, []);
  return <Select mode="multiple" value={value} onChange={onChange} options={options} optionFilterProp="label" placeholder="选择要到场的部门" aria-label="吹哨部门" />;
}

/**
 * One case command as a form in a dialog. A refusal shows the API's reason in Chinese and keeps
 * the form open; a version conflict (someone else changed the case) offers to reload it.
 */
export function ActionDialog({ action, aCase, onDone, onClose, onReload }: {
  action: ActionSpec;
  aCase: CaseView;
  onDone: (updated: CaseView) => void;
  onClose: () => void;
  onReload: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | Error>();
  const [targets, setTargets] = useState<Target[]>([]);
  const kind = Form.useWatch('kind', form) ?? 'DEPARTMENT';

  async function submit(values: FormValues) {
    setSubmitting(true);
    setRefusal(undefined);
    try {
      const updated = await api<CaseView>(`/api/cases/${aCase.id}/${action.key}`, {
        method: 'POST',
        body: requestBody(action.key, values, aCase, targets),
      });
      onDone(updated);
    } catch (failure) {
      setRefusal(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setSubmitting(false);
    }
  }

  const conflict = refusal instanceof ApiError && refusal.status === 409 && refusal.isConflict;
  const reasonLabel = REASON_LABELS[action.key];

  return (
    <Modal
      open
      title={`${action.label} · ${aCase.number}`}
      onCancel={onClose}
      destroyOnHidden
      footer={null}
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'DEPARTMENT', unit: 'h', amount: 4, passed: true }}
        name={`action-${action.key}`}
      >
        {action.key === 'dispatch' && (
          <>
            <Form.Item name="kind" label="派遣给">
              <Radio.Group
                optionType="button"
                options={(Object.keys(ASSIGNEE_KIND_LABELS) as AssigneeKind[]).map((k) => ({ value: k, label: ASSIGNEE_KIND_LABELS[k] }))}
                onChange={() => form.setFieldValue('target', undefined)}
              />
            </Form.Item>
            <Form.Item name="target" label={ASSIGNEE_KIND_LABELS[kind as AssigneeKind]} rules={[{ required: true, message: '请选择派遣对象' }]}>
              <TargetSelect kind={kind as AssigneeKind} aCase={aCase} onTargets={setTargets} />
            </Form.Item>
          </>
        )}
        {action.key === 'whistle' && (
          <Form.Item name="departmentIds" label="吹哨部门" rules={[{ required: true, message: '请至少选择一个部门' }]}>
            <DepartmentsSelect />
          </Form.Item>
        )}
        {action.key === 'verify' && (
          <Form.Item name="passed" label="核查结果" rules={[{ required: true, message: '请选择核查结果' }]}>
            <Radio.Group options={[{ value: true, label: '通过，结案' }, { value: false, label: '不通过，发回重办' }]} />
          </Form.Item>
        )}
        {action.key === 'extend' && (
          <>
            <Form.Item name="stage" label="延长哪个阶段（不选为当前阶段）">
              <Select allowClear options={Object.entries(STAGE_LABELS).map(([value, label]) => ({ value, label: `${label}时限` }))} />
            </Form.Item>
            <Form.Item label="延长">
              <Space.Compact>
                <Form.Item name="amount" noStyle rules={[{ required: true, message: '请填写延长多少' }]}>
                  <InputNumber min={1} max={9999} aria-label="延长数量" />
                </Form.Item>
                <Form.Item name="unit" noStyle>
                  <Select style={{ width: 110 }} options={[{ value: 'm', label: '分钟' }, { value: 'h', label: '工作小时' }, { value: 'd', label: '工作日' }]} />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </>
        )}
        {(reasonLabel || action.key === 'whistle' || action.key === 'extend') && (
          <Form.Item
            name="reason"
            label={reasonLabel ?? (action.key === 'whistle' ? '吹哨事由' : '延时理由')}
            rules={[{ required: true, whitespace: true, message: '请填写原因' }, { max: 1000, message: '不超过1000字' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {action.key === 'resolve' && (
          <Form.Item name="note" label="办结说明" rules={[{ required: true, whitespace: true, message: '请填写办结说明' }, { max: 2000, message: '不超过2000字' }]}>
            <Input.TextArea rows={4} placeholder="处置经过与结果" />
          </Form.Item>
        )}
        {['accept', 'dispatch', 'verify', 'supervise'].includes(action.key) && (
          <Form.Item name="note" label={action.key === 'supervise' ? '督办意见' : '备注（可选）'} rules={[{ max: 1000, message: '不超过1000字' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {NO_FIELDS.includes(action.key) && <p>确定{action.label}案件 {aCase.number}？</p>}
        {refusal && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="action-refusal"
            message={conflict ? '他人刚刚修改了此案件' : '操作未成功'}
            description={refusal.message}
            action={conflict ? <Button size="small" onClick={onReload}>重新加载案件</Button> : undefined}
            style={{ marginBottom: 16 }}
          />
        )}
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" danger={action.danger} htmlType="submit" loading={submitting}>
            确定{action.label}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
