import { LockOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../shared/api';

/** The channels of a complaint recorded on a resident's behalf (代为登记), whose contact case-service keeps sealed. */
export const ON_BEHALF = ['WALK_IN', 'PHONE_CALL'];

/**
 * The caller's contact of a case recorded on their behalf: read only when staff ask for it (to call
 * back), since each reading is logged; never part of the case or of any list.
 */
export function CallerContact({ caseId }: { caseId: string }) {
  const [contact, setContact] = useState<{ name?: string | null; phone: string }>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  if (contact) {
    return (
      <Space data-testid="caller-contact">
        {contact.name && <span>{contact.name}</span>}
        <Typography.Text copyable>{contact.phone}</Typography.Text>
      </Space>
    );
  }
  return (
    <Space wrap>
      <Button
        size="small"
        icon={<LockOutlined />}
        loading={loading}
        onClick={() => {
          setLoading(true);
          api<{ name?: string | null; phone: string }>(`/api/cases/${caseId}/caller-contact`).then(
            (read) => {
              setContact(read);
              setLoading(false);
            },
            (failure: unknown) => {
              setError(failure instanceof Error ? failure.message : String(failure));
              setLoading(false);
            },
          );
        }}
      >
        查看联系方式
      </Button>
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : <Typography.Text type="secondary">查看会被记录</Typography.Text>}
    </Space>
  );
}
