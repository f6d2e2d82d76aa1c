/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Two pages from one build: the console at / and the phone pages at /m/. The gateway serves
// dist/ and falls back to the right index.html for client-side routes.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    // The gateway caches /assets/* forever: every name carries its content hash.
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: {
        console: resolve(__dirname, 'index.html'),
        mobile: resolve(__dirname, 'm/index.html'),
      },
    },
  },
  server: {
    port: 5173,
    // In development the API and /config.json come from a running gateway.
    proxy: {
      '/api': process.env.GATEWAY_URL ?? 'http://localhost:8080',
      '/config.json': process.env.GATEWAY_URL ?? 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    css: false,
    // Ant Design forms in jsdom are slow on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
