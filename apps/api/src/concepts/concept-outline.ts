/** The usual outline of a kommunales Integrationskonzept, offered when a concept starts. */
export const STANDARD_OUTLINE = [
  'Leitbild',
  'Ausgangslage und Daten',
  'Handlungsfeld Sprache',
  'Handlungsfeld Bildung',
  'Handlungsfeld Arbeit',
  'Handlungsfeld Wohnen',
  'Handlungsfeld Gesundheit',
  'Handlungsfeld Teilhabe',
  'Maßnahmen',
  'Umsetzung und Evaluation',
] as const;

/** Licences under which others may adapt a concept (not "all rights reserved"). */
export const ADAPTABLE_LICENCES = new Set(['CC_BY_4_0', 'CC_BY_SA_4_0', 'CC0_1_0', 'DL_DE_BY_2_0']);
