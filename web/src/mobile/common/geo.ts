import type { GeoJsonGeometry, Point } from '../types';

// Small plane geometry on grid boundaries (GeoJSON, lon/lat): enough to put a scanned grid's
// point inside it without a map library.

type Ring = number[][];

function polygonsOf(geometry: GeoJsonGeometry | undefined): Ring[][] {
  if (!geometry) {
    return [];
  }
  if (geometry.type === 'Polygon') {
    return [geometry.coordinates as Ring[]];
  }
  if (geometry.type === 'MultiPolygon') {
    return geometry.coordinates as Ring[][];
  }
  return [];
}

/** Ray casting: whether the point lies inside the ring. */
function inRing(point: Point, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > point.lat !== yj > point.lat && point.lon < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

export function contains(geometry: GeoJsonGeometry | undefined, point: Point): boolean {
  return polygonsOf(geometry).some(
    ([outer, ...holes]) => outer !== undefined && inRing(point, outer) && !holes.some((hole) => inRing(point, hole)),
  );
}

/** The area-weighted centroid of a ring (shoelace formula), worked out around its first vertex to keep precision. */
function ringCentroid(ring: Ring): { point: Point; area: number } {
  const [x0, y0] = ring[0];
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xj, yj] = [ring[j][0] - x0, ring[j][1] - y0];
    const [xi, yi] = [ring[i][0] - x0, ring[i][1] - y0];
    const cross = xj * yi - xi * yj;
    area += cross;
    x += (xj + xi) * cross;
    y += (yj + yi) * cross;
  }
  area /= 2;
  if (area === 0) {
    return { point: { lon: x0, lat: y0 }, area: 0 };
  }
  return { point: { lon: x0 + x / (6 * area), lat: y0 + y / (6 * area) }, area: Math.abs(area) };
}

/**
 * A point inside the grid to report at when only the grid is known (a scanned code): the centroid
 * of its largest polygon, or, for a shape bent around its centroid, the middle of a line across it.
 */
export function pointInside(geometry: GeoJsonGeometry | undefined): Point | undefined {
  const outers = polygonsOf(geometry)
    .map((polygon) => polygon[0])
    .filter((ring): ring is Ring => ring !== undefined && ring.length >= 3);
  if (outers.length === 0) {
    return undefined;
  }
  const largest = outers.map(ringCentroid).sort((a, b) => b.area - a.area)[0];
  const centre = { lon: round(largest.point.lon), lat: round(largest.point.lat) };
  if (contains(geometry, centre)) {
    return centre;
  }
  // Scan a horizontal line through the centroid for the middle of the first stretch inside.
  const ring = outers[0];
  const crossings: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > centre.lat !== yj > centre.lat) {
      crossings.push(((xj - xi) * (centre.lat - yi)) / (yj - yi) + xi);
    }
  }
  crossings.sort((a, b) => a - b);
  return crossings.length >= 2 ? { lon: round((crossings[0] + crossings[1]) / 2), lat: centre.lat } : centre;
}

/** Seven decimals: about a centimetre, more than any phone knows. */
export function round(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}
