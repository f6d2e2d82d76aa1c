import { useEffect, useRef, useState } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { api } from '../../shared/api';
import { currentSession } from '../../shared/auth';
import { loadConfig } from '../../shared/config';
import type { GridFeature, Point } from '../types';

interface GridCollection {
  type: 'FeatureCollection';
  features: GridFeature[];
}

/**
 * The platform's own grid boundaries on a small Leaflet map (a tile server only if the deployment
 * names one): a tap puts the report's point there. Loaded only when the resident opens it.
 */
export default function GridMap({ point, onPick }: { point?: Point; onPick: (point: Point) => void }) {
  const holder = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | undefined>(undefined);
  const marker = useRef<L.CircleMarker | undefined>(undefined);
  const pick = useRef(onPick);
  pick.current = onPick;
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    const created = L.map(holder.current!, { zoomControl: true, attributionControl: false });
    map.current = created;
    created.setView([33.6, 119.02], 14);
    // The chosen point sits above the grids' name labels (tooltip pane, 650), never hidden by one.
    created.createPane('pick').style.zIndex = '700';
    // Grid names only where they can be read: from zoom 15 on.
    const labels = () => holder.current?.classList.toggle('m-map-far', created.getZoom() < 15);
    created.on('zoomend', labels);
    created.on('click', (event: L.LeafletMouseEvent) => pick.current({ lon: event.latlng.lng, lat: event.latlng.lat }));
    loadConfig().then((config) => {
      if (config.tileUrl) {
        L.tileLayer(config.tileUrl, { maxZoom: 19 }).addTo(created);
      }
    });
    api<GridCollection>('/api/grids/export').then(
      (grids) => {
        // Grids first, micro-grids on top and lighter, so a tap finds the smallest one.
        const ordered = [...grids.features].sort((a, b) => rank(a) - rank(b));
        const layer = L.geoJSON(ordered as unknown as GeoJSON.FeatureCollection, {
          style: (feature) => {
            const micro = (feature as unknown as GridFeature | undefined)?.properties.level === 'MICRO';
            return micro
              ? { color: '#c8161d', weight: 1, opacity: 0.5, fillOpacity: 0.04, dashArray: '3 3' }
              : { color: '#c8161d', weight: 2, opacity: 0.9, fillColor: '#fbe3e4', fillOpacity: 0.35 };
          },
          onEachFeature: (feature, shape) => {
            const grid = feature as unknown as GridFeature;
            if (grid.properties.level !== 'MICRO') {
              shape.bindTooltip(grid.properties.name, { permanent: true, direction: 'center', className: 'm-map-label' });
            }
            shape.on('click', (event: L.LeafletMouseEvent) => {
              L.DomEvent.stopPropagation(event);
              pick.current({ lon: event.latlng.lng, lat: event.latlng.lat });
            });
          },
        }).addTo(created);
        // Open on the caller's own community when they have one (grid workers, residents placed by
        // staff), else on every grid.
        const community = communityOf(currentSession()?.user.orgPath);
        const own = ordered.filter((grid) => community && grid.properties.communityId === community);
        const bounds = own.length > 0 ? L.geoJSON(own as unknown as GeoJSON.FeatureCollection).getBounds() : layer.getBounds();
        if (bounds.isValid()) {
          created.fitBounds(bounds, { padding: [8, 8] });
        }
        // A point chosen already (a scanned code, the phone's position) stays in the middle.
        if (marker.current) {
          created.setView(marker.current.getLatLng(), Math.max(created.getZoom(), 16));
        }
      },
      (problem: unknown) => setFailure(problem instanceof Error ? problem.message : String(problem)),
    );
    return () => {
      created.remove();
      map.current = undefined;
      marker.current = undefined;
    };
  }, []);

  useEffect(() => {
    const shown = map.current;
    if (!shown || !point) {
      return;
    }
    const at = L.latLng(point.lat, point.lon);
    if (marker.current) {
      marker.current.setLatLng(at);
    } else {
      marker.current = L.circleMarker(at, {
        pane: 'pick',
        radius: 10,
        color: '#fff',
        weight: 3,
        fillColor: '#1d5fd6',
        fillOpacity: 1,
      }).addTo(shown);
    }
  }, [point]);

  return (
    <div className="m-map-box">
      <div ref={holder} className="m-map" data-testid="grid-map" role="application" aria-label="网格图：点按选择问题位置" />
      <p className="m-hint">{failure ? `网格图加载失败：${failure}` : '点按地图选择问题所在位置，红线为网格边界'}</p>
    </div>
  );
}

/** The community of an org path such as /qjp/qjp-pulou/qjp-pulou-chengnan (district, street, community). */
function communityOf(orgPath: string | undefined): string | undefined {
  return orgPath?.split('/').filter(Boolean)[2];
}

function rank(feature: GridFeature): number {
  return feature.properties.level === 'MICRO' ? 9 : Number(feature.properties.level.replace('LEVEL_', '')) || 0;
}
