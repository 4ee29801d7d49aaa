type Formatter = { format(value: number | Date): string };

const formatters = new Map<string, Formatter>();

/**
 * Intl formatters are costly to create (the first one with a time zone loads its rules; a phone spends 100 ms on
 * it), and a list formats hundreds of values: one formatter per language and style, made when first needed.
 */
export function intlFormatter(key: string, create: () => Formatter): Formatter {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}
