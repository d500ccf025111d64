/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The nonce the gateway puts into each answer's index.html and CSP (see its console serving). */
const CSP_NONCE_PLACEHOLDER = '__CSP_NONCE__';

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  // Vite marks its tags and adds <meta property="csp-nonce">, whose nonce the component library
  // gives to the style elements it adds at run time.
  html: { cspNonce: CSP_NONCE_PLACEHOLDER },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  // `npm run dev -w @onramp/console` against a gateway started by `npm start`.
  server: { proxy: { '/v1': 'http://127.0.0.1:8080' } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
