import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { loadConfig } from '../../shared/config';

/** The demo district's centre, where a map starts before it has anything to fit. */
export const DISTRICT_CENTRE: L.LatLngExpression = [33.6, 119.02];

/**
 * A Leaflet map on the platform's own shapes. No tile server is needed: without a configured
 * tileUrl the map shows the grid boundaries on a plain background; with one, the tiles under them.
 */
export async function createMap(element: HTMLElement, options: L.MapOptions = {}): Promise<L.Map> {
  // Without tiles nothing sets a zoom range; marker clustering needs one.
  const map = L.map(element, { zoomControl: true, attributionControl: false, preferCanvas: true, minZoom: 10, maxZoom: 19, ...options });
  map.setView(DISTRICT_CENTRE, 14);
  const config = await loadConfig().catch(() => undefined);
  if (config?.tileUrl) {
    L.tileLayer(config.tileUrl, { maxZoom: 19 }).addTo(map);
  }
  return map;
}

export interface GridFeature {
  type: 'Feature';
  geometry: GeoJSON.Geometry;
  properties: { code?: string; name?: string; level?: string; communityId?: string; orgPath?: string; [key: string]: unknown };
}

// Grids (LEVEL_1 and any deeper numbered level) solid, micro-grids dashed.
const GRID_STYLE: L.PathOptions = { color: '#c41d1d', weight: 2, fillOpacity: 0.04 };
const MICRO_STYLE: L.PathOptions = { color: '#d48806', weight: 1, dashArray: '4 4', fillOpacity: 0 };
const styleOf = (level?: string) => (level === 'MICRO' ? MICRO_STYLE : GRID_STYLE);

/** Draws grid boundaries (GeoJSON) with their names as labels; returns the layer. */
export function drawGrids(map: L.Map, features: GridFeature[], labels = true): L.GeoJSON {
  const layer = L.geoJSON({ type: 'FeatureCollection', features } as GeoJSON.FeatureCollection, {
    style: (feature) => styleOf((feature?.properties as GridFeature['properties'])?.level),
    onEachFeature: (feature, shape) => {
      const props = feature.properties as GridFeature['properties'];
      if (labels && props?.level !== 'MICRO' && props?.name) {
        shape.bindTooltip(props.name, { permanent: true, direction: 'center', className: 'grid-label' });
      }
    },
  }).addTo(map);
  return layer;
}

export { L };
