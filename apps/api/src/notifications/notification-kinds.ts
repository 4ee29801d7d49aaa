import type { NotificationChannel, NotificationKind } from '../generated/prisma/client.js';

export type Locale = 'de' | 'en';

/** Ids a notification refers to; the names are looked up when its text is made. */
export interface NotificationPayload {
  actorId?: string;
  groupId?: string;
  threadId?: string;
  postId?: string;
  organizationId?: string;
  materialId?: string;
  /** CONCEPT_UPSTREAM_CHANGED: the adaptation, and the concept it follows. */
  conceptId?: string;
  upstreamConceptId?: string;
  /** CONCEPT_COMMENT_MENTION: where the comment is. */
  sectionId?: string;
  commentId?: string;
  versionNumber?: number;
  /**
   * ROUND_*: the date, its start (ISO), and for ROUND_CHANGED what happened; `withdrawn`: the person's registration
   * ended as the round is no longer open to them, for `count` dates of its series from this one.
   */
  roundId?: string;
  startsAt?: string;
  change?: 'cancelled' | 'moved' | 'withdrawn';
  count?: number;
  /**
   * EVENT_*: the event, its (next) start, and for EVENT_CHANGED what happened; `registration`: registering no longer
   * runs through Verbund (`registrationMode` says how it goes on) and the person's place or waiting ended.
   * OFFER_NEW: the offer.
   */
  eventId?: string;
  eventChange?: 'cancelled' | 'changed' | 'withdrawn' | 'registration';
  registrationMode?: 'NONE' | 'EXTERNAL';
  offerId?: string;
  /** COOPERATION_SUGGESTION: for which municipality, with which neighbour, and what (with its id above). */
  municipalityId?: string;
  neighbourId?: string;
  suggestion?: 'GROUP' | 'ROUND' | 'EVENT' | 'CONCEPT' | 'OFFER';
  seriesId?: string;
  /** REQUEST_DECIDED: what the request was for, and the answer. */
  target?: 'group' | 'organization';
  approved?: boolean;
  /** MEMBERSHIP_ROLE_CHANGED: whether the person now has the organisation's admin rights. */
  admin?: boolean;
}

/** Names of what the payload refers to, as they are now (null: deleted since). */
export interface Names {
  actor: string | null;
  group: string | null;
  thread: string | null;
  organization: string | null;
  material: string | null;
  concept: string | null;
  upstreamConcept: string | null;
  section: string | null;
  round: string | null;
  event: string | null;
  offer: string | null;
  municipality: string | null;
  neighbour: string | null;
}

interface KindRule {
  /** Until the person chooses: requests and invitations need an answer, so they come by mail at once. */
  defaultChannel: NotificationChannel;
  link(p: NotificationPayload): string;
  /** Subject of a mail about one such notification. */
  subject: Record<Locale, string>;
  text: Record<Locale, (p: NotificationPayload, n: Names) => string>;
}

const someone = { de: 'Ein ehemaliges Mitglied', en: 'A former member' } as const;
const q = { de: (s: string | null) => `„${s ?? '…'}“`, en: (s: string | null) => `“${s ?? '…'}”` } as const;

