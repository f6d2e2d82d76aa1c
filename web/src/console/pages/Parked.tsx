import { Alert, Button, Card, Empty, List, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import type { Page } from '../../shared/pages';
import { LazyActionDialog, usePreloadActionDialog } from '../components/LazyActionDialog';
import { ServiceAlert } from '../components/ServiceAlert';
import { ACTIONS } from '../model/actions';
import { caseChanges } from '../model/live';
import { useNarrow } from '../model/narrow';
import { parkedColour, parkedFor, reviewText, type ParkedCase } from '../model/parked';
import { useNow } from '../model/session';
import type { CaseView } from '../model/types';
import { useApi } from '../model/useApi';

const TAKE_UP = ACTIONS.find((a) => a.key === 'take-up')!;
const PAGE_SIZES = [20, 50, 100];

function Place({ c }: { c: CaseView }) {
  return c.located ? <span>{c.gridName ?? c.gridCode}</span> : <Tag color="orange">未定位</Tag>;
}

/**
 * 挂账: the area's parked cases for periodic review, longest parked first, with how long and why
 * each waits and when it is next reviewed; one that can be handled now is taken up again
 * (销账恢复) here or on its page. A district's list grows, so it is read a page at a time
 * (GET /api/cases/parked?page&size) and the pager says how many there are in all.
 */
export default function Parked() {
  const now = useNow();
  const narrow = useNarrow();
  const [tick, setTick] = useState(0);
  const [taking, setTaking] = useState<CaseView>();
  const [done, setDone] = useState<string>();
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(PAGE_SIZES[0]);
  const parked = useApi(() => api<Page<ParkedCase>>('/api/cases/parked', { query: { page, size } }), [tick, page, size]);
  usePreloadActionDialog();

  useEffect(() => caseChanges.subscribe(() => setTick((t) => t + 1)), []);

  const items = parked.data?.items ?? [];
  const total = parked.data?.totalItems ?? 0;
  const due = items.filter((p) => p.reviewDue).length;

  // The last case of the last page taken up: show the page before, which still has cases.
  useEffect(() => {
    if (parked.data && parked.data.items.length === 0 && page > 0 && parked.data.totalItems > 0) {
      setPage(Math.max(0, Math.ceil(parked.data.totalItems / size) - 1));
    }
  }, [parked.data, page, size]);

  const pagination = {
    current: page + 1,
    pageSize: size,
    total,
    hideOnSinglePage: total <= PAGE_SIZES[0],
    showSizeChanger: !narrow,
    pageSizeOptions: PAGE_SIZES,
    showTotal: (all: number) => `共 ${all} 件`,
    onChange: (next: number, nextSize: number) => {
      setPage(nextSize === size ? next - 1 : 0);
      setSize(nextSize);
      // On a phone the pager is at the foot of a long list: the next page starts at the top.
      if (narrow) window.scrollTo({ top: 0 });
    },
  };

  const takeUpButton = (p: ParkedCase) => (
    <Button size="small" type="primary" ghost onClick={() => setTaking(p.aCase)}>
      销账恢复
    </Button>
  );

  const columns: ColumnsType<ParkedCase> = [
    {
      title: '案件编号',
      key: 'number',
      width: 180,
      render: (_, p) => <Link to={`/cases/${p.aCase.id}`} data-testid="case-link">{p.aCase.number}</Link>,
    },
    {
      title: '已挂账',
      key: 'days',
      width: 150,
      render: (_, p) => (
        <Tooltip title={`挂账于 ${dayjs(p.parkedAt).format('YYYY-MM-DD HH:mm')}`}>
          <Tag color={parkedColour(p.daysParked)}>{parkedFor(p.daysParked)}</Tag>
        </Tooltip>
      ),
    },
    { title: '挂账原因', key: 'reason', width: 240, ellipsis: { showTitle: true }, render: (_, p) => p.reason ?? '—' },
    {
      title: '复核',
      key: 'review',
      width: 130,
      render: (_, p) => <Tag color={p.reviewDue ? 'gold' : 'default'}>{reviewText(p, now)}</Tag>,
    },
    { title: '类别', key: 'category', width: 110, render: (_, p) => p.aCase.categoryName ?? p.aCase.categoryCode },
    { title: '描述', key: 'description', width: 240, ellipsis: { showTitle: true }, render: (_, p) => p.aCase.description },
    { title: '位置', key: 'place', width: 140, ellipsis: true, render: (_, p) => <Place c={p.aCase} /> },
    { title: '操作', key: 'actions', width: 110, fixed: 'right', render: (_, p) => takeUpButton(p) },
  ];

  return (
    <Card
      title={
        <Space>
          挂账案件
          {total > 0 && <Typography.Text type="secondary" data-testid="parked-total">共 {total} 件</Typography.Text>}
          {due > 0 && <Tag color="gold">{total > items.length ? '本页 ' : ''}{due} 件到期待复核</Tag>}
        </Space>
      }
      extra={<Button onClick={parked.reload}>刷新</Button>}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        暂不具备办理条件而挂账的案件，按挂账时间从早到晚排列，每月复核一次；条件具备时「销账恢复」，案件回到已立案并重新计算响应时限。
      </Typography.Paragraph>
      {done && <Alert type="success" showIcon closable message={done} onClose={() => setDone(undefined)} style={{ marginBottom: 12 }} />}
      <ServiceAlert error={parked.error} part="挂账案件" onRetry={parked.reload} />
      {narrow ? (
        <List
          data-testid="parked-list"
          loading={parked.loading && !parked.data}
          dataSource={items}
          pagination={{ ...pagination, size: 'small', align: 'center' }}
          locale={{ emptyText: <Empty description={parked.error ? '挂账案件暂时无法读取' : '本辖区没有挂账案件'} /> }}
          renderItem={(p) => (
            <List.Item className="parked-row" key={p.aCase.id}>
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Link to={`/cases/${p.aCase.id}`} data-testid="case-link">{p.aCase.number}</Link>
                    <Tag color={parkedColour(p.daysParked)}>已挂账 {parkedFor(p.daysParked)}</Tag>
                    <Tag color={p.reviewDue ? 'gold' : 'default'}>{reviewText(p, now)}</Tag>
                  </Space>
                }
                description={
                  <>
                    <div>原因：{p.reason ?? '—'}</div>
                    <div>
                      {p.aCase.categoryName ?? p.aCase.categoryCode} · <Place c={p.aCase} />
                    </div>
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 8 }}>
                      {p.aCase.description}
                    </Typography.Paragraph>
                    {takeUpButton(p)}
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<ParkedCase>
          data-testid="parked-table"
          rowKey={(p) => p.aCase.id}
          size="middle"
          columns={columns}
          dataSource={items}
          loading={parked.loading && !parked.data}
          scroll={{ x: 1300 }}
          pagination={pagination}
          locale={{ emptyText: <Empty description={parked.error ? '挂账案件暂时无法读取' : '本辖区没有挂账案件'} /> }}
        />
      )}
      {taking && (
        <LazyActionDialog
          action={TAKE_UP}
          aCase={taking}
          onClose={() => setTaking(undefined)}
          onReload={() => {
            setTaking(undefined);
            setTick((t) => t + 1);
          }}
          onDone={(updated) => {
            setDone(`${updated.number ?? taking.number} 已销账恢复，回到已立案，可重新派遣`);
            setTaking(undefined);
            setTick((t) => t + 1);
          }}
        />
      )}
    </Card>
  );
}
