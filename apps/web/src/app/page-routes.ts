/**
 * Which page each path shows. The router loads each page as its own chunk when its route is entered; the build
 * (vite.config.ts) lists the chunks of each route, so that the server can announce them with the page and the
 * browser fetches them beside the shell instead of after it. No imports: the Vite config reads this file.
 */
export const PAGE_ROUTES = [
  { path: '/kommunen', page: 'MunicipalitiesPage' },
  { path: '/kommunen/:ags', page: 'MunicipalityPage' },
  { path: '/arbeitsgruppen', page: 'GroupsPage' },
  { path: '/arbeitsgruppen/:id', page: 'GroupPage' },
  { path: '/materialien', page: 'MaterialsPage' },
  { path: '/materialien/neu', page: 'NewMaterialPage' },
  { path: '/materialien/:id', page: 'MaterialPage' },
  { path: '/suche', page: 'SearchPage' },
  { path: '/austauschrunden', page: 'RoundsPage' },
  { path: '/austauschrunden/termine/:roundId', page: 'RoundRoomPage' },
  { path: '/austauschrunden/reihen/:id', page: 'RoundSeriesPage' },
  { path: '/veranstaltungen', page: 'EventsPage' },
  { path: '/veranstaltungen/:id', page: 'EventPage' },
  { path: '/zusammenarbeit', page: 'InsightsPage' },
  { path: '/angebote/:id', page: 'OfferPage' },
  { path: '/konzepte', page: 'ConceptsPage' },
  { path: '/konzepte/:id', page: 'ConceptPage' },
  { path: '/anmelden', page: 'LoginPage' },
  { path: '/registrieren', page: 'RegisterPage' },
  { path: '/email-bestaetigen', page: 'VerifyEmailPage' },
  { path: '/passwort-vergessen', page: 'ForgotPasswordPage' },
  { path: '/passwort-zuruecksetzen', page: 'ResetPasswordPage' },
  { path: '/konto', page: 'AccountPage' },
  { path: '/email-aendern', page: 'ConfirmEmailChangePage' },
  { path: '/benachrichtigungen', page: 'NotificationsPage' },
  { path: '/abbestellen', page: 'UnsubscribePage' },
  { path: '/anfragen', page: 'MembershipRequestsPage' },
  { path: '/verwaltung', page: 'AdminPage' },
  { path: '/impressum', page: 'ImprintPage' },
  { path: '/barrierefreiheit', page: 'AccessibilityPage' },
] as const;

/**
 * Pages that show before Apollo and the feature texts have arrived (a first visit lands on them); every other page
 * is rendered inside Apollo, so the server announces Apollo's chunks and the texts with it.
 */
export const FIRST_VISIT_PAGES: readonly string[] = ['LoginPage'];

/**
 * Pages whose first view the server renders into the page it sends (prerender.tsx): they show over a slow network
 * before the app's scripts have arrived. Only pages that a reader reads first; a form the reader could type into
 * before the app takes over would lose the input.
 */
export const PRERENDERED_PAGES: readonly string[] = ['MunicipalityPage', 'MaterialsPage', 'ImprintPage', 'AccessibilityPage'];
