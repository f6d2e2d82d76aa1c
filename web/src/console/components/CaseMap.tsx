import { useEffect, useRef } from 'react';
import { api } from '../../shared/api';
import { STATUS_HEX } from '../model/labels';
import type { CaseView } from '../model/types';
import { createMap, drawGrids, L, type GridFeature } from './leaflet';

interface GridWithBoundary {
  code: string;
  name: string;
  level: string;
  boundary?: GeoJSON.Geometry;
}

/** The case's point inside its grid's boundary (and the enclosing grid's, for a micro-grid). */
export default function CaseMap({ aCase, onError }: { aCase: CaseView; onError: (e: unknown) => void }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let map: L.Map | undefined;
    let cancelled = false;
    void (async () => {
      if (!element.current) return;
      map = await createMap(element.current, { scrollWheelZoom: false });
      if (cancelled) return;
      const codes = aCase.gridCode ? [aCase.gridCode, ...(aCase.gridCode.length > 15 ? [aCase.gridCode.slice(0, 15)] : [])] : [];
      try {
        const grids = await Promise.all(codes.map((code) => api<GridWithBoundary>(`/api/grids/${code}`)));
        if (cancelled) return;
        const features: GridFeature[] = grids
          .filter((g) => g.boundary)
          .map((g) => ({ type: 'Feature', geometry: g.boundary!, properties: { code: g.code, name: g.name, level: g.level } }));
        const layer = drawGrids(map, features);
        if (layer.getBounds().isValid()) map.fitBounds(layer.getBounds(), { padding: [20, 20] });
      } catch (failure) {
        onError(failure);
      }
      if (aCase.point) {
        L.circleMarker([aCase.point.lat, aCase.point.lon], { radius: 10, color: '#fff', weight: 2, fillColor: STATUS_HEX[aCase.status], fillOpacity: 1 })
          .bindTooltip(aCase.locationDescription ?? aCase.number)
          .addTo(map);
        if (!aCase.gridCode) map.setView([aCase.point.lat, aCase.point.lon], 16);
      }
    })();
    return () => {
      cancelled = true;
      map?.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [aCase.id, aCase.gridCode, aCase.status]);
  return <div ref={element} style={{ height: 300, background: '#f5f5f5' }} data-testid="case-map" />;
}
