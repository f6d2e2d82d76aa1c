import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Segmented, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../shared/api';
import { allPages } from '../../shared/pages';
import { Chart } from '../components/Chart';
import { ServiceAlert } from '../components/ServiceAlert';
import { departments, type Target } from '../model/directory';
import { downloadFrom } from '../model/download';
import { useSession } from '../model/session';
import { useApi } from '../model/useApi';

interface StatsRow {
  group: string;
  period?: string;
  filed: number;
  closed: number;
  closureRate?: number;
  closedOnTime: number;
  onTimeClosureRate?: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  satisfactionRate?: number;
  reworked: number;
  reworkRate?: number;
  overdue: number;
  meanHandlingHours?: number;
}

type Grouping = 'community' | 'department' | 'category' | 'street' | 'grid';
const GROUPINGS: { value: Grouping; label: string }[] = [
  { value: 'community', label: '按社区' },
  { value: 'department', label: '按部门' },
  { value: 'category', label: '按类别' },
  { value: 'street', label: '按街道' },
];

const percent = (rate?: number) => (rate === undefined || rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const rateValue = (rate?: number) => (rate === undefined || rate === null ? null : Number((rate * 100).toFixed(1)));

function currentHalf(): string {
  const now = new Date();
  return `${now.getFullYear()}-H${now.getMonth() < 6 ? 1 : 2}`;
}

/** 评价: closure, on-time, satisfaction and rework rates, the rectification list and the property companies' lists. */
export default function Stats() {
  const session = useSession();
  const { message } = App.useApp();
  const [groupBy, setGroupBy] = useState<Grouping>('community');
  const [period, setPeriod] = useState<'none' | 'month'>('none');
  const stats = useApi(() => api<StatsRow[]>('/api/stats', { query: { groupBy, period } }), [groupBy, period]);
  const totals = useApi(() => api<StatsRow[]>('/api/stats', { query: { groupBy: 'all' } }), []);
  const categories = useApi(() => api<{ code: string; name: string }[]>('/api/categories'), []);
  const communities = useApi(() => allPages<{ code: string; name: string }>('/api/grids/communities'), []);
  const depts = useApi<Target[]>(() => departments(), []);
  const mayRectify = ['community_staff', 'street_staff', 'district_admin', 'platform_admin'].some((r) => session.hasRole(r));
  const rectifications = useApi(() => (mayRectify ? api<Record<string, unknown>[]>('/api/rectifications', { query: { includeLifted: true } }) : Promise.resolve([])), []);
  const [half, setHalf] = useState(currentHalf());
  const redBlack = useApi(() => api<{ half?: string; red?: unknown[]; black?: unknown[]; standing?: Record<string, unknown>[] }>('/api/evaluations/property-companies/red-black-list', { query: { half } }), [half]);

  const nameOf = useMemo(() => {
    const names = new Map<string, string>();
    categories.data?.forEach((c) => names.set(c.code, c.name));
    communities.data?.forEach((c) => names.set(c.code, c.name));
    depts.data?.forEach((d) => names.set(d.value, d.label));
    return (key: string) => (key === '(none)' ? '未归属' : (names.get(key) ?? key));
  }, [categories.data, communities.data, depts.data]);

  const rows = stats.data ?? [];
  const total = totals.data?.[0];
  const labels = rows.map((r) => (period === 'month' ? `${nameOf(r.group)} ${r.period ?? ''}` : nameOf(r.group)));
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 36, bottom: 48 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: '结案率', type: 'bar', barMaxWidth: 36, data: rows.map((r) => rateValue(r.closureRate)) },
      { name: '按时结案率', type: 'bar', barMaxWidth: 36, data: rows.map((r) => rateValue(r.onTimeClosureRate)) },
      { name: '满意率', type: 'bar', barMaxWidth: 36, data: rows.map((r) => rateValue(r.satisfactionRate)) },
      { name: '返工率', type: 'line', data: rows.map((r) => rateValue(r.reworkRate)) },
    ],
  };

  async function download(path: string, query: Record<string, string | boolean>, name: string) {
    try {
      await downloadFrom(path, { ...query, format: 'csv' }, name);
    } catch (failure) {
      message.error(`下载失败：${failure instanceof Error ? failure.message : String(failure)}`);
    }
  }

  const standing = redBlack.data?.standing ?? [];
  return (
    <>
      <ServiceAlert error={totals.error} part="评价统计" onRetry={totals.reload} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="stats-totals">
        <Col xs={8} md={4}><Card size="small"><Statistic title="受理" value={total?.filed ?? '—'} /></Card></Col>
        <Col xs={8} md={4}><Card size="small"><Statistic title="结案" value={total?.closed ?? '—'} /></Card></Col>
        <Col xs={8} md={4}><Card size="small"><Statistic title="结案率" value={percent(total?.closureRate)} /></Card></Col>
        <Col xs={8} md={4}><Card size="small"><Statistic title="按时结案率" value={percent(total?.onTimeClosureRate)} /></Card></Col>
        <Col xs={8} md={4}><Card size="small"><Statistic title="满意率" value={percent(total?.satisfactionRate)} /></Card></Col>
        <Col xs={8} md={4}><Card size="small"><Statistic title="返工率" value={percent(total?.reworkRate)} /></Card></Col>
      </Row>
      <Tabs
        items={[
          {
            key: 'stats',
            label: '统计',
            children: (
              <Card size="small">
                {/* The groupings and the export sit above the chart, wrapping on a phone (a card's title would cut them). */}
                <Space wrap style={{ marginBottom: 12 }}>
                  <Segmented value={groupBy} onChange={(v) => setGroupBy(v as Grouping)} options={GROUPINGS} />
                  <Segmented value={period} onChange={(v) => setPeriod(v as 'none' | 'month')} options={[{ value: 'none', label: '累计' }, { value: 'month', label: '按月' }]} />
                  <Button icon={<DownloadOutlined />} onClick={() => void download('/api/stats', { groupBy, period }, `统计-${groupBy}.csv`)}>导出CSV</Button>
                </Space>
                <ServiceAlert error={stats.error} part="统计" onRetry={stats.reload} />
                <Chart option={option} testId="stats-chart" />
                <Table
                  size="small"
                  scroll={{ x: 'max-content' }}
                  rowKey={(r) => `${r.group}-${r.period ?? ''}`}
                  dataSource={rows}
                  pagination={false}
                  data-testid="stats-table"
                  columns={[
                    { title: '分组', dataIndex: 'group', render: (g: string) => nameOf(g) },
                    ...(period === 'month' ? [{ title: '月份', dataIndex: 'period' }] : []),
                    { title: '受理', dataIndex: 'filed' },
                    { title: '结案', dataIndex: 'closed' },
                    { title: '结案率', dataIndex: 'closureRate', render: percent },
                    { title: '按时结案率', dataIndex: 'onTimeClosureRate', render: percent },
                    { title: '评价数', dataIndex: 'rated' },
                    { title: '满意率', dataIndex: 'satisfactionRate', render: (r?: number) => <span style={{ color: r !== undefined && r !== null && r < 0.6 ? '#cf1322' : undefined }}>{percent(r)}</span> },
                    { title: '返工率', dataIndex: 'reworkRate', render: percent },
                    { title: '超时', dataIndex: 'overdue' },
                    { title: '平均办理(小时)', dataIndex: 'meanHandlingHours', render: (h?: number) => (h === undefined || h === null ? '—' : h.toFixed(1)) },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'rectification',
            label: '整改名单',
            disabled: !mayRectify,
            children: (
              <Card size="small" title="满意率低于60%的社区" extra={<Button icon={<DownloadOutlined />} onClick={() => void download('/api/rectifications', { includeLifted: true }, '整改名单.csv')}>导出CSV</Button>}>
                <ServiceAlert error={rectifications.error} part="整改名单" onRetry={rectifications.reload} />
                <Table
                  size="small"
                  rowKey={(r) => JSON.stringify(r)}
                  dataSource={rectifications.data ?? []}
                  pagination={false}
                  locale={{ emptyText: '没有社区在整改名单上' }}
                  columns={Object.keys(rectifications.data?.[0] ?? { communityId: 1, period: 1, satisfactionRate: 1, status: 1 }).slice(0, 8).map((key) => ({
                    title: { communityId: '社区', period: '期间', satisfactionRate: '满意率', status: '状态', listedAt: '列入时间', liftedAt: '解除时间', rated: '评价数' }[key] ?? key,
                    dataIndex: key,
                    render: (v: unknown) => (key === 'communityId' ? nameOf(String(v)) : key.endsWith('Rate') && typeof v === 'number' ? percent(v) : v === null || v === undefined ? '—' : String(v)),
                  }))}
                />
              </Card>
            ),
          },
          {
            key: 'property',
            label: '物业红黑榜',
            children: (
              <Card
                size="small"
                title={<Space>物业服务企业红黑榜 <Select value={half} onChange={setHalf} options={[currentHalf(), `${new Date().getFullYear()}-H1`, `${new Date().getFullYear() - 1}-H2`].filter((v, i, a) => a.indexOf(v) === i).map((v) => ({ value: v, label: v.replace('-H1', '年上半年').replace('-H2', '年下半年') }))} /></Space>}
                extra={<Button icon={<DownloadOutlined />} onClick={() => void download('/api/evaluations/property-companies/red-black-list', { half }, `物业红黑榜-${half}.csv`)}>导出CSV</Button>}
              >
                <ServiceAlert error={redBlack.error} part="物业红黑榜" onRetry={redBlack.reload} />
                <Table
                  size="small"
                  rowKey={(r) => JSON.stringify(r)}
                  dataSource={standing}
                  pagination={false}
                  data-testid="red-black-table"
                  locale={{ emptyText: '本期暂无考评结果' }}
                  columns={Object.keys(standing[0] ?? { name: 1, score: 1, list: 1 }).slice(0, 8).map((key) => ({
                    title: { companyId: '企业编号', name: '企业名称', companyName: '企业名称', score: '得分', averageScore: '平均得分', list: '榜单', rank: '名次' }[key] ?? key,
                    dataIndex: key,
                    render: (v: unknown) =>
                      key === 'list' ? (v === 'RED' ? <Tag color="red">红榜</Tag> : v === 'BLACK' ? <Tag color="black">黑榜</Tag> : <Tag>—</Tag>) : v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v),
                  }))}
                />
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                  红榜 {redBlack.data?.red?.length ?? 0} 家，黑榜 {redBlack.data?.black?.length ?? 0} 家。
                </Typography.Paragraph>
              </Card>
            ),
          },
        ]}
      />
    </>
  );
}
