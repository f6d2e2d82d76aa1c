import { Alert, Button, Card, Col, Descriptions, Empty, Progress, Result, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../shared/api';
import { ActionDialog } from '../components/ActionForms';
import { CasePhotos } from '../components/CasePhotos';
import { Duplicates } from '../components/Duplicates';
import { ServiceAlert } from '../components/ServiceAlert';
import { CallerContact, ON_BEHALF } from '../CallerContact';
import { ConsultationCard } from '../ConsultationCard';
import { DeadlineTag, StatusTag } from '../components/StatusTag';
import { availableActions, type ActionSpec } from '../model/actions';
import { deadlineOf, deadlineState, leftText, LEVEL_COLORS, runningStage, stageStarts, type Stage } from '../model/deadline';
import { departments, type Target } from '../model/directory';
import { actionLabel, externalIdLabel, historyNote, ASSIGNEE_KIND_LABELS, CHANNEL_LABELS, LEVEL_LABELS, STAGE_LABELS, STATUS_LABELS } from '../model/labels';
import { caseChanges } from '../model/live';
import { hasAny, STAFF_ROLES, useNow, useSession } from '../model/session';
import type { CaseView, HistoryEntry } from '../model/types';
import { useApi } from '../model/useApi';

const CaseMap = lazy(() => import('../components/CaseMap'));

const STAGES: Stage[] = ['RESPOND', 'RESOLVE', 'VERIFY'];

function StageDeadlines({ aCase, history, now }: { aCase: CaseView; history: HistoryEntry[]; now: Date }) {
  const starts = stageStarts(history);
  const running = runningStage(aCase.status);
  const rows = STAGES.map((stage) => ({ stage, deadline: deadlineOf(aCase.deadlines, stage), start: starts[stage] })).filter((r) => r.deadline);
  if (rows.length === 0) {
    return <Typography.Text type="secondary">立案后开始计时</Typography.Text>;
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="stage-deadlines">
      {rows.map(({ stage, deadline, start }) => {
        const live = stage === running && start;
        const state = live ? deadlineState(start, deadline!, now) : undefined;
        return (
          <div key={stage}>
            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Text strong>{STAGE_LABELS[stage]}时限</Typography.Text>
              <Typography.Text type="secondary">截止 {dayjs(deadline).format('MM-DD HH:mm')}</Typography.Text>
            </Space>
            {state ? (
              <>
                <Progress percent={Math.min(100, Math.round(state.used * 100))} strokeColor={LEVEL_COLORS[state.level]} showInfo={false} />
                <Typography.Text style={{ color: LEVEL_COLORS[state.level] }} data-level={state.level}>
                  {leftText(state)}（已用{Math.round(state.used * 100)}%）{aCase.waitingForResident ? ' · 等待居民，暂停计时' : ''}
                </Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">{stage === running ? '计时中' : start ? '已完成' : '未开始'}</Typography.Text>
            )}
          </div>
        );
      })}
    </Space>
  );
}

/** One case: what it carries, its history, its place, its time limits and what the user may do. */
export default function CaseDetail() {
  const { id = '' } = useParams();
  const session = useSession();
  const now = useNow();
  const [tick, setTick] = useState(0);
  const aCase = useApi(() => api<CaseView>(`/api/cases/${id}`), [id, tick]);
  const history = useApi(() => api<HistoryEntry[]>(`/api/cases/${id}/history`), [id, tick]);
  const depts = useApi<Target[]>(() => departments(), []);
  const [acting, setActing] = useState<ActionSpec>();
  const [mapError, setMapError] = useState<unknown>();
  const [done, setDone] = useState<string>();

  useEffect(
    () =>
      caseChanges.subscribe((change) => {
        if (!change || change.caseId === id) setTick((t) => t + 1);
      }),
    [id],
  );

  if (aCase.error instanceof ApiError && aCase.error.status === 404) {
    return <Result status="404" title="案件不存在或不在您的管辖范围内" extra={<Link to="/cases">返回案件列表</Link>} />;
  }
  if (!aCase.data) {
    return aCase.error ? <ServiceAlert error={aCase.error} part="案件详情" onRetry={aCase.reload} /> : <Card loading />;
  }
  const c = aCase.data;
  const deptName = (code: string) => depts.data?.find((d) => d.value === code)?.label ?? code;
  const actions = availableActions(c, session.user);
  const entries = [...(history.data ?? [])].sort((a, b) => a.version - b.version);

  return (
    <>
      <Card
        title={
          <Space>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-number">{c.number}</Typography.Title>
            <span data-testid="case-status"><StatusTag status={c.status} /></span>
            {c.emergency && <Tag color="red">紧急</Tag>}
            {c.supervised && <Tag color="volcano">督办</Tag>}
            {c.overdue && <Tag color="#820014">超时</Tag>}
            {c.waitingForResident && <Tag>等待居民</Tag>}
            <DeadlineTag aCase={c} now={now} starts={stageStarts(entries)} />
          </Space>
        }
        extra={<Button onClick={() => setTick((t) => t + 1)}>刷新</Button>}
        style={{ marginBottom: 16 }}
      >
        {done && <Alert type="success" showIcon closable message={done} onClose={() => setDone(undefined)} style={{ marginBottom: 12 }} />}
        <Space wrap data-testid="case-actions">
          {actions.length === 0 && <Typography.Text type="secondary">当前状态下您没有可执行的操作</Typography.Text>}
          {actions.map((action) => (
            <Button key={action.key} type={['accept', 'dispatch', 'claim', 'resolve', 'verify', 'take-up'].includes(action.key) ? 'primary' : 'default'} danger={action.danger} onClick={() => setActing(action)}>
              {action.label}
            </Button>
          ))}
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title="案件信息" size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, xl: 2, xxl: 3 }} size="small">
              <Descriptions.Item label="类别">{c.categoryName ?? c.categoryCode}</Descriptions.Item>
              <Descriptions.Item label="状态">{STATUS_LABELS[c.status]}</Descriptions.Item>
              <Descriptions.Item label="处置层级">{LEVEL_LABELS[c.level] ?? c.level}</Descriptions.Item>
              <Descriptions.Item label="上报时间">{dayjs(c.reportedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
              <Descriptions.Item label="渠道">{CHANNEL_LABELS[c.channel] ?? c.channel}</Descriptions.Item>
              <Descriptions.Item label="网格">{c.located ? (c.gridName ?? c.gridCode) : <Tag color="orange">未定位：{c.unlocatedReason}</Tag>}</Descriptions.Item>
              <Descriptions.Item label="位置说明">{c.locationDescription ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="承办">
                {c.assignee ? `${ASSIGNEE_KIND_LABELS[c.assignee.kind]} · ${c.assignee.kind === 'DEPARTMENT' ? deptName(c.assignee.id) : (c.assignee.displayName ?? c.assignee.id)}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="预计办结">{c.expectedCompletion ? dayjs(c.expectedCompletion).format('MM-DD HH:mm') : '—'}</Descriptions.Item>
              {c.closedAt && <Descriptions.Item label="结案时间">{dayjs(c.closedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>}
              {c.externalId && <Descriptions.Item label={externalIdLabel(c.channel)}>{c.externalId}</Descriptions.Item>}
              {ON_BEHALF.includes(c.channel) && hasAny(session, STAFF_ROLES) && (
                <Descriptions.Item label="来电人">
                  <CallerContact caseId={c.id} />
                </Descriptions.Item>
              )}
              <Descriptions.Item label="描述" span={3}>{c.description}</Descriptions.Item>
            </Descriptions>
          </Card>
          <ConsultationCard aCase={c} tick={tick} />
          <Card title="照片" size="small" style={{ marginBottom: 16 }}>
            <CasePhotos caseId={c.id} tick={tick} />
          </Card>
          <Card title="位置" size="small" style={{ marginBottom: 16 }}>
            <ServiceAlert error={mapError} part="网格边界" />
            {c.point || c.gridCode ? (
              <Suspense fallback={<div style={{ height: 300 }} />}>
                <CaseMap aCase={c} onError={setMapError} />
              </Suspense>
            ) : (
              <Empty description="没有坐标" />
            )}
          </Card>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Card title="关联重复件" size="small" style={{ marginBottom: 16 }}>
                <Duplicates aCase={c} />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card title="吹哨报到" size="small" style={{ marginBottom: 16 }}>
                {c.summons.length === 0 ? (
                  <Typography.Text type="secondary">未吹哨</Typography.Text>
                ) : (
                  <Table
                    size="small"
                    rowKey="departmentId"
                    pagination={false}
                    dataSource={c.summons}
                    columns={[
                      { title: '部门', dataIndex: 'departmentId', render: deptName },
                      { title: '吹哨时间', dataIndex: 'summonedAt', render: (at: string) => dayjs(at).format('MM-DD HH:mm') },
                      { title: '报到', key: 'in', render: (_: unknown, s) => (s.reportedIn ? <Tag color="green">已报到 {dayjs(s.reportedInAt).format('HH:mm')}</Tag> : <Tag color="red">未报到</Tag>) },
                    ]}
                  />
                )}
              </Card>
            </Col>
          </Row>
        </Col>
        <Col xs={24} xl={9}>
          <Card title="时限" size="small" style={{ marginBottom: 16 }}>
            <StageDeadlines aCase={c} history={entries} now={now} />
          </Card>
          <Card title="办理过程" size="small" data-testid="case-timeline">
            <ServiceAlert error={history.error} part="办理过程" onRetry={history.reload} />
            <Timeline
              items={entries.map((e) => ({
                color: e.action === 'OVERDUE' ? 'red' : e.action === 'SLA_WARNING' ? 'orange' : e.to === 'CLOSED' ? 'green' : 'blue',
                children: (
                  <div>
                    <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
                    {e.to && e.from !== e.to && <Typography.Text type="secondary"> → {STATUS_LABELS[e.to] ?? e.to}</Typography.Text>}
                    <div>
                      <Typography.Text type="secondary">{dayjs(e.at).format('YYYY-MM-DD HH:mm:ss')}</Typography.Text>
                    </div>
                    {historyNote(e.action, e.note) && <div>{historyNote(e.action, e.note)}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {acting && (
        <ActionDialog
          action={acting}
          aCase={c}
          onClose={() => setActing(undefined)}
          onReload={() => {
            setActing(undefined);
            setTick((t) => t + 1);
          }}
          onDone={() => {
            setDone(`${acting.label}成功`);
            setActing(undefined);
            setTick((t) => t + 1);
          }}
        />
      )}
    </>
  );
}