export const NOTIFICATION_KINDS: Record<NotificationKind, KindRule> = {
  MENTION: {
    subject: { de: 'Sie wurden in einer Diskussion erwähnt', en: 'You were mentioned in a discussion' },
    defaultChannel: 'EMAIL',
    link: (p) => `/arbeitsgruppen/${p.groupId}?diskussion=${p.threadId}#beitrag-${p.postId}`,
    text: {
      de: (p, n) => `${n.actor ?? someone.de} hat Sie in der Diskussion ${q.de(n.thread)} der Arbeitsgruppe ${q.de(n.group)} erwähnt.`,
      en: (p, n) => `${n.actor ?? someone.en} mentioned you in the discussion ${q.en(n.thread)} of the working group ${q.en(n.group)}.`,
    },
  },
  GROUP_INVITATION: {
    subject: { de: 'Einladung in eine Arbeitsgruppe', en: 'Invitation to a working group' },
    defaultChannel: 'EMAIL',
    link: (p) => `/arbeitsgruppen/${p.groupId}`,
    text: {
      de: (p, n) => `${n.actor ?? someone.de} hat Sie in die Arbeitsgruppe ${q.de(n.group)} eingeladen.`,
      en: (p, n) => `${n.actor ?? someone.en} invited you to the working group ${q.en(n.group)}.`,
    },
  },
  GROUP_JOIN_REQUEST: {
    subject: { de: 'Neue Anfrage an Ihre Arbeitsgruppe', en: 'New request to join your working group' },
    defaultChannel: 'EMAIL',
    link: (p) => `/arbeitsgruppen/${p.groupId}`,
    text: {
      de: (p, n) => `${n.actor ?? someone.de} möchte der Arbeitsgruppe ${q.de(n.group)} beitreten.`,
      en: (p, n) => `${n.actor ?? someone.en} asks to join the working group ${q.en(n.group)}.`,
    },
  },
  ORGANIZATION_JOIN_REQUEST: {
    subject: { de: 'Neue Aufnahmeanfrage', en: 'New membership request' },
    defaultChannel: 'EMAIL',
    link: () => '/anfragen',
    text: {
      de: (p, n) => `${n.actor ?? someone.de} möchte ${q.de(n.organization)} auf Verbund angehören.`,
      en: (p, n) => `${n.actor ?? someone.en} asks to join ${q.en(n.organization)} on Verbund.`,
    },
  },
  REQUEST_DECIDED: {
    subject: { de: 'Ihre Anfrage wurde entschieden', en: 'Your request was decided' },
    defaultChannel: 'EMAIL',
    link: (p) => (p.target === 'group' ? `/arbeitsgruppen/${p.groupId}` : '/konto'),
    text: {
      de: (p, n) => `Ihre Anfrage an ${q.de(p.target === 'group' ? n.group : n.organization)} wurde ${p.approved ? 'angenommen' : 'abgelehnt'}.`,
      en: (p, n) => `Your request to ${q.en(p.target === 'group' ? n.group : n.organization)} was ${p.approved ? 'accepted' : 'declined'}.`,
    },
  },
  MEMBERSHIP_ROLE_CHANGED: {
    subject: { de: 'Ihre Rechte in einer Organisation haben sich geändert', en: 'Your rights in an organisation have changed' },
    defaultChannel: 'EMAIL',
    link: () => '/konto',
    text: {
      de: (p, n) =>
        p.admin
          ? `${n.actor ?? someone.de} hat Ihnen Admin-Rechte für ${q.de(n.organization)} gegeben: Sie entscheiden jetzt über Aufnahmeanfragen mit.`
          : `${n.actor ?? someone.de} hat Ihnen die Admin-Rechte für ${q.de(n.organization)} entzogen. Sie bleiben Mitglied.`,
      en: (p, n) =>
        p.admin
          ? `${n.actor ?? someone.en} gave you admin rights for ${q.en(n.organization)}: you now help decide membership requests.`
          : `${n.actor ?? someone.en} took back your admin rights for ${q.en(n.organization)}. You remain a member.`,
    },
  },
  MATERIAL_VERSION: {
    subject: { de: 'Neue Version eines Materials', en: 'New version of a material' },
    defaultChannel: 'DIGEST',
    link: (p) => `/materialien/${p.materialId}`,
    text: {
      de: (p, n) => `Neue Version ${p.versionNumber ?? ''} von ${q.de(n.material)}, das Sie als nützlich markiert haben.`.replace('  ', ' '),
      en: (p, n) => `New version ${p.versionNumber ?? ''} of ${q.en(n.material)}, which you marked as useful.`.replace('  ', ' '),
    },
  },
  CONCEPT_UPSTREAM_CHANGED: {
    subject: { de: 'Neue Version eines Konzepts, das Sie angepasst haben', en: 'New version of a concept you adapted' },
    defaultChannel: 'EMAIL',
    link: (p) => `/konzepte/${p.conceptId}?abgleich=1`,
    text: {
      de: (p, n) =>
        `${q.de(n.upstreamConcept)} ist in Version ${p.versionNumber} erschienen: Ihre Anpassung ${q.de(n.concept)} kann die Änderungen übernehmen.`,
      en: (p, n) => `${q.en(n.upstreamConcept)} has a version ${p.versionNumber}: your adaptation ${q.en(n.concept)} can take the changes.`,
    },
  },
  CONCEPT_COMMENT_MENTION: {
    subject: { de: 'Sie wurden in einem Kommentar erwähnt', en: 'You were mentioned in a comment' },
    defaultChannel: 'EMAIL',
    link: (p) => `/konzepte/${p.conceptId}#kommentar-${p.commentId}`,
    text: {
      de: (p, n) => `${n.actor ?? someone.de} hat Sie in einem Kommentar zu ${q.de(n.section)} in ${q.de(n.concept)} erwähnt.`,
      en: (p, n) => `${n.actor ?? someone.en} mentioned you in a comment on ${q.en(n.section)} in ${q.en(n.concept)}.`,
    },
  },
  ROUND_REMINDER: {
    subject: { de: 'Erinnerung an eine Austauschrunde', en: 'Reminder of an exchange round' },
    defaultChannel: 'EMAIL',
    link: () => '/austauschrunden',
    text: {
      de: (p, n) => `Erinnerung: ${q.de(n.round)} beginnt ${when.de(p.startsAt)}.`,
      en: (p, n) => `Reminder: ${q.en(n.round)} starts ${when.en(p.startsAt)}.`,
    },
  },
  ROUND_CHANGED: {
    subject: { de: 'Eine Austauschrunde hat sich geändert', en: 'An exchange round has changed' },
    defaultChannel: 'EMAIL',
    link: () => '/austauschrunden',
    text: {
      de: (p, n) => {
        if (p.change === 'withdrawn') return roundWithdrawn.de(q.de(n.round), when.de(p.startsAt), p.count);
        return p.change === 'cancelled' ? `${q.de(n.round)} ${when.de(p.startsAt)} fällt aus.` : `${q.de(n.round)} ist verschoben: neu ${when.de(p.startsAt)}.`;
      },
      en: (p, n) => {
        if (p.change === 'withdrawn') return roundWithdrawn.en(q.en(n.round), when.en(p.startsAt), p.count);
        return p.change === 'cancelled' ? `${q.en(n.round)} ${when.en(p.startsAt)} is cancelled.` : `${q.en(n.round)} has moved: now ${when.en(p.startsAt)}.`;
      },
    },
  },
  ROUND_PROMOTED: {
    subject: { de: 'Ein Platz ist frei geworden', en: 'A place has become free' },
    defaultChannel: 'EMAIL',
    link: () => '/austauschrunden',
    text: {
      de: (p, n) => `Ein Platz ist frei geworden: Sie sind jetzt für ${q.de(n.round)} ${when.de(p.startsAt)} angemeldet.`,
      en: (p, n) => `A place has become free: you are now registered for ${q.en(n.round)} ${when.en(p.startsAt)}.`,
    },
  },
  EVENT_NEW: {
    subject: { de: 'Neue Veranstaltung in Ihrer Nähe', en: 'New event near you' },
    defaultChannel: 'DIGEST',
    link: (p) => `/veranstaltungen/${p.eventId}`,
    text: {
      de: (p, n) => `Neue Veranstaltung, offen für Ihre Kommune: ${q.de(n.event)} ${when.de(p.startsAt)}.`,
      en: (p, n) => `New event open to your municipality: ${q.en(n.event)} ${when.en(p.startsAt)}.`,
    },
  },
  EVENT_CHANGED: {
    subject: { de: 'Eine Veranstaltung hat sich geändert', en: 'An event has changed' },
    defaultChannel: 'EMAIL',
    link: (p) => (p.eventChange === 'withdrawn' ? '/veranstaltungen' : `/veranstaltungen/${p.eventId}`),
    text: {
      de: (p, n) =>
        p.eventChange === 'withdrawn'
          ? `Ihre Anmeldung zu ${[q.de(n.event), when.de(p.startsAt)].filter(Boolean).join(' ')} ist beendet: Die Veranstaltung ist nicht mehr für Sie offen ${WHY_WITHDRAWN.de}.`
          : p.eventChange === 'registration'
            ? `Die Anmeldung zu ${q.de(n.event)} ${when.de(p.startsAt)} läuft nicht mehr über Verbund, Ihre Anmeldung dort ist beendet: ${p.registrationMode === 'EXTERNAL' ? 'Bitte melden Sie sich über den Link bei der Veranstaltung an.' : 'Eine Anmeldung ist nicht mehr nötig.'}`
            : p.eventChange === 'cancelled'
              ? `${q.de(n.event)} ${when.de(p.startsAt)} ist abgesagt.`
              : `Die Veranstaltung ${q.de(n.event)}, für die Sie angemeldet sind, wurde geändert: jetzt ${when.de(p.startsAt)}.`,
      en: (p, n) =>
        p.eventChange === 'withdrawn'
          ? `Your registration for ${[q.en(n.event), when.en(p.startsAt)].filter(Boolean).join(' ')} has ended: the event is no longer open to you ${WHY_WITHDRAWN.en}.`
          : p.eventChange === 'registration'
            ? `Registration for ${q.en(n.event)} ${when.en(p.startsAt)} no longer runs through Verbund, and your registration there has ended: ${p.registrationMode === 'EXTERNAL' ? 'please register through the link on the event.' : 'registration is no longer needed.'}`
            : p.eventChange === 'cancelled'
              ? `${q.en(n.event)} ${when.en(p.startsAt)} is cancelled.`
              : `The event ${q.en(n.event)}, which you registered for, has changed: now ${when.en(p.startsAt)}.`,
    },
  },
  EVENT_PROMOTED: {
    subject: { de: 'Ein Platz ist frei geworden', en: 'A place has become free' },
    defaultChannel: 'EMAIL',
    link: (p) => `/veranstaltungen/${p.eventId}`,
    text: {
      de: (p, n) => `Ein Platz ist frei geworden: Sie sind jetzt für ${q.de(n.event)} ${when.de(p.startsAt)} angemeldet.`,
      en: (p, n) => `A place has become free: you are now registered for ${q.en(n.event)} ${when.en(p.startsAt)}.`,
    },
  },
  OFFER_NEW: {
    subject: { de: 'Neues Angebot für Ihre Kommune', en: 'New offer for your municipality' },
    defaultChannel: 'DIGEST',
    link: (p) => `/angebote/${p.offerId}`,
    text: {
      de: (p, n) => `Neues Angebot, offen für Ihre Kommune: ${q.de(n.offer)} (${n.organization ?? '…'}).`,
      en: (p, n) => `New offer open to your municipality: ${q.en(n.offer)} (${n.organization ?? '…'}).`,
    },
  },
  COOPERATION_SUGGESTION: {
    subject: { de: 'Ein Vorschlag für die Zusammenarbeit mit Nachbarn', en: 'A suggestion for working with a neighbour' },
    defaultChannel: 'DIGEST',
    link: (p) =>
      ({
        GROUP: `/arbeitsgruppen/${p.groupId}`,
        ROUND: `/austauschrunden/reihen/${p.seriesId}`,
        EVENT: `/veranstaltungen/${p.eventId}`,
        CONCEPT: `/konzepte/${p.conceptId}`,
        OFFER: `/angebote/${p.offerId}`,
      })[p.suggestion ?? 'GROUP'],
    text: {
      de: (p, n) => {
        const what = {
          GROUP: `${n.neighbour} ist in der Arbeitsgruppe ${q.de(n.group)} aktiv.`,
          ROUND: `${n.neighbour} lädt zur Austauschrunde ${q.de(n.round)} ${when.de(p.startsAt)} ein.`,
          EVENT: `${q.de(n.event)} ${when.de(p.startsAt)} in ${n.neighbour} ist offen für ${n.municipality}.`,
          CONCEPT: `${n.neighbour} hat das Konzept ${q.de(n.concept)} angepasst.`,
          OFFER: `Das Angebot ${q.de(n.offer)} aus ${n.neighbour} ist offen für ${n.municipality}.`,
        }[p.suggestion ?? 'GROUP'];
        return `Noch keine Zusammenarbeit zwischen ${n.municipality ?? '…'} und ${n.neighbour ?? '…'}: ${what}`;
      },
      en: (p, n) => {
        const what = {
          GROUP: `${n.neighbour} is active in the working group ${q.en(n.group)}.`,
          ROUND: `${n.neighbour} invites you to the exchange round ${q.en(n.round)} ${when.en(p.startsAt)}.`,
          EVENT: `${q.en(n.event)} ${when.en(p.startsAt)} in ${n.neighbour} is open to ${n.municipality}.`,
          CONCEPT: `${n.neighbour} has adapted the concept ${q.en(n.concept)}.`,
          OFFER: `The offer ${q.en(n.offer)} from ${n.neighbour} is open to ${n.municipality}.`,
        }[p.suggestion ?? 'GROUP'];
        return `No cooperation yet between ${n.municipality ?? '…'} and ${n.neighbour ?? '…'}: ${what}`;
      },
    },
  },
};

