import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, Select, Space, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../shared/api';
import { allPages } from '../../shared/pages';
import { CaseTable, caseColumns } from '../components/CaseTable';
import { ServiceAlert } from '../components/ServiceAlert';
import { departments, type Target } from '../model/directory';
import { downloadFrom, saveBlob, toCsv } from '../model/download';
import { CHANNEL_LABELS, STATUS_LABELS } from '../model/labels';
import { caseChanges } from '../model/live';
import { useNow } from '../model/session';
import type { CasePage, CaseStatus, CaseView } from '../model/types';
import { useApi } from '../model/useApi';

interface Category {
  code: string;
  name: string;
}
interface Grid {
  code: string;
  name: string;
  level: string;
}
interface Community {
  code: string;
  name: string;
}

const PAGE_SIZES = [20, 50, 100, 1000];
const API_PAGE = 100;

type Query = Record<string, string | number | boolean | undefined>;

/** Reads up to `size` cases: the API pages by at most 100, so a 1,000-row view is ten calls at once. */
async function loadCases(query: Query, page: number, size: number): Promise<CasePage> {
  if (size <= API_PAGE) {
    return api<CasePage>('/api/cases', { query: { ...query, page, size } });
  }
  const parts = size / API_PAGE;
  const pages = await Promise.all(
    Array.from({ length: parts }, (_, i) => api<CasePage>('/api/cases', { query: { ...query, page: page * parts + i, size: API_PAGE } })),
  );
  return { items: pages.flatMap((p) => p.items), page, size, totalItems: pages[0]?.totalItems ?? 0 };
}

const CSV_HEADER = ['案件编号', '状态', '类别', '描述', '网格', '社区', '上报时间', '渠道', '承办', '超时', '督办', '疑似重复'];

function csvRows(items: CaseView[]) {
  return items.map((c) => [
    c.number,
    STATUS_LABELS[c.status],
    c.categoryName ?? c.categoryCode,
    c.description,
    c.gridName ?? c.gridCode,
    c.communityId,
    c.reportedAt,
    CHANNEL_LABELS[c.channel] ?? c.channel,
    c.assignee?.displayName ?? c.assignee?.id,
    c.overdue ? '是' : '否',
    c.supervised ? '是' : '否',
    c.possibleDuplicateOf ? '是' : '否',
  ]);
}

