/** The main sections, in the order the product grows; later issues fill each one. */
export const SECTIONS = [
  { key: 'search', path: '/suche' },
  { key: 'municipalities', path: '/kommunen' },
  { key: 'groups', path: '/arbeitsgruppen' },
  { key: 'materials', path: '/materialien' },
  { key: 'concepts', path: '/konzepte' },
  { key: 'rounds', path: '/austauschrunden' },
  { key: 'events', path: '/veranstaltungen' },
  { key: 'insights', path: '/zusammenarbeit' },
] as const;

export type SectionKey = (typeof SECTIONS)[number]['key'];
