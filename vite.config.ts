import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is one page served by the hub (browser) or by the shell's app:// protocol (Electron).
export default defineConfig({
  root: 'renderer',
  base: './',
  // Copied as they are beside index.html: the default floor plan (emergency.info's 'floor-plan.svg').
  publicDir: '../resources/floor-plan',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // No inline scripts or styles: the CSP allows only the app's own files.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:7420' },
  },
});
