/**
 * What the front end needs to know about its deployment, served by the gateway at /config.json
 * (from the gateway's own settings), so one build runs against any Keycloak and any tile server.
 */
export interface WebConfig {
  /** Keycloak's base URL as the browser reaches it, e.g. http://localhost:8180 */
  keycloakUrl: string;
  realm: string;
  /** A raster tile URL template ({z}/{x}/{y}); absent: maps draw only the platform's own shapes. */
  tileUrl?: string;
}

let loaded: Promise<WebConfig> | undefined;

/** Reads /config.json once per page. */
export function loadConfig(): Promise<WebConfig> {
  loaded ??= fetch('/config.json', { headers: { Accept: 'application/json' }, cache: 'no-cache' }).then(
    async (response) => {
      if (!response.ok) {
        throw new Error(`配置读取失败（/config.json 返回 ${response.status}）`);
      }
      const config = (await response.json()) as WebConfig;
      if (!config.keycloakUrl || !config.realm) {
        throw new Error('配置不完整：缺少 keycloakUrl 或 realm');
      }
      return config;
    },
  );
  return loaded;
}
