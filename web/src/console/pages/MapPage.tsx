import { Card, Checkbox, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { allPages, MAX_CASE_PAGE_SIZE } from '../../shared/pages';
import { createMap, drawGrids, L, type GridFeature } from '../components/leaflet';
import { ServiceAlert } from '../components/ServiceAlert';
import { STATUS_HEX, STATUS_LABELS } from '../model/labels';
import { caseChanges } from '../model/live';
import { useSession } from '../model/session';
import { OPEN_STATUSES, type CaseStatus, type CaseView } from '../model/types';
import StationsLayer from '../StationsLayer';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';

/** leaflet.markercluster extends the global L, so Leaflet is made global before it loads. */
async function clusterGroup(): Promise<L.MarkerClusterGroup> {
  (window as unknown as { L: typeof L }).L = L;
  await import('leaflet.markercluster');
  return L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, chunkedLoading: true });
}

async function openCases(): Promise<CaseView[]> {
  const lists = await Promise.all(OPEN_STATUSES.map((status) => allPages<CaseView>('/api/cases', { status }, MAX_CASE_PAGE_SIZE)));
  return lists.flat().filter((c) => c.point);
}

/** 地图: the caller's grids from the platform's own boundaries and the open cases on them. */
export default function MapPage() {
  const session = useSession();
  const navigate = useNavigate();
  const element = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map>(undefined);
  const clusterRef = useRef<L.MarkerClusterGroup>(undefined);
  const [cases, setCases] = useState<CaseView[]>([]);
  const [shown, setShown] = useState<CaseStatus[]>(OPEN_STATUSES);
  const [gridError, setGridError] = useState<unknown>();
  const [caseError, setCaseError] = useState<unknown>();
  const [tick, setTick] = useState(0);

  useEffect(() => caseChanges.subscribe(() => setTick((t) => t + 1)), []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      if (!element.current) return;
      const map = await createMap(element.current);
      if (cancelled) {
        map.remove();
        return;
      }
      mapRef.current = map;
      clusterRef.current = (await clusterGroup()).addTo(map);
      try {
        const grids = await api<{ features: GridFeature[] }>('/api/grids/export');
        const orgPath = session.user.orgPath;
        const mine = grids.features.filter((f) => !orgPath || String(f.properties.orgPath ?? '').startsWith(orgPath));
        const layer = drawGrids(map, mine.length ? mine : grids.features);
        if (layer.getBounds().isValid()) map.fitBounds(layer.getBounds(), { padding: [16, 16] });
      } catch (failure) {
        setGridError(failure);
      }
    })();
    return () => {
      cancelled = true;
      mapRef.current?.remove();
      mapRef.current = undefined;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    openCases().then(
      (found) => {
        setCases(found);
        setCaseError(undefined);
      },
      setCaseError,
    );
  }, [tick]);

  useEffect(() => {
    const cluster = clusterRef.current;
    if (!cluster) return;
    cluster.clearLayers();
    const markers = cases
      .filter((c) => shown.includes(c.status))
      .map((c) =>
        L.circleMarker([c.point!.lat, c.point!.lon], { radius: 8, color: '#fff', weight: 1.5, fillColor: STATUS_HEX[c.status], fillOpacity: 0.95 })
          .bindTooltip(`${c.number} · ${STATUS_LABELS[c.status]} · ${c.categoryName ?? c.categoryCode}`)
          .on('click', () => navigate(`/cases/${c.id}`)),
      );
    cluster.addLayers(markers);
  }, [cases, shown, navigate, clusterRef.current]);

  const counts = (status: CaseStatus) => cases.filter((c) => c.status === status).length;

  return (
    <Card
      title="地图"
      extra={
        <Space>
          <Typography.Text type="secondary">未结案件 {cases.length} 件</Typography.Text>
        </Space>
      }
      styles={{ body: { padding: 12 } }}
    >
      <ServiceAlert error={gridError} part="网格边界" />
      <ServiceAlert error={caseError} part="案件点位" onRetry={() => setTick((t) => t + 1)} />
      <Checkbox.Group
        value={shown}
        onChange={(v) => setShown(v as CaseStatus[])}
        style={{ marginBottom: 8 }}
        options={OPEN_STATUSES.map((s) => ({
          value: s,
          label: (
            <Tag color={STATUS_HEX[s]} style={{ marginInlineEnd: 0 }}>
              {STATUS_LABELS[s]} {counts(s)}
            </Tag>
          ),
        }))}
      />
      <StationsLayer mapRef={mapRef} />
      <div ref={element} style={{ height: 'calc(100vh - 230px)', minHeight: 480, background: '#eef1f4' }} data-testid="case-map-page" />
    </Card>
  );
}
