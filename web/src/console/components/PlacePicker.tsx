import { Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { centreOf } from '../model/onBehalf';
import type { GeoPoint } from '../model/types';
import { createMap, drawGrids, L, type GridFeature } from './leaflet';

/**
 * Where a walk-in or phone complaint happened: a click on the area's grid map, or a grid chosen
 * from the list when the caller gives an address only (the point is then the grid's middle and the
 * address goes in 位置说明). A Form control: value and onChange are the point.
 */
export default function PlacePicker({ value, onChange, grids, id }: {
  value?: GeoPoint;
  onChange?: (point: GeoPoint | undefined) => void;
  grids: GridFeature[];
  id?: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map>();
  const change = useRef(onChange);
  change.current = onChange;
  const [grid, setGrid] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    let created: L.Map | undefined;
    void (async () => {
      if (!element.current) return;
      // Quarter zoom steps, so a community's few grids fill the map instead of a corner of it.
      created = await createMap(element.current, { zoomSnap: 0.25 });
      if (cancelled) {
        created.remove();
        return;
      }
      created.on('click', (event: L.LeafletMouseEvent) => {
        setGrid(undefined);
        change.current?.({ lon: Number(event.latlng.lng.toFixed(6)), lat: Number(event.latlng.lat.toFixed(6)) });
      });
      setMap(created);
    })();
    return () => {
      cancelled = true;
      created?.remove();
    };
  }, []);

  // The grids may arrive after the map: draw them and fit the view to them.
  useEffect(() => {
    if (!map || grids.length === 0) return;
    const layer = drawGrids(map, grids);
    if (layer.getBounds().isValid()) map.fitBounds(layer.getBounds());
    return () => void layer.remove();
  }, [map, grids]);

  useEffect(() => {
    if (!map || !value) return;
    const marker = L.circleMarker([value.lat, value.lon], { radius: 9, color: '#1677ff', fillOpacity: 0.8 }).addTo(map);
    return () => void marker.remove();
  }, [map, value]);

  const choices = grids
    .filter((f) => f.properties.level !== 'MICRO' && f.properties.code)
    .map((f) => ({ value: f.properties.code as string, label: f.properties.name ?? (f.properties.code as string) }));

  return (
    <div id={id}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          showSearch
          allowClear
          optionFilterProp="label"
          style={{ width: 220 }}
          placeholder="只知道地址：选择所在网格"
          aria-label="所在网格"
          value={grid}
          options={choices}
          onChange={(code?: string) => {
            setGrid(code);
            const feature = grids.find((f) => f.properties.code === code);
            change.current?.(code ? centreOf(feature?.geometry) : undefined);
          }}
        />
        <Typography.Text type="secondary">或在地图上点击事发地点</Typography.Text>
      </Space>
      <div ref={element} style={{ height: 320, background: '#f5f5f5' }} data-testid="place-map" />
      <Typography.Text type="secondary" data-testid="place-point">
        {value ? `坐标 ${value.lon}, ${value.lat}${grid ? '（网格中心，请在位置说明中写明地址）' : ''}` : '尚未选择位置'}
      </Typography.Text>
    </div>
  );
}
