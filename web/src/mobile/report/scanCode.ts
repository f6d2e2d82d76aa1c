// 码上办: a code printed on a grid board or a building opens /m/report?grid=<code>[&building=<id>].
// The query is read once, checked, and survives the sign-in round trip because keycloak-js comes
// back to the full address it left from.

/** Grid codes are digits (区划 code + street + community + grid …), e.g. 320812001001001. */
const GRID_CODE = /^\d{6,32}$/;
/** A building as grid-service names it: letters, digits, - and _ (e.g. 3, 12-A, b7). */
const BUILDING = /^[\p{L}\p{N}_-]{1,64}$/u;

export interface ScannedCode {
  grid?: string;
  building?: string;
  /** Set when the address carries a code that cannot be one of ours. */
  problem?: string;
}

export function readScannedCode(search: string): ScannedCode {
  const params = new URLSearchParams(search);
  const grid = params.get('grid')?.trim();
  const building = params.get('building')?.trim();
  if (!grid) {
    return building ? { problem: '二维码缺少网格编号，请直接选择位置上报' } : {};
  }
  if (!GRID_CODE.test(grid)) {
    return { problem: '二维码中的网格编号无法识别，请直接选择位置上报' };
  }
  if (building !== undefined && building !== '' && !BUILDING.test(building)) {
    return { grid, problem: '二维码中的楼栋编号无法识别，已只填入网格' };
  }
  return building ? { grid, building } : { grid };
}

/** The address line a scanned code fills in: the grid's name and the building. */
export function scannedAddress(gridName: string, building?: string): string {
  if (!building) {
    return gridName;
  }
  return `${gridName} ${/^\d+$/.test(building) ? `${building}号楼` : building}`;
}
