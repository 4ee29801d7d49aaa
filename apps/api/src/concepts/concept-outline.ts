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

/** Licence names as an attribution states them. */
export const MATERIAL_LICENCE_LABELS: Record<string, string> = {
  CC_BY_4_0: 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.de)',
  CC_BY_SA_4_0: 'CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/deed.de)',
  CC0_1_0: 'CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/deed.de)',
  DL_DE_BY_2_0: 'Datenlizenz Deutschland – Namensnennung – Version 2.0 (https://www.govdata.de/dl-de/by-2-0)',
  ALL_RIGHTS_RESERVED: 'alle Rechte vorbehalten',
};
