/**
 * The one managed list of topics, used by memberships, working groups, materials and (later) concepts, rounds
 * and events. Keys are stored; labels live in the web app's translations. Append only: a key once stored
 * must keep its meaning.
 */
export const TOPICS = [
  'SPRACHE',
  'ARBEIT_AUSBILDUNG',
  'WOHNEN',
  'BILDUNG_SCHULE',
  'GESUNDHEIT',
  'EHRENAMT',
  'ANTIDISKRIMINIERUNG',
  'ASYL_AUFENTHALT',
  'FRAUEN_FAMILIE',
  'KINDER_JUGEND',
  'SPORT_KULTUR',
  'VERWALTUNG_STRATEGIE',
  'BERATUNG_BEGLEITUNG',
  'TEILHABE_PARTIZIPATION',
] as const;

export type Topic = (typeof TOPICS)[number];

/** German labels, for server-side texts (mails, search documents); the web app has its own translations. */
export const TOPIC_LABELS_DE: Record<Topic, string> = {
  SPRACHE: 'Sprache',
  ARBEIT_AUSBILDUNG: 'Arbeit und Ausbildung',
  WOHNEN: 'Wohnen',
  BILDUNG_SCHULE: 'Bildung und Schule',
  GESUNDHEIT: 'Gesundheit',
  EHRENAMT: 'Ehrenamt',
  ANTIDISKRIMINIERUNG: 'Antidiskriminierung',
  ASYL_AUFENTHALT: 'Asyl- und Aufenthaltsrecht',
  FRAUEN_FAMILIE: 'Frauen und Familie',
  KINDER_JUGEND: 'Kinder und Jugend',
  SPORT_KULTUR: 'Sport und Kultur',
  VERWALTUNG_STRATEGIE: 'Verwaltung und Strategie',
  BERATUNG_BEGLEITUNG: 'Beratung und Begleitung',
  TEILHABE_PARTIZIPATION: 'Teilhabe und Partizipation',
};
