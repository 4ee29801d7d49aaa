import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/*
 * The server's render of a page's first view (src/prerender.tsx), built after the app for Node into a folder the
 * API does not serve. Everything bundled: the API's image has none of the web app's packages.
 */
export default defineConfig({
  plugins: [react()],
  ssr: { noExternal: true, target: 'node' },
  // React's production build, as in the browser, whatever NODE_ENV the API runs with.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    ssr: 'src/prerender.tsx',
    outDir: 'dist/.server',
    emptyOutDir: false,
    rolldownOptions: {
      output: { entryFileNames: 'prerender.js', chunkFileNames: '[name]-[hash].js' },
      // The render imports the texts and Apollo's root that the tab loads on demand: on the server that is meant.
      onLog: (level, log, handler) => log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT' && handler(level, log),
    },
  },
});
