// Renders each page without parameters for a visitor without a session (src/prerender.tsx) into
// dist/.vite/prerendered.json, which the server puts into the page it sends (apps/api/src/core/http/web-app-page.ts).
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const web = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// Inside the project, so that the bundle's imports resolve to its packages.
const outDir = path.join(web, 'node_modules', '.prerender');
// The page's nonce placeholder (vite.config.ts html.cspNonce): the server writes each response's nonce over it.
const NONCE = '__CSP_NONCE__';

try {
  await build({
    configFile: false,
    root: web,
    logLevel: 'warn',
    plugins: [react()],
    build: { ssr: 'src/prerender.tsx', outDir, emptyOutDir: true, sourcemap: false },
  });
  const { prerender, PRERENDERED_PATHS } = await import(pathToFileURL(path.join(outDir, 'prerender.js')).href);
  const pages = {};
  for (const p of PRERENDERED_PATHS) pages[p] = await prerender(p, NONCE);
  fs.writeFileSync(path.join(web, 'dist', '.vite', 'prerendered.json'), JSON.stringify(pages));
  console.log(`prerendered ${PRERENDERED_PATHS.length} pages`);
} finally {
  fs.rmSync(outDir, { recursive: true, force: true });
}
