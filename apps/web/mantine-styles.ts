import type { Plugin } from 'vite';

const MANTINE_CLASSES = /[\\/]@mantine[\\/]core[\\/]esm[\\/].*[\\/](\w+)\.module\.mjs$/;

/**
 * Each Mantine component's stylesheet travels with the component instead of all of Mantine's 256 kB before the
 * first paint. Every component's class names come from its `X.module.mjs`, and Mantine ships the matching
 * `styles/X.layer.css`, so the stylesheet is imported there. Appended after the module's imports: a component
 * imports the components it builds on first, so their rules come first, as in Mantine's whole stylesheet. In the
 * `mantine` layer, so the app's own rules (styles.css) win whatever order the files arrive in.
 */
export function mantineComponentStyles(): Plugin {
  let development = false;
  return {
    name: 'verbund-mantine-component-styles',
    enforce: 'pre',
    configResolved(config) {
      development = config.command === 'serve';
    },
    transform(code, id) {
      // The development server serves Mantine pre-bundled as one file: there the whole stylesheet comes first.
      if (development) return id.endsWith('/src/main.tsx') ? { code: `import '@mantine/core/styles.layer.css';\n${code}`, map: null } : null;
      const name = MANTINE_CLASSES.exec(id)?.[1];
      if (!name) return null;
      return { code: `${code}\nimport '@mantine/core/styles/${name}.layer.css';\n`, map: null };
    },
  };
}
