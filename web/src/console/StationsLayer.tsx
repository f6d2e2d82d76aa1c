import { Checkbox, Tag } from 'antd';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { allPages } from '../shared/pages';
import { L } from './components/leaflet';
import { ServiceAlert } from './components/ServiceAlert';

export type StationKind = 'PARTY_SERVICE_CENTER' | 'RED_STATION' | 'WARM_HEART_STATION' | 'COURIER_STATION';

export interface Station {
  code: string;
  kind: StationKind;
  name: string;
  unitCode: string;
  address: string;
  point: { lon: number; lat: number };
  hours: { days: string[]; opens: string; closes: string }[];
  facilities: { code: string; label: string }[];
  contact: { role: string; dutyPhone?: string | null };
  status: 'ACTIVE' | 'CLOSED';
}

export const STATION_KIND_LABELS: Record<StationKind, string> = {
  PARTY_SERVICE_CENTER: '党群服务中心',
  RED_STATION: '红色驿站',
  WARM_HEART_STATION: '暖心驿站',
  COURIER_STATION: '小哥驿站',
};

const KIND_HEX: Record<StationKind, string> = {
  PARTY_SERVICE_CENTER: '#c41d1d',
  RED_STATION: '#e8590c',
  WARM_HEART_STATION: '#d6336c',
  COURIER_STATION: '#1971c2',
};

const DAY_LABELS: Record<string, string> = {
  MONDAY: '一', TUESDAY: '二', WEDNESDAY: '三', THURSDAY: '四', FRIDAY: '五', SATURDAY: '六', SUNDAY: '日',
};

/** "周一至周五 08:30–17:30；周六 09:00–12:00", or "全天开放" for a whole-day, every-day period. */
export function hoursText(hours: Station['hours']): string {
  return hours
    .map((h) => {
      if (h.days.length === 7 && h.opens === '00:00' && h.closes === '00:00') return '全天开放';
      const days = h.days.map((d) => DAY_LABELS[d] ?? d);
      const run = days.length > 2 && h.days.every((d, i) => i === 0 || Object.keys(DAY_LABELS).indexOf(d) === Object.keys(DAY_LABELS).indexOf(h.days[i - 1]) + 1);
      const dayText = run ? `周${days[0]}至周${days[days.length - 1]}` : days.map((d) => `周${d}`).join('、');
      return `${dayText} ${h.opens}–${h.closes === '00:00' ? '24:00' : h.closes}`;
    })
    .join('；');
}

/** The tooltip of a station: what it is, who runs it, when it is open, what it offers, whom to ask. */
export function stationTooltip(s: Station): string {
  const contact = s.contact.dutyPhone ? `${s.contact.role} ${s.contact.dutyPhone}` : s.contact.role;
  return [
    `<b>${escape(s.name)}</b> · ${STATION_KIND_LABELS[s.kind]}`,
    escape(s.address),
    hoursText(s.hours),
    s.facilities.map((f) => f.label).join(' · '),
    escape(contact),
  ].filter(Boolean).join('<br/>');
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * 服务阵地 on the console's map: the open stations of the registry as small squares coloured by kind,
 * with a switch to hide them. Given the map page's map (a ref set once the map exists).
 */
export default function StationsLayer({ mapRef }: { mapRef: RefObject<L.Map | undefined> }) {
  const [stations, setStations] = useState<Station[]>([]);
  const [shown, setShown] = useState(true);
  const [error, setError] = useState<unknown>();
  const [map, setMap] = useState<L.Map>();
  const layer = useRef<L.LayerGroup>(undefined);

  // The map page creates its map asynchronously: wait for it.
  useEffect(() => {
    if (map) return;
    const timer = setInterval(() => {
      if (mapRef.current) setMap(mapRef.current);
    }, 200);
    return () => clearInterval(timer);
  }, [map, mapRef]);

  useEffect(() => {
    allPages<Station>('/api/stations').then(
      (all) => setStations(all.filter((s) => s.status === 'ACTIVE')),
      setError,
    );
  }, []);

  useEffect(() => {
    if (!map) return;
    layer.current?.remove();
    if (!shown) return;
    layer.current = L.layerGroup(
      stations.map((s) =>
        L.marker([s.point.lat, s.point.lon], {
          icon: L.divIcon({
            className: 'station-marker',
            html: `<div data-station="${s.code}" style="width:14px;height:14px;background:${KIND_HEX[s.kind]};border:2px solid #fff;box-shadow:0 0 2px #333;color:#fff;font-size:9px;line-height:14px;text-align:center">站</div>`,
            iconSize: [18, 18],
          }),
          title: s.name,
        }).bindTooltip(stationTooltip(s)),
      ),
    ).addTo(map);
    return () => {
      layer.current?.remove();
    };
  }, [map, stations, shown]);

  return (
    <>
      <ServiceAlert error={error} part="服务阵地" />
      <Checkbox checked={shown} onChange={(e) => setShown(e.target.checked)} style={{ marginBottom: 8 }} data-testid="stations-toggle">
        <Tag color="#c41d1d" style={{ marginInlineEnd: 0 }}>
          服务阵地 {stations.length}
        </Tag>
      </Checkbox>
    </>
  );
}
