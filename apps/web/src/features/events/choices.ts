import { intlFormatter } from '../../components/intlFormatters';
import type { EventKind, OfferKind, OpenTo } from '../../gql/graphql';

export const EVENT_KINDS: EventKind[] = ['FACHTAG', 'SCHULUNG', 'NETZWERKTREFFEN', 'INFO_ZUGEWANDERTE', 'SPRACHCAFE', 'SONSTIGES'];
export const OFFER_KINDS: OfferKind[] = ['MIGRATIONSBERATUNG', 'SPRACHKURS', 'BERATUNGSSTELLE', 'DOLMETSCHERPOOL', 'SCHULUNGSANGEBOT', 'GETEILTE_STELLE'];
export const OPEN_TO: OpenTo[] = ['OWN', 'NEIGHBOURS', 'KREIS_AREA', 'LAND', 'EVERYONE'];
/** The languages most asked for in integration work; the API takes any two-letter code. */
export const LANGUAGES = ['de', 'leichte-sprache', 'en', 'ar', 'uk', 'ru', 'fa', 'tr', 'ku', 'ti', 'so', 'fr', 'es', 'pl', 'ro', 'bg', 'sq', 'ps'];

/** An instant as the local German time a form shows and sends ("2027-03-10T12:30"). */
export const berlinLocal = (iso: string) =>
  intlFormatter(
    'berlinLocal',
    () =>
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }),
  )
    .format(new Date(iso))
    .replace(' ', 'T');
