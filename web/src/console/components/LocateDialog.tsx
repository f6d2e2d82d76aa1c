import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../shared/api';
import { useSession } from '../model/session';
import type { CaseView } from '../model/types';
import { createMap, drawGrids, L, type GridFeature } from './leaflet';

/**
 * Sets the place of an unlocated report: the dispatcher clicks the point inside the area's grids;
 * case-service locates it (grid, community, org path) and records the event.
 */
export default function LocateDialog({ aCase, onClose, onDone }: { aCase: CaseView; onClose: () => void; onDone: () => void }) {
  const session = useSession();
  const element = useRef<HTMLDivElement>(null);
  const [point, setPoint] = useState<{ lon: number; lat: number } | undefined>(aCase.point);
  const [description, setDescription] = useState(aCase.locationDescription ?? '');
  const [refusal, setRefusal] = useState<string>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let map: L.Map | undefined;
    let marker: L.CircleMarker | undefined;
    let cancelled = false;
    void (async () => {
      if (!element.current) return;
      map = await createMap(element.current);
      if (cancelled) return;
      const grids = await api<{ features: GridFeature[] }>('/api/grids/export').catch(() => ({ features: [] }));
      const mine = grids.features.filter((f) => !session.user.orgPath || String(f.properties.orgPath ?? '').startsWith(session.user.orgPath));
      const layer = drawGrids(map, mine.length ? mine : grids.features);
      if (layer.getBounds().isValid()) map.fitBounds(layer.getBounds());
      const place = (lat: number, lng: number) => {
        marker?.remove();
        marker = L.circleMarker([lat, lng], { radius: 9, color: '#1677ff', fillOpacity: 0.8 }).addTo(map!);
      };
      if (aCase.point) place(aCase.point.lat, aCase.point.lon);
      map.on('click', (event: L.LeafletMouseEvent) => {
        place(event.latlng.lat, event.latlng.lng);
        setPoint({ lon: Number(event.latlng.lng.toFixed(6)), lat: Number(event.latlng.lat.toFixed(6)) });
      });
    })();
    return () => {
      cancelled = true;
      map?.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function save() {
    if (!point) return;
    setSaving(true);
    setRefusal(undefined);
    try {
      await api(`/api/cases/${aCase.id}/locate`, {
        method: 'POST',
        body: { point, locationDescription: description || undefined, version: aCase.version },
      });
      onDone();
    } catch (failure) {
      setRefusal(
        failure instanceof ApiError && failure.status === 404 && !failure.problem.type
          ? '案件服务尚不支持定位（POST /api/cases/{id}/locate 不存在）'
          : failure instanceof Error
            ? failure.message
            : String(failure),
      );
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open title={`定位 · ${aCase.number}`} onCancel={onClose} width={820} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        {aCase.unlocatedReason ? `未定位原因：${aCase.unlocatedReason}。` : ''}在地图上点击事发地点。
      </Typography.Paragraph>
      <div ref={element} style={{ height: 420, background: '#f5f5f5' }} data-testid="locate-map" />
      <Form layout="inline" style={{ marginTop: 12 }}>
        <Form.Item label="坐标">{point ? `${point.lon}, ${point.lat}` : '未选择'}</Form.Item>
        <Form.Item label="位置说明" style={{ flex: 1 }}>
          <Input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={200} />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon role="alert" message="定位未成功" description={refusal} style={{ marginTop: 12 }} />}
      <Space style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 12 }}>
        <Button onClick={onClose}>取消</Button>
        <Button type="primary" disabled={!point} loading={saving} onClick={() => void save()}>
          确定位置
        </Button>
      </Space>
    </Modal>
  );
}
