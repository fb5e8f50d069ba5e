import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/csp.js';
import { serviceWorker } from './vite-plugin-sw.js';

export default defineConfig({
  // Relative URLs: the build runs from any path (the classroom server mounts it under /sandbox/).
  base: './',
  plugins: [react(), contentSecurityPolicy(), serviceWorker()],
  build: {
    target: 'es2022',
    sourcemap: true,
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});

/** The CSP meta tag, in the build only: the dev server's hot reload needs inline scripts. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'bosv2-sandbox-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
