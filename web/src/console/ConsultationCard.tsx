import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../shared/api';
import { ServiceAlert } from './components/ServiceAlert';
import { ASSIGNEE_KIND_LABELS } from './model/labels';
import { hasAny, STAFF_ROLES, useSession } from './model/session';
import type { AssigneeKind, CaseView } from './model/types';
import { useApi } from './model/useApi';

/** Consultations on a case (小板凳协商, 连心晨会, 红色议事厅, 民主协商): /api/cases/{id}/consultations. */

export type ConsultationFormat = 'SMALL_STOOL' | 'MORNING_MEETING' | 'RED_HALL' | 'DEMOCRATIC';
export type PartyKind =
  | 'DEPARTMENT'
  | 'PROPERTY_COMPANY'
  | 'PARTY_MEMBER'
  | 'RESIDENT_REPRESENTATIVE'
  | 'CO_BUILDING_UNIT'
  | 'SOCIAL_ORGANIZATION'
  | 'COMMUNITY';
export type ConsultationStatus = 'SCHEDULED' | 'HELD' | 'DECIDED' | 'CARRIED_OUT' | 'CANCELLED';

export interface PartyView {
  kind: PartyKind;
  id?: string;
  label?: string;
}

export interface PartView {
  partId: string;
  task: string;
  carriedOutBy: PartyView;
  assignee?: { kind: AssigneeKind; id: string; displayName?: string };
  dispatchedAt?: string;
  done: boolean;
  doneAt?: string;
  doneNote?: string;
}

export interface ConsultationView {
  id: string;
  caseId: string;
  view: 'STAFF' | 'RESIDENT';
  format: ConsultationFormat;
  topic: string;
  startsAt: string;
  place: string;
  status: ConsultationStatus;
  version: number;
  invited?: PartyView[];
  heldAt?: string;
  attended?: PartyView[];
  minutes?: string;
  decision?: string;
  decidedAt?: string;
  parts: PartView[];
  cancelReason?: string;
}

export const FORMAT_LABELS: Record<ConsultationFormat, string> = {
  SMALL_STOOL: '小板凳协商',
  MORNING_MEETING: '连心晨会',
  RED_HALL: '红色议事厅',
  DEMOCRATIC: '民主协商',
};

export const PARTY_LABELS: Record<PartyKind, string> = {
  DEPARTMENT: '职能部门',
  PROPERTY_COMPANY: '物业企业',
  PARTY_MEMBER: '党员',
  RESIDENT_REPRESENTATIVE: '居民代表',
  CO_BUILDING_UNIT: '共建单位',
  SOCIAL_ORGANIZATION: '社会组织',
  COMMUNITY: '社区/网格',
};

const STATUS: Record<ConsultationStatus, { label: string; color: string }> = {
  SCHEDULED: { label: '已召集', color: 'blue' },
  HELD: { label: '已召开', color: 'cyan' },
  DECIDED: { label: '已形成决议', color: 'gold' },
  CARRIED_OUT: { label: '决议已落实', color: 'green' },
  CANCELLED: { label: '已取消', color: 'default' },
};

export function partyName(party: PartyView): string {
  return `${PARTY_LABELS[party.kind]}${party.label ? ` · ${party.label}` : party.id ? ` · ${party.id}` : ''}`;
}

type Acting =
  | { mode: 'schedule' }
  | { mode: 'hold' | 'decide' | 'cancel'; consultation: ConsultationView }
  | { mode: 'dispatch' | 'complete'; consultation: ConsultationView; part: PartView };

const TITLES = { schedule: '召集协商', hold: '记录会议', decide: '形成决议', cancel: '取消协商', dispatch: '派单落实', complete: '落实完成' };

function partyKey(party: PartyView): string {
  return `${party.kind}:${party.id}`;
}

