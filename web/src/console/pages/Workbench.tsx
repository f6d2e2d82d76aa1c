import { Button, Card, Col, Empty, Row, Space, Statistic, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { api } from '../../shared/api';
import { LazyActionDialog, usePreloadActionDialog } from '../components/LazyActionDialog';
import { CaseTable, caseColumns } from '../components/CaseTable';
import { ServiceAlert } from '../components/ServiceAlert';
import { ACTIONS, type ActionSpec } from '../model/actions';
import { caseChanges } from '../model/live';
import { useNow } from '../model/session';
import type { CasePage, CaseView } from '../model/types';
import { useApi } from '../model/useApi';

const LocateDialog = lazy(() => import('../components/LocateDialog'));

const accept = ACTIONS.find((a) => a.key === 'accept')!;
const cancel = ACTIONS.find((a) => a.key === 'cancel')!;

function useCount(query: Record<string, string | boolean>, tick: number) {
  return useApi(() => api<CasePage>('/api/cases', { query: { ...query, size: 1 } }).then((p) => p.totalItems), [tick]);
}

/** 工作台: the dispatcher's triage, new and unlocated reports, oldest first, with the first actions. */
export default function Workbench() {
  const now = useNow();
  const [tick, setTick] = useState(0);
  const triage = useApi(() => api<CasePage>('/api/cases/triage', { query: { size: 100 } }), [tick]);
  const overdue = useCount({ overdue: true }, tick);
  const resolved = useCount({ status: 'RESOLVED' }, tick);
  const returned = useCount({ status: 'RETURNED' }, tick);
  const [acting, setActing] = useState<{ action: ActionSpec; aCase: CaseView }>();
  const [locating, setLocating] = useState<CaseView>();

  useEffect(() => caseChanges.subscribe(() => setTick((t) => t + 1)), []);
  usePreloadActionDialog();

  const items = [...(triage.data?.items ?? [])].sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
  const unlocated = items.filter((c) => !c.located).length;

  const columns = caseColumns(now, ['number', 'reportedAt', 'category', 'description', 'place', 'status', 'deadline', 'flags'], [
    {
      title: '操作',
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_: unknown, c: CaseView) => (
        <Space size={4}>
          {c.status === 'REPORTED' && (
            <Button size="small" type="primary" onClick={() => setActing({ action: accept, aCase: c })}>
              立案
            </Button>
          )}
          {!c.located && (
            <Button size="small" onClick={() => setLocating(c)}>
              定位
            </Button>
          )}
          {['REPORTED', 'ACCEPTED'].includes(c.status) && (
            <Button size="small" danger onClick={() => setActing({ action: cancel, aCase: c })}>
              作废
            </Button>
          )}
        </Space>
      ),
    },
  ]);

  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card size="small"><Statistic title="待受理" value={triage.data?.totalItems ?? '—'} valueStyle={{ color: '#1677ff' }} /></Card>
        </Col>
        <Col span={6}>
          <Card size="small"><Statistic title="未定位" value={triage.data ? unlocated : '—'} valueStyle={{ color: '#fa8c16' }} /></Card>
        </Col>
        <Col span={6}>
          <Card size="small"><Statistic title="待核查 / 被退回" value={`${resolved.data ?? '—'} / ${returned.data ?? '—'}`} /></Card>
        </Col>
        <Col span={6}>
          <Card size="small"><Statistic title="已超时" value={overdue.data ?? '—'} valueStyle={{ color: '#cf1322' }} /></Card>
        </Col>
      </Row>
      <Card
        title={<Space><Typography.Text strong>待受理诉求</Typography.Text><Typography.Text type="secondary">新上报与未定位，最早的在前</Typography.Text></Space>}
        extra={<Button onClick={() => setTick((t) => t + 1)} loading={triage.loading}>刷新</Button>}
      >
        <ServiceAlert error={triage.error} part="待受理列表" onRetry={triage.reload} />
        <CaseTable
          data-testid="triage-table"
          columns={columns}
          dataSource={items}
          loading={triage.loading && !triage.data}
          pagination={false}
          height={520}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={triage.error ? '待受理列表暂时无法读取' : '没有待受理的诉求，新上报会自动出现'} /> }}
        />
      </Card>
      {acting && (
        <LazyActionDialog
          action={acting.action}
          aCase={acting.aCase}
          onClose={() => setActing(undefined)}
          onReload={() => {
            setActing(undefined);
            setTick((t) => t + 1);
          }}
          onDone={() => {
            setActing(undefined);
            setTick((t) => t + 1);
          }}
        />
      )}
      {locating && (
        <Suspense fallback={null}>
          <LocateDialog
            aCase={locating}
            onClose={() => setLocating(undefined)}
            onDone={() => {
              setLocating(undefined);
              setTick((t) => t + 1);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
