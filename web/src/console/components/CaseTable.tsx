import { Table, Tag, Tooltip } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CHANNEL_LABELS } from '../model/labels';
import type { CaseView } from '../model/types';
import { DeadlineTag, StatusTag } from './StatusTag';

dayjs.extend(relativeTime);

export type CaseColumn = 'number' | 'reportedAt' | 'category' | 'description' | 'place' | 'status' | 'deadline' | 'assignee' | 'channel' | 'flags';

export function caseColumns(now: Date, which: CaseColumn[], extra?: ColumnsType<CaseView>): ColumnsType<CaseView> {
  const all: Record<CaseColumn, ColumnsType<CaseView>[number]> = {
    number: {
      title: '案件编号',
      dataIndex: 'number',
      key: 'number',
      width: 190,
      sorter: true,
      render: (number: string, c) => <Link to={`/cases/${c.id}`} data-testid="case-link">{number}</Link>,
    },
    reportedAt: {
      title: '上报时间',
      dataIndex: 'reportedAt',
      key: 'reportedAt',
      width: 120,
      sorter: true,
      render: (at: string) => (
        <Tooltip title={`${dayjs(at).format('YYYY-MM-DD HH:mm:ss')}（${dayjs(at).from(now)}）`}>
          <span>{dayjs(at).format('MM-DD HH:mm')}</span>
        </Tooltip>
      ),
    },
    category: { title: '类别', dataIndex: 'categoryName', key: 'category', width: 120, render: (name: string, c) => name ?? c.categoryCode },
    description: { title: '描述', dataIndex: 'description', key: 'description', width: 280, ellipsis: { showTitle: true } },
    place: {
      title: '位置',
      key: 'place',
      width: 170,
      ellipsis: true,
      render: (_: unknown, c) =>
        c.located ? (
          <span>{c.gridName ?? c.gridCode}</span>
        ) : (
          <Tooltip title={c.unlocatedReason}>
            <Tag color="orange">未定位</Tag>
          </Tooltip>
        ),
    },
    status: { title: '状态', dataIndex: 'status', key: 'status', width: 100, render: (s) => <StatusTag status={s} /> },
    deadline: { title: '时限', key: 'deadline', width: 220, render: (_: unknown, c) => <DeadlineTag aCase={c} now={now} /> },
    assignee: { title: '承办', key: 'assignee', width: 130, ellipsis: true, render: (_: unknown, c) => c.assignee?.displayName ?? c.assignee?.id ?? '—' },
    channel: { title: '渠道', dataIndex: 'channel', key: 'channel', width: 110, render: (ch: string) => CHANNEL_LABELS[ch] ?? ch },
    flags: {
      title: '标记',
      key: 'flags',
      width: 150,
      render: (_: unknown, c) => {
        const tags: ReactNode[] = [];
        if (c.emergency) tags.push(<Tag key="e" color="red">紧急</Tag>);
        if (c.supervised) tags.push(<Tag key="s" color="volcano">督办</Tag>);
        if (c.overdue) tags.push(<Tag key="o" color="#820014">超时</Tag>);
        if (c.possibleDuplicateOf) tags.push(<Tag key="d" color="purple">疑似重复</Tag>);
        if (c.waitingForResident) tags.push(<Tag key="w">等待居民</Tag>);
        return tags.length ? tags : null;
      },
    },
  };
  return [...which.map((key) => all[key]), ...(extra ?? [])];
}

/** A virtual table needs a numeric width: the columns' own, or 1200 px. */
function tableWidth(columns: TableProps<CaseView>['columns']): number {
  const sum = (columns ?? []).reduce((total, column) => total + (typeof column.width === 'number' ? column.width : 160), 0);
  return Math.max(sum, 1000);
}

/** Cases as a virtualised table: a thousand rows scroll as smoothly as twenty. */
export function CaseTable(props: TableProps<CaseView> & { height?: number }) {
  const { height = 560, ...rest } = props;
  return (
    <Table<CaseView>
      rowKey="id"
      size="middle"
      virtual
      scroll={{ x: tableWidth(rest.columns), y: height }}
      {...rest}
    />
  );
}
