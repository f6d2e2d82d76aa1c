/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Keeps Ant Design's form engine (rc-field-form with its validator, ~30 KiB gzipped) out of the first
 * screen, which shows a table and no form. Two antd modules the table needs take one small thing from
 * the engine's index, and Rollup then puts everything that index imports into the table's chunk:
 * the form context (Input, Modal, Typography, Radio, Select import it) takes FormProvider, which now
 * comes from the module that defines it; Radio.Group takes toNamePathStr from antd's useForm hook,
 * which is one line over form/util and is written here. The forms load with the screens and dialogs
 * that have them.
 */
function formEngineOutOfTheFirstScreen(): Plugin {
  return {
    name: 'form-engine-out-of-the-first-screen',
    apply: 'build',
    transform(code, id) {
      if (/node_modules\/antd\/es\/form\/context\.js$/.test(id)) {
        const changed = code.replace(/from ['"]rc-field-form['"]/, "from 'rc-field-form/es/FormContext'");
        if (changed === code) this.warn('antd/es/form/context.js changed: the form engine is back in the first screen');
        return { code: changed, map: null };
      }
      if (/node_modules\/antd\/es\/radio\/group\.js$/.test(id)) {
        const changed = code.replace(
          /import \{ toNamePathStr \} from ['"]\.\.\/form\/hooks\/useForm['"];/,
          "import { toArray as toNamePath } from '../form/util';\nconst toNamePathStr = (name) => toNamePath(name).join('_');",
        );
        if (changed === code) this.warn('antd/es/radio/group.js changed: the form engine is back in the first screen');
        return { code: changed, map: null };
      }
      return null;
    },
  };
}

// Two pages from one build: the console at / and the phone pages at /m/. The gateway serves
// dist/ and falls back to the right index.html for client-side routes.
export default defineConfig({
  plugins: [react(), formEngineOutOfTheFirstScreen()],
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
