import type { Plugin } from 'vite';
import { FIRST_VISIT_PAGES, PAGE_ROUTES, PRERENDERED_PAGES } from './src/app/page-routes';

/**
 * What the server announces for a path: the scripts and stylesheets of its page beyond those of the shell; and
 * whether it renders the page's first view (src/prerender.tsx).
 */
export interface RoutePreload {
  path: string;
  scripts: string[];
  styles: string[];
  firstView: boolean;
}

/**
 * Lists each route's page chunk and the chunks it imports statically in `.vite/routes.json` (see web-app-page.ts);
 * for a page rendered inside Apollo also Apollo's root and the feature texts (German, the default), which the page
 * waits for as well.
 */
export function routePreloads(): Plugin {
  return {
    name: 'verbund-route-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (file: string, seen = new Set<string>()): Set<string> => {
        if (seen.has(file)) return seen;
        seen.add(file);
        for (const dep of byFile.get(file)?.imports ?? []) closure(dep, seen);
        return seen;
      };
      const main = chunks.find((c) => c.isEntry && c.name === 'main');
      if (!main) this.error('no main entry');
      const shell = closure(main.fileName);
      // The chunk that holds a lazily loaded module: its own, or one the build merged it into (vite.config.ts).
      const dynamicEntry = (source: string) => {
        const chunk = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(source)));
        if (!chunk) this.error(`no chunk for ${source}`);
        return chunk.fileName;
      };
      // Mantine's stylesheets travel with the components (mantine-styles.ts), so a page's come with it as well.
      // Dependencies first, as Vite's own loader orders them: a component's rules after those of what it builds on.
      const stylesheets = (roots: string[]) => {
        const seen = new Set<string>();
        const styles = new Set<string>();
        const visit = (file: string) => {
          if (seen.has(file) || shell.has(file)) return;
          seen.add(file);
          for (const dep of byFile.get(file)?.imports ?? []) visit(dep);
          for (const css of byFile.get(file)?.viteMetadata?.importedCss ?? []) styles.add(css);
        };
        roots.forEach(visit);
        return [...styles];
      };
      const withApollo = [dynamicEntry('/src/app/ApolloRoot.tsx'), dynamicEntry('/src/i18n/locales/de/pages.json')];
      const routes: RoutePreload[] = PAGE_ROUTES.map(({ path, page }) => {
        const roots = [dynamicEntry(`/src/pages/${page}.tsx`), ...(FIRST_VISIT_PAGES.includes(page) ? [] : withApollo)];
        const scripts = [...new Set(roots.flatMap((root) => [...closure(root)]))].filter((f) => !shell.has(f));
        return {
          path,
          scripts: scripts.map((f) => `/${f}`),
          styles: stylesheets(roots).map((f) => `/${f}`),
          firstView: PRERENDERED_PAGES.includes(page),
        };
      });
      this.emitFile({ type: 'asset', fileName: '.vite/routes.json', source: JSON.stringify(routes, null, 1) });
    },
  };
}