function ConsultationForm({ acting, caseId, onClose, onDone }: { acting: Acting; caseId: string; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const base = `/api/cases/${caseId}/consultations`;
  const table = 'consultation' in acting ? [...(acting.consultation.invited ?? []), ...(acting.consultation.attended ?? [])] : [];
  const atTable = table.filter((p, i) => table.findIndex((q) => partyKey(q) === partyKey(p)) === i);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(undefined);
    try {
      if (acting.mode === 'schedule') {
        await api(base, { method: 'POST', body: { ...values, startsAt: (values.startsAt as Dayjs).toISOString() } });
      } else {
        const path = `${base}/${acting.consultation.id}`;
        const version = acting.consultation.version;
        if (acting.mode === 'hold') {
          const attended = (values.attended as string[]).map((key) => atTable.find((p) => partyKey(p) === key));
          await api(`${path}/hold`, { method: 'POST', body: { version, attended, minutes: values.minutes, heldAt: values.heldAt ? (values.heldAt as Dayjs).toISOString() : undefined } });
        } else if (acting.mode === 'decide') {
          const parts = (values.parts as { task: string; party: string }[]).map((p) => ({ task: p.task, carriedOutBy: atTable.find((q) => partyKey(q) === p.party) }));
          await api(`${path}/decide`, { method: 'POST', body: { version, decision: values.decision, parts } });
        } else if (acting.mode === 'cancel') {
          await api(`${path}/cancel`, { method: 'POST', body: { version, reason: values.reason } });
        } else if (acting.mode === 'dispatch') {
          await api(`${path}/parts/${acting.part.partId}/dispatch`, { method: 'POST', body: { version, assignee: values } });
        } else if (acting.mode === 'complete') {
          await api(`${path}/parts/${acting.part.partId}/complete`, { method: 'POST', body: { version, note: values.note } });
        }
      }
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  const partyOptions = atTable.map((p) => ({ value: partyKey(p), label: partyName(p) }));
  const dispatchKind: AssigneeKind | undefined =
    acting.mode === 'dispatch' ? (acting.part.carriedOutBy.kind === 'DEPARTMENT' ? 'DEPARTMENT' : acting.part.carriedOutBy.kind === 'PARTY_MEMBER' ? 'PARTY_MEMBER' : 'GRID_WORKER') : undefined;

  return (
    <Modal open title={TITLES[acting.mode]} onCancel={onClose} onOk={submit} confirmLoading={saving} okText="提交" cancelText="取消" destroyOnHidden width={640}>
      {error instanceof ApiError && <Alert type="error" showIcon message={error.message} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          acting.mode === 'schedule'
            ? { format: 'SMALL_STOOL', invited: [{ kind: 'DEPARTMENT' }, { kind: 'RESIDENT_REPRESENTATIVE' }] }
            : acting.mode === 'hold'
              ? { attended: (acting.consultation.invited ?? []).map(partyKey) }
              : acting.mode === 'decide'
                ? { parts: [{}] }
                : acting.mode === 'dispatch'
                  ? { kind: dispatchKind, id: dispatchKind === 'GRID_WORKER' ? undefined : acting.part.carriedOutBy.id, displayName: acting.part.carriedOutBy.label }
                  : {}
        }
      >
        {acting.mode === 'schedule' && (
          <>
            <Form.Item name="format" label="协商形式" rules={[{ required: true }]}>
              <Select options={Object.entries(FORMAT_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="topic" label="议题" rules={[{ required: true, message: '请填写议题' }]}>
              <Input maxLength={200} placeholder="如：6号楼加装电梯方案" />
            </Form.Item>
            <Space>
              <Form.Item name="startsAt" label="时间" rules={[{ required: true, message: '请选择时间' }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
              <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
                <Input maxLength={200} placeholder="如：红色议事厅" style={{ width: 300 }} />
              </Form.Item>
            </Space>
            <Typography.Text strong>邀请参加</Typography.Text>
            <Form.List name="invited">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline">
                      <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]}>
                        <Select style={{ width: 120 }} options={Object.entries(PARTY_LABELS).map(([value, label]) => ({ value, label }))} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'id']} rules={[{ required: true, message: '编号' }]}>
                        <Input placeholder="部门/单位编号或账号" style={{ width: 180 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'label']}>
                        <Input placeholder="名称（不填个人姓名电话）" style={{ width: 200 }} />
                      </Form.Item>
                      <Button type="link" onClick={() => remove(field.name)}>移除</Button>
                    </Space>
                  ))}
                  <Button onClick={() => add({ kind: 'PROPERTY_COMPANY' })}>添加参加方</Button>
                </>
              )}
            </Form.List>
          </>
        )}
        {acting.mode === 'hold' && (
          <>
            <Form.Item name="attended" label="到会各方" rules={[{ required: true, message: '请选择到会各方' }]}>
              <Select mode="multiple" options={partyOptions} />
            </Form.Item>
            <Form.Item name="heldAt" label="召开时间（不填为现在）">
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
            <Form.Item name="minutes" label="会议纪要" rules={[{ required: true, message: '请填写纪要' }]}>
              <Input.TextArea rows={5} maxLength={10000} />
            </Form.Item>
          </>
        )}
        {acting.mode === 'decide' && (
          <>
            <Form.Item name="decision" label="决议（居民可见）" rules={[{ required: true, message: '请填写决议' }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Typography.Text strong>分工落实</Typography.Text>
            <Form.List name="parts">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline">
                      <Form.Item name={[field.name, 'task']} rules={[{ required: true, message: '事项' }]}>
                        <Input placeholder="事项" style={{ width: 280 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'party']} rules={[{ required: true, message: '承办方' }]}>
                        <Select placeholder="承办方" style={{ width: 220 }} options={partyOptions} />
                      </Form.Item>
                      <Button type="link" onClick={() => remove(field.name)}>移除</Button>
                    </Space>
                  ))}
                  <Button onClick={() => add({})}>添加事项</Button>
                </>
              )}
            </Form.List>
          </>
        )}
        {acting.mode === 'cancel' && (
          <Form.Item name="reason" label="取消原因" rules={[{ required: true, message: '请填写原因' }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
        {acting.mode === 'dispatch' && (
          <>
            <Typography.Paragraph type="secondary">
              {acting.part.task} — {partyName(acting.part.carriedOutBy)}
            </Typography.Paragraph>
            <Form.Item name="kind" label="派给" rules={[{ required: true }]}>
              <Select
                options={(dispatchKind === 'GRID_WORKER' ? (['GRID_WORKER', 'PARTY_MEMBER'] as AssigneeKind[]) : [dispatchKind!]).map((kind) => ({ value: kind, label: ASSIGNEE_KIND_LABELS[kind] }))}
              />
            </Form.Item>
            <Form.Item name="id" label="编号或账号" rules={[{ required: true, message: '请填写' }]}>
              <Input disabled={dispatchKind !== 'GRID_WORKER'} />
            </Form.Item>
            <Form.Item name="displayName" label="名称">
              <Input />
            </Form.Item>
          </>
        )}
        {acting.mode === 'complete' && (
          <Form.Item name="note" label="落实情况" rules={[{ required: true, message: '请填写落实情况' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The consultations of one case, for the case detail page: the decision shown first, staff run each step. */
export function ConsultationCard({ aCase, tick = 0 }: { aCase: CaseView; tick?: number }) {
  const session = useSession();
  const staff = hasAny(session, STAFF_ROLES);
  const [reload, setReload] = useState(0);
  const [acting, setActing] = useState<Acting>();
  const list = useApi(() => api<ConsultationView[]>(`/api/cases/${aCase.id}/consultations`), [aCase.id, tick, reload]);
  const open = aCase.status !== 'CLOSED' && aCase.status !== 'CANCELLED';
  const items = list.data ?? [];

  return (
    <Card
      title="协商议事"
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="consultations"
      extra={staff && open && <Button size="small" onClick={() => setActing({ mode: 'schedule' })}>召集协商</Button>}
    >
      <ServiceAlert error={list.error} part="协商议事" onRetry={list.reload} />
      {items.length === 0 && !list.error && <Typography.Text type="secondary">未召集协商</Typography.Text>}
      <Space direction="vertical" style={{ width: '100%' }}>
        {items.map((c) => (
          <div key={c.id} data-testid="consultation">
            <Space wrap style={{ marginBottom: 8 }}>
              <Tag color="red">{FORMAT_LABELS[c.format]}</Tag>
              <Typography.Text strong>{c.topic}</Typography.Text>
              <Tag color={STATUS[c.status].color}>{STATUS[c.status].label}</Tag>
              {staff && c.status === 'SCHEDULED' && <Button size="small" onClick={() => setActing({ mode: 'hold', consultation: c })}>记录会议</Button>}
              {staff && c.status === 'HELD' && <Button size="small" type="primary" onClick={() => setActing({ mode: 'decide', consultation: c })}>形成决议</Button>}
              {staff && (c.status === 'SCHEDULED' || c.status === 'HELD') && <Button size="small" danger onClick={() => setActing({ mode: 'cancel', consultation: c })}>取消</Button>}
            </Space>
            {c.decision && <Alert type="success" showIcon message="决议" description={c.decision} style={{ marginBottom: 8 }} data-testid="consultation-decision" />}
            <Descriptions size="small" column={2}>
              <Descriptions.Item label="时间">{dayjs(c.heldAt ?? c.startsAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
              <Descriptions.Item label="地点">{c.place}</Descriptions.Item>
              {c.invited && <Descriptions.Item label="邀请" span={2}><Space size={[0, 4]} wrap>{c.invited.map((p) => <Tag key={partyKey(p)}>{partyName(p)}</Tag>)}</Space></Descriptions.Item>}
              {c.attended && c.attended.length > 0 && <Descriptions.Item label="到会" span={2}><Space size={[0, 4]} wrap>{c.attended.map((p) => <Tag key={partyKey(p)} color="green">{partyName(p)}</Tag>)}</Space></Descriptions.Item>}
              {c.minutes && <Descriptions.Item label="纪要" span={2}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.minutes}</Typography.Paragraph></Descriptions.Item>}
              {c.cancelReason && <Descriptions.Item label="取消原因" span={2}>{c.cancelReason}</Descriptions.Item>}
            </Descriptions>
            {c.parts.length > 0 && (
              <Table
                size="small"
                rowKey="partId"
                pagination={false}
                dataSource={c.parts}
                columns={[
                  { title: '事项', dataIndex: 'task' },
                  { title: '承办方', key: 'by', render: (_: unknown, p: PartView) => partyName(p.carriedOutBy) },
                  { title: '派给', key: 'to', render: (_: unknown, p: PartView) => (p.assignee ? `${ASSIGNEE_KIND_LABELS[p.assignee.kind]} · ${p.assignee.displayName ?? p.assignee.id}` : '—') },
                  { title: '落实', key: 'done', render: (_: unknown, p: PartView) => (p.done ? <Tag color="green">已落实 {p.doneNote}</Tag> : <Tag>未落实</Tag>) },
                  {
                    title: '',
                    key: 'act',
                    render: (_: unknown, p: PartView) =>
                      c.status === 'DECIDED' &&
                      !p.done && (
                        <Space>
                          {staff && <Button size="small" onClick={() => setActing({ mode: 'dispatch', consultation: c, part: p })}>派单</Button>}
                          <Button size="small" onClick={() => setActing({ mode: 'complete', consultation: c, part: p })}>落实</Button>
                        </Space>
                      ),
                  },
                ]}
              />
            )}
          </div>
        ))}
      </Space>
      {acting && (
        <ConsultationForm
          acting={acting}
          caseId={aCase.id}
          onClose={() => setActing(undefined)}
          onDone={() => {
            setActing(undefined);
            setReload((r) => r + 1);
          }}
        />
      )}
    </Card>
  );
}
