import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { mantineComponentStyles } from './mantine-styles';
import { routePreloads } from './route-preloads';

const api = process.env.VERBUND_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  // Every asset also as .br and .gz: the API sends the precompressed file a browser accepts (no work per request).
  plugins: [
    react(),
    mantineComponentStyles(),
    routePreloads(),
    compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.map$/, /\.html$/], threshold: 1024 }),
  ],
  // The API replaces this placeholder with per-response nonces and sends a matching Content-Security-Policy.
  html: { cspNonce: '__CSP_NONCE__' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // bench/web-weight.mjs reads which chunks each route loads.
    manifest: true,
    // The development GraphQL explorer is built after this (vite.explorer.config.ts).
    rolldownOptions: {
      input: { main: 'index.html' },
      // What a page needs before it shows goes out as one file, not two dozen shared slivers: on a phone each
      // extra request waits its turn for one of six connections and a round trip.
      output: {
        // Small shared subgroups are merged only up to 20 kB: a larger threshold pulled modules only later pages use
        // (floating-ui, the inputs) into the first script.
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'], entriesAware: true, entriesAwareMergeThreshold: 20_000 },
            // Mantine's text inputs, which nearly every form (and so the sign-in page) needs, as one file, not six.
            { name: 'inputs', test: /[\\/]@mantine[\\/]core[\\/]esm[\\/]components[\\/](Input|InputBase|TextInput|PasswordInput|ActionIcon|CloseButton)[\\/]/ },
            // Apollo Client, its helpers and the app's client as one file: pages import its hooks in a dozen combinations.
            // Before the overlays, which share tslib with rxjs: every page with an overlay loads Apollo anyway.
            {
              name: 'apollo',
              test: /[\\/]node_modules[\\/](@apollo|@wry|optimism|rxjs|ts-invariant|@graphql-typed-document-node|tslib)[\\/]|[\\/]node_modules[\\/]graphql[\\/](jsutils|language)[\\/]|[\\/]src[\\/](app[\\/](apollo|ApolloRoot|forgetLists)|gql[\\/]possible-types|gql[\\/]documents[\\/]MeDocument|features[\\/]accounts[\\/]useViewer)\.tsx?$/,
            },
            // Popovers, option lists and dialogs with what they build on (floating-ui, focus trap, scroll lock) as one
            // file: nearly every feature page has a select or a confirmation, and split they were ten small files.
            {
              name: 'overlays',
              test: /[\\/]node_modules[\\/](@floating-ui|react-remove-scroll|react-remove-scroll-bar|use-callback-ref|use-sidecar|react-style-singleton|aria-hidden)[\\/]|[\\/]@mantine[\\/]core[\\/]esm[\\/]components[\\/](Combobox|Popover|Portal|FocusTrap|ScrollArea|Checkbox|Select|MultiSelect|NativeSelect|Pill|PillsInput|Transition|Modal|ModalBase|Overlay)[\\/]/,
            },
          ],
        },
        // The group's chunks are named after every page that shares them: a short name is enough.
        chunkFileNames: (chunk) => (chunk.name.startsWith('app~') ? 'assets/app-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': api,
      '/healthz': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
