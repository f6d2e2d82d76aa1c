import { List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import type { Page } from '../../shared/pages';
import type { CaseView } from '../model/types';
import { useApi } from '../model/useApi';
import { StatusTag } from './StatusTag';

/** Linked reports shown at once on a case page; a water cut brings hundreds, so the rest are a page away. */
export const DUPLICATES_PAGE = 10;

/**
 * 关联重复件: the original a case may duplicate (a case of the same category, open, within 50 m)
 * and the later reports linked to it, oldest first, from GET /api/cases/{id}/duplicates a page at
 * a time, with how many there are in all.
 */
export function Duplicates({ aCase }: { aCase: CaseView }) {
  const [page, setPage] = useState(0);
  const linked = useApi(
    () => api<Page<CaseView>>(`/api/cases/${aCase.id}/duplicates`, { query: { page, size: DUPLICATES_PAGE } }),
    [aCase.id, page],
  );
  const total = linked.data?.totalItems ?? 0;
  if (linked.error) {
    return <Typography.Text type="secondary">关联重复件暂时无法读取</Typography.Text>;
  }
  if (linked.data && total === 0) {
    // The original may lie outside the caller's area: the case still says it was linked.
    return aCase.possibleDuplicateOf ? (
      <span>
        疑似重复于 <Link to={`/cases/${aCase.possibleDuplicateOf}`}>原案件</Link>（50米内同类未结案件）
      </span>
    ) : (
      <Typography.Text type="secondary">无</Typography.Text>
    );
  }
  return (
    <List<CaseView>
      data-testid="duplicates"
      size="small"
      loading={linked.loading && !linked.data}
      dataSource={linked.data?.items ?? []}
      header={total > 0 && <Typography.Text type="secondary">共 {total} 件</Typography.Text>}
      pagination={
        total > DUPLICATES_PAGE && {
          current: page + 1,
          pageSize: DUPLICATES_PAGE,
          total,
          size: 'small',
          simple: true,
          onChange: (next) => setPage(next - 1),
        }
      }
      renderItem={(c) => (
        <List.Item key={c.id} style={{ paddingInline: 0 }}>
          <Space wrap size={4}>
            <Link to={`/cases/${c.id}`}>{c.number}</Link>
            <StatusTag status={c.status} />
            {c.id === aCase.possibleDuplicateOf ? <Tag color="orange">原案件（50米内同类未结案件）</Tag> : <Tag>重复上报</Tag>}
          </Space>
        </List.Item>
      )}
    />
  );
}
