import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/*
 * The development GraphQL explorer, built after the app into the same folder (served by the API outside
 * production only). A build of its own: as a second entry of the app's build it shared files with the app, and its
 * first script (GraphiQL) decided how the app's shared code was split.
 */
export default defineConfig({
  plugins: [react()],
  html: { cspNonce: '__CSP_NONCE__' },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    rolldownOptions: {
      input: { explorer: 'explorer.html' },
      output: {
        entryFileNames: 'assets/explorer/[name]-[hash].js',
        chunkFileNames: 'assets/explorer/[name]-[hash].js',
        assetFileNames: 'assets/explorer/[name]-[hash][extname]',
      },
    },
    chunkSizeWarningLimit: 5000,
  },
});
