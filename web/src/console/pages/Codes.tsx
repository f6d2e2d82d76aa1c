import { Button, Card, Col, Empty, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { allPages } from '../../shared/pages';
import { AuthorizedImage } from '../../shared/AuthorizedImage';
import { ServiceAlert } from '../components/ServiceAlert';
import { saveBlob } from '../model/download';
import { useSession } from '../model/session';
import { useApi } from '../model/useApi';

interface Community {
  code: string;
  name: string;
}

interface Grid {
  code: string;
  name: string;
  level: string;
}

/**
 * 码上办: a community's grid codes as residents will scan them, and the A4 sheet to print and post
 * on the grid boards (grid-service draws both; a code opens the phone report page with the grid filled in).
 */
export default function Codes() {
  const communities = useApi(() => allPages<Community>('/api/grids/communities'), []);
  const [community, setCommunity] = useState<string>();
  const session = useSession();
  // A community's staff start on their own community (the last part of their org path).
  const own = communities.data?.find((c) => session.user.orgPath?.split('/').pop() === c.code);
  const chosen = community ?? own?.code ?? communities.data?.[0]?.code;
  const grids = useApi(
    () => (chosen ? allPages<Grid>('/api/grids', { communityId: chosen }) : Promise.resolve([] as Grid[])),
    [chosen],
  );
  const [sheetError, setSheetError] = useState<unknown>();
  const [printing, setPrinting] = useState(false);

  async function downloadSheet() {
    if (!chosen) return;
    setPrinting(true);
    setSheetError(undefined);
    try {
      const response = await api<Response>('/api/grids/qr-sheet', { query: { communityId: chosen }, raw: true, headers: { Accept: 'application/pdf' } });
      saveBlob(await response.blob(), `码上办-${chosen}.pdf`);
    } catch (failure) {
      setSheetError(failure);
    } finally {
      setPrinting(false);
    }
  }

  const shown = (grids.data ?? []).filter((g) => g.level !== 'MICRO');
  return (
    <Card
      title="码上办 · 网格二维码"
      extra={
        <Space>
          <Select
            style={{ width: 180 }}
            placeholder="社区"
            value={chosen}
            onChange={setCommunity}
            options={communities.data?.map((c) => ({ value: c.code, label: c.name }))}
          />
          <Button type="primary" onClick={() => void downloadSheet()} loading={printing} disabled={!chosen} data-testid="qr-sheet">
            下载打印页（A4 PDF）
          </Button>
        </Space>
      }
    >
      <ServiceAlert error={communities.error ?? grids.error} part="网格" onRetry={grids.reload} />
      <ServiceAlert error={sheetError} part="二维码打印页" />
      <Typography.Paragraph type="secondary">居民扫码后打开手机上报页，所在网格已自动填好。打印页每个网格和楼栋一个码，码下印有名称。</Typography.Paragraph>
      {grids.data && shown.length === 0 ? (
        <Empty description="此社区没有网格" />
      ) : (
        <Row gutter={[16, 16]}>
          {shown.map((grid) => (
            <Col key={grid.code} xs={12} md={8} xl={6} xxl={4}>
              <Card size="small" style={{ textAlign: 'center' }}>
                <AuthorizedImage path={`/api/grids/${grid.code}/qr`} alt={`${grid.name}二维码`} style={{ width: 160, height: 160, display: 'inline-block' }} />
                <div>{grid.name}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {grid.code}
                </Typography.Text>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