/** 案件: every case in the caller's scope, filtered, searched, sorted, paged, exported. */
export default function CaseList() {
  const now = useNow();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm();
  const [tick, setTick] = useState(0);
  const [exporting, setExporting] = useState(false);

  const page = Number(params.get('page') ?? 0);
  const size = Number(params.get('size') ?? 50);
  const sort = params.get('sort') ?? 'reportedAt,desc';
  const query: Query = useMemo(() => {
    const q: Query = {};
    for (const key of ['status', 'category', 'grid', 'community', 'department', 'q', 'number', 'from', 'to']) {
      const value = params.get(key);
      if (value) q[key] = value;
    }
    for (const flag of ['overdue', 'supervised', 'duplicate']) {
      if (params.get(flag) === 'true') q[flag] = true;
    }
    q.sort = sort;
    return q;
  }, [params, sort]);

  const cases = useApi(() => loadCases(query, page, size), [JSON.stringify(query), page, size, tick]);
  const categories = useApi(() => api<Category[]>('/api/categories'), []);
  const grids = useApi(() => allPages<Grid>('/api/grids', { level: 'LEVEL_1' }), []);
  const communities = useApi(() => allPages<Community>('/api/grids/communities'), []);
  const depts = useApi<Target[]>(() => departments(), []);

  useEffect(() => caseChanges.subscribe(() => setTick((t) => t + 1)), []);

  function apply(values: Record<string, unknown>) {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) {
      if (key === 'range') {
        const range = value as [Dayjs, Dayjs] | undefined;
        if (range?.[0]) next.set('from', range[0].startOf('day').toISOString());
        if (range?.[1]) next.set('to', range[1].endOf('day').toISOString());
      } else if (key === 'flags') {
        for (const flag of (value as string[] | undefined) ?? []) next.set(flag, 'true');
      } else if (value !== undefined && value !== null && value !== '') {
        next.set(key, String(value));
      }
    }
    next.set('size', String(size));
    next.set('sort', sort);
    setParams(next);
  }

  function onTableChange(pagination: { current?: number; pageSize?: number }, sorter: SorterResult<CaseView> | SorterResult<CaseView>[]) {
    const next = new URLSearchParams(params);
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = one?.columnKey === 'number' ? 'number' : 'reportedAt';
    const newSort = one?.order ? `${field},${one.order === 'ascend' ? 'asc' : 'desc'}` : 'reportedAt,desc';
    const newSize = pagination.pageSize ?? size;
    next.set('sort', newSort);
    next.set('size', String(newSize));
    next.set('page', String(newSize !== size || newSort !== sort ? 0 : (pagination.current ?? 1) - 1));
    setParams(next);
  }

  async function exportCsv() {
    setExporting(true);
    try {
      await downloadFrom('/api/cases', { ...query, format: 'csv' }, '案件列表.csv');
    } catch {
      // A case-service without CSV: the console writes what the filter finds (up to 1,000 cases).
      try {
        const all = await loadCases(query, 0, 1000);
        saveBlob(toCsv(CSV_HEADER, csvRows(all.items)), '案件列表.csv');
      } catch (failure) {
        message.error(`导出失败：${failure instanceof Error ? failure.message : String(failure)}`);
      }
    } finally {
      setExporting(false);
    }
  }

  const [field, direction] = sort.split(',');
  // Time left and state right after the number (as in the inbox): at 1280 px the later columns scroll out of sight.
  const columns = caseColumns(now, ['number', 'deadline', 'status', 'reportedAt', 'category', 'description', 'place', 'assignee', 'flags']).map(
    (column) =>
      column.key === field ? { ...column, sortOrder: direction === 'asc' ? ('ascend' as const) : ('descend' as const) } : { ...column, sortOrder: null },
  );

  const initial = {
    ...Object.fromEntries(params.entries()),
    flags: ['overdue', 'supervised', 'duplicate'].filter((f) => params.get(f) === 'true'),
  };

  return (
    <Card title="案件" extra={<Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()}>导出CSV</Button>}>
      <Form form={form} layout="inline" onFinish={apply} initialValues={initial} style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item name="number">
          <Input placeholder="案件编号" allowClear style={{ width: 190 }} aria-label="案件编号" />
        </Form.Item>
        <Form.Item name="q">
          <Input placeholder="描述关键词" allowClear style={{ width: 170 }} aria-label="描述关键词" />
        </Form.Item>
        <Form.Item name="status">
          <Select placeholder="状态" allowClear style={{ width: 120 }} options={(Object.keys(STATUS_LABELS) as CaseStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
        </Form.Item>
        <Form.Item name="category">
          <Select placeholder="类别" allowClear showSearch optionFilterProp="label" style={{ width: 150 }} options={categories.data?.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        <Form.Item name="community">
          <Select placeholder="社区" allowClear style={{ width: 130 }} options={communities.data?.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        <Form.Item name="grid">
          <Select placeholder="网格" allowClear showSearch optionFilterProp="label" style={{ width: 160 }} options={grids.data?.map((g) => ({ value: g.code, label: g.name }))} />
        </Form.Item>
        <Form.Item name="department">
          <Select placeholder="部门" allowClear style={{ width: 140 }} options={depts.data} />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="flags">
          <Checkbox.Group options={[{ value: 'overdue', label: '超时' }, { value: 'supervised', label: '督办' }, { value: 'duplicate', label: '疑似重复' }]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>查询</Button>
            <Button onClick={() => { form.resetFields(); setParams(new URLSearchParams()); }}>重置</Button>
          </Space>
        </Form.Item>
      </Form>
      <ServiceAlert error={cases.error} part="案件列表" onRetry={cases.reload} />
      <CaseTable
        data-testid="case-table"
        columns={columns}
        dataSource={cases.data?.items}
        loading={cases.loading}
        height={window.innerHeight > 1000 ? 720 : 480}
        locale={{ emptyText: <Empty description={cases.error ? '案件列表暂时无法读取' : '没有符合条件的案件，可放宽筛选条件'} /> }}
        onChange={(pagination, _filters, sorter) => onTableChange(pagination, sorter)}
        pagination={{
          current: page + 1,
          pageSize: size,
          total: cases.data?.totalItems,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => <Typography.Text type="secondary">共 {total} 件</Typography.Text>,
        }}
      />
    </Card>
  );
}
