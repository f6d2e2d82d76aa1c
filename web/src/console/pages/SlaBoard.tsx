import { Card, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { allPages, MAX_CASE_PAGE_SIZE } from '../../shared/pages';
import { CaseTable, caseColumns } from '../components/CaseTable';
import { ServiceAlert } from '../components/ServiceAlert';
import { caseDeadline, LEVEL_COLORS, type DeadlineLevel, type Stage } from '../model/deadline';
import { departments, type Target } from '../model/directory';
import { STAGE_LABELS } from '../model/labels';
import { caseChanges } from '../model/live';
import { useNow } from '../model/session';
import type { CaseStatus, CaseView } from '../model/types';
import { useApi } from '../model/useApi';

const TIMED: CaseStatus[] = ['ACCEPTED', 'DISPATCHED', 'CLAIMED', 'RESOLVED', 'RETURNED', 'REOPENED'];
const LEVELS: DeadlineLevel[] = ['overdue', 'red', 'amber', 'green'];
const LEVEL_NAMES: Record<DeadlineLevel, string> = { overdue: '已超时', red: '超过75%', amber: '超过50%', green: '正常' };

interface Row {
  key: string;
  name: string;
  counts: Record<DeadlineLevel, number>;
  total: number;
}

function tally(cases: { c: CaseView; level: DeadlineLevel }[], keyOf: (c: CaseView) => string | undefined, nameOf: (k: string) => string): Row[] {
  const rows = new Map<string, Row>();
  for (const { c, level } of cases) {
    const key = keyOf(c) ?? '—';
    const row = rows.get(key) ?? { key, name: key === '—' ? '—' : nameOf(key), counts: { overdue: 0, red: 0, amber: 0, green: 0 }, total: 0 };
    row.counts[level] += 1;
    row.total += 1;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.counts.overdue - a.counts.overdue || b.counts.red - a.counts.red || b.total - a.total);
}

const tallyColumns = (title: string) => [
  // Fixed widths: the name keeps room for nine characters, and a narrow card scrolls sideways instead of
  // squeezing the name to one character a line.
  { title, dataIndex: 'name', key: 'name', width: 140, ellipsis: { showTitle: true } },
  ...LEVELS.map((level) => ({
    title: <span style={{ color: LEVEL_COLORS[level], whiteSpace: 'nowrap' }}>{LEVEL_NAMES[level]}</span>,
    key: level,
    width: 76,
    render: (_: unknown, row: Row) => <span style={{ color: row.counts[level] ? LEVEL_COLORS[level] : undefined }}>{row.counts[level]}</span>,
  })),
  { title: '合计', dataIndex: 'total', key: 'total', width: 56 },
];

/** 时限: every running time limit in the caller's scope, overdue first, by stage, community and department. */
export default function SlaBoard() {
  const now = useNow();
  const [tick, setTick] = useState(0);
  const open = useApi(
    () => Promise.all(TIMED.map((status) => allPages<CaseView>('/api/cases', { status }, MAX_CASE_PAGE_SIZE))).then((lists) => lists.flat()),
    [tick],
  );
  const communities = useApi(() => allPages<{ code: string; name: string }>('/api/grids/communities'), []);
  const depts = useApi<Target[]>(() => departments(), []);
  useEffect(() => caseChanges.subscribe(() => setTick((t) => t + 1)), []);

  const timed = (open.data ?? [])
    .map((c) => ({ c, state: caseDeadline(c, now) }))
    .filter((x): x is { c: CaseView; state: NonNullable<ReturnType<typeof caseDeadline>> } => !!x.state)
    .sort((a, b) => a.state.left - b.state.left);
  const levelled = timed.map(({ c, state }) => ({ c, level: state.level, stage: state.stage as Stage }));
  const byLevel = (level: DeadlineLevel) => levelled.filter((x) => x.level === level).length;
  const communityName = (code: string) => communities.data?.find((c) => c.code === code)?.name ?? code;
  const deptName = (code: string) => depts.data?.find((d) => d.value === code)?.label ?? code;

  const stageRows = (['RESPOND', 'RESOLVE', 'VERIFY'] as Stage[]).map((stage) => {
    const inStage = levelled.filter((x) => x.stage === stage);
    const counts = { overdue: 0, red: 0, amber: 0, green: 0 } as Record<DeadlineLevel, number>;
    inStage.forEach((x) => (counts[x.level] += 1));
    return { key: stage, name: `${STAGE_LABELS[stage]}阶段`, counts, total: inStage.length };
  });

  return (
    <>
      <ServiceAlert error={open.error} part="时限看板" onRetry={open.reload} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {LEVELS.map((level) => (
          <Col xs={12} md={6} key={level}>
            <Card size="small">
              <Statistic title={LEVEL_NAMES[level]} value={open.data ? byLevel(level) : '—'} valueStyle={{ color: LEVEL_COLORS[level] }} />
            </Card>
          </Col>
        ))}
      </Row>
      {/* Three tallies side by side only where each gets room for its names (a wide screen); else two, or one on a phone. */}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12} xxl={8}>
          <Card size="small" title="按阶段">
            <Table size="small" pagination={false} dataSource={stageRows} columns={tallyColumns('阶段')} scroll={{ x: 'max-content' }} />
          </Card>
        </Col>
        <Col xs={24} lg={12} xxl={8}>
          <Card size="small" title="按社区">
            <Table size="small" pagination={false} dataSource={tally(levelled, (c) => c.communityId, communityName)} columns={tallyColumns('社区')} scroll={{ x: 'max-content', y: 220 }} />
          </Card>
        </Col>
        <Col xs={24} lg={12} xxl={8}>
          <Card size="small" title="按部门">
            <Table
              size="small"
              pagination={false}
              dataSource={tally(levelled, (c) => (c.assignee?.kind === 'DEPARTMENT' ? c.assignee.id : undefined), deptName)}
              columns={tallyColumns('部门')}
              scroll={{ x: 'max-content', y: 220 }}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={<Typography.Text strong>计时中的案件（超时在前）</Typography.Text>}>
        <CaseTable
          data-testid="sla-table"
          columns={caseColumns(now, ['number', 'deadline', 'status', 'category', 'description', 'place', 'assignee', 'flags'])}
          dataSource={timed.map((x) => x.c)}
          loading={open.loading && !open.data}
          pagination={false}
          height={420}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={open.error ? '时限数据暂时无法读取' : '没有计时中的案件'} /> }}
        />
      </Card>
    </>
  );
}
