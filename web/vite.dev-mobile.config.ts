import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config';

// Scratch config for the mobile engineer's local checks (not committed).
export default mergeConfig(base, defineConfig({
  server: {
    port: 22173,
    strictPort: true,
    proxy: { '/api': { target: 'http://localhost:22080', configure: (proxy) => proxy.on('proxyReq', (req) => req.removeHeader('origin')) } },
  },
  plugins: [{
    name: 'config-json',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/m(\/[^.]*)?(\?.*)?$/.test(req.url)) {
          req.url = '/m/index.html';
        }
        next();
      });
      server.middlewares.use('/config.json', (_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ keycloakUrl: 'http://localhost:22180', realm: 'grassroots' }));
      });
    },
  }],
}));