/** Why a registration was withdrawn: the person left the group or organisation, or the invitation was narrowed. */
const WHY_WITHDRAWN = {
  de: '(etwa nach dem Austritt aus einer Gruppe oder Organisation)',
  en: '(for example after leaving a group or organisation)',
} as const;

/** A withdrawn registration for a round, and for how many more dates of its series. */
const roundWithdrawn = {
  de: (round: string, date: string, count = 1) =>
    count > 1
      ? `Ihre Anmeldungen für ${round} ${date} und ${count === 2 ? 'einen weiteren Termin' : `${count - 1} weitere Termine`} sind beendet: Die Runde ist nicht mehr für Sie offen ${WHY_WITHDRAWN.de}.`
      : `Ihre Anmeldung für ${round} ${date} ist beendet: Die Runde ist nicht mehr für Sie offen ${WHY_WITHDRAWN.de}.`,
  en: (round: string, date: string, count = 1) =>
    count > 1
      ? `Your registrations for ${round} ${date} and ${count === 2 ? 'one more date' : `${count - 1} more dates`} have ended: the round is no longer open to you ${WHY_WITHDRAWN.en}.`
      : `Your registration for ${round} ${date} has ended: the round is no longer open to you ${WHY_WITHDRAWN.en}.`,
} as const;

/** A round's date in German time, the way people say it. */
const when = {
  de: (iso?: string) =>
    iso
      ? `am ${new Intl.DateTimeFormat('de-DE', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(new Date(iso))} Uhr`
      : '',
  en: (iso?: string) =>
    iso
      ? `on ${new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(new Date(iso))} (German time)`
      : '',
};

export const asLocale = (value: string | null | undefined): Locale => (value === 'en' ? 'en' : 'de');
