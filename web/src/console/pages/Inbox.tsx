import { Button, Card, Empty, Segmented, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import { LazyActionDialog, usePreloadActionDialog } from '../components/LazyActionDialog';
import { CaseTable, caseColumns } from '../components/CaseTable';
import { ServiceAlert } from '../components/ServiceAlert';
import { availableActions, type ActionSpec } from '../model/actions';
import { caseChanges } from '../model/live';
import { useNow, useSession } from '../model/session';
import type { CasePage, CaseView } from '../model/types';
import { useApi } from '../model/useApi';

const INBOX_ACTIONS = ['claim', 'resolve', 'return', 'report-in'];

/** 部门待办: what was dispatched to the user's department (or to them), to claim, return or resolve. */
export default function Inbox() {
  const session = useSession();
  const now = useNow();
  const [tick, setTick] = useState(0);
  const [view, setView] = useState<'all' | 'DISPATCHED' | 'CLAIMED'>('all');
  const inbox = useApi(() => api<CasePage>('/api/cases/inbox', { query: { size: 100 } }), [tick]);
  const [acting, setActing] = useState<{ action: ActionSpec; aCase: CaseView }>();

  useEffect(() => caseChanges.subscribe(() => setTick((t) => t + 1)), []);
  usePreloadActionDialog();

  const items = (inbox.data?.items ?? []).filter((c) => view === 'all' || c.status === view);
  const count = (status: string) => (inbox.data?.items ?? []).filter((c) => c.status === status).length;

  // Time left comes right after the number: at 1280 px the later columns scroll out of sight.
  const columns = caseColumns(now, ['number', 'deadline', 'status', 'category', 'description', 'place', 'reportedAt', 'flags'], [
    {
      title: '操作',
      key: 'actions',
      width: 210,
      fixed: 'right',
      render: (_: unknown, c: CaseView) => (
        <Space size={4}>
          {availableActions(c, session.user)
            .filter((a) => INBOX_ACTIONS.includes(a.key))
            .map((action) => (
              <Button
                key={action.key}
                size="small"
                type={action.key === 'claim' || action.key === 'resolve' ? 'primary' : 'default'}
                danger={action.danger}
                onClick={() => setActing({ action, aCase: c })}
              >
                {action.label}
              </Button>
            ))}
        </Space>
      ),
    },
  ]);

  return (
    <Card
      title={<Space><Typography.Text strong>部门待办</Typography.Text><Typography.Text type="secondary">派给本部门（或本人）的案件</Typography.Text></Space>}
      extra={
        <Space>
          <Segmented
            value={view}
            onChange={(v) => setView(v as typeof view)}
            options={[
              { value: 'all', label: `全部 ${inbox.data?.items.length ?? ''}` },
              { value: 'DISPATCHED', label: `待接单 ${inbox.data ? count('DISPATCHED') : ''}` },
              { value: 'CLAIMED', label: `处置中 ${inbox.data ? count('CLAIMED') : ''}` },
            ]}
          />
          <Button onClick={() => setTick((t) => t + 1)}>刷新</Button>
        </Space>
      }
    >
      <ServiceAlert error={inbox.error} part="部门待办" onRetry={inbox.reload} />
      <CaseTable data-testid="inbox-table" columns={columns} dataSource={items} loading={inbox.loading && !inbox.data} pagination={false} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={inbox.error ? '待办列表暂时无法读取' : '没有待办案件，新派来的案件会自动出现'} /> }} />
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
    </Card>
  );
}

