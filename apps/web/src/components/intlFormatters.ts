type Formatter = { format(value: number | Date): string };

const formatters = new Map<string, Formatter>();

/**
 * Intl formatters are costly to create, and a list formats hundreds of values: one formatter per language and
 * style, made when first needed rather than at module load, where it would hold up the first paint.
 */
export function intlFormatter(key: string, create: () => Formatter): Formatter {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}
