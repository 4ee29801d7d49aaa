import { createBrowserRouter } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { HomePage } from '../pages/HomePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { AppLayout } from './AppLayout';
import { SECTIONS } from './navigation';

/*
 * Every page but the start page is its own chunk, loaded when its route is entered (the router waits for it, so
 * nothing flickers): a first visit downloads the shell and one page, not the whole app.
 */
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    // Shown while the first page's chunk loads on a deep link.
    HydrateFallback: LoadingState,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/kommunen', lazy: () => import('../pages/MunicipalitiesPage').then((m) => ({ Component: m.MunicipalitiesPage })) },
      { path: '/kommunen/:ags', lazy: () => import('../pages/MunicipalityPage').then((m) => ({ Component: m.MunicipalityPage })) },
      { path: '/arbeitsgruppen', lazy: () => import('../pages/GroupsPage').then((m) => ({ Component: m.GroupsPage })) },
      { path: '/arbeitsgruppen/:id', lazy: () => import('../pages/GroupPage').then((m) => ({ Component: m.GroupPage })) },
      { path: '/materialien', lazy: () => import('../pages/MaterialsPage').then((m) => ({ Component: m.MaterialsPage })) },
      { path: '/materialien/neu', lazy: () => import('../pages/NewMaterialPage').then((m) => ({ Component: m.NewMaterialPage })) },
      { path: '/materialien/:id', lazy: () => import('../pages/MaterialPage').then((m) => ({ Component: m.MaterialPage })) },
      { path: '/suche', lazy: () => import('../pages/SearchPage').then((m) => ({ Component: m.SearchPage })) },
      { path: '/austauschrunden', lazy: () => import('../pages/RoundsPage').then((m) => ({ Component: m.RoundsPage })) },
      { path: '/austauschrunden/termine/:roundId', lazy: () => import('../pages/RoundRoomPage').then((m) => ({ Component: m.RoundRoomPage })) },
      { path: '/austauschrunden/reihen/:id', lazy: () => import('../pages/RoundSeriesPage').then((m) => ({ Component: m.RoundSeriesPage })) },
      { path: '/veranstaltungen', lazy: () => import('../pages/EventsPage').then((m) => ({ Component: m.EventsPage })) },
      { path: '/veranstaltungen/:id', lazy: () => import('../pages/EventPage').then((m) => ({ Component: m.EventPage })) },
      { path: '/zusammenarbeit', lazy: () => import('../pages/InsightsPage').then((m) => ({ Component: m.InsightsPage })) },
      { path: '/angebote/:id', lazy: () => import('../pages/OfferPage').then((m) => ({ Component: m.OfferPage })) },
      { path: '/konzepte', lazy: () => import('../pages/ConceptsPage').then((m) => ({ Component: m.ConceptsPage })) },
      { path: '/konzepte/:id', lazy: () => import('../pages/ConceptPage').then((m) => ({ Component: m.ConceptPage })) },
      ...SECTIONS.filter((s) => !['search', 'municipalities', 'groups', 'materials', 'concepts', 'rounds', 'events', 'insights'].includes(s.key)).map((s) => ({
        path: s.path,
        lazy: () => import('../pages/SectionPage').then(({ SectionPage }) => ({ Component: () => <SectionPage section={s.key} /> })),
      })),
      { path: '/anmelden', lazy: () => import('../pages/LoginPage').then((m) => ({ Component: m.LoginPage })) },
      { path: '/registrieren', lazy: () => import('../pages/RegisterPage').then((m) => ({ Component: m.RegisterPage })) },
      { path: '/email-bestaetigen', lazy: () => import('../pages/VerifyEmailPage').then((m) => ({ Component: m.VerifyEmailPage })) },
      { path: '/passwort-vergessen', lazy: () => import('../pages/ForgotPasswordPage').then((m) => ({ Component: m.ForgotPasswordPage })) },
      { path: '/passwort-zuruecksetzen', lazy: () => import('../pages/ResetPasswordPage').then((m) => ({ Component: m.ResetPasswordPage })) },
      { path: '/konto', lazy: () => import('../pages/AccountPage').then((m) => ({ Component: m.AccountPage })) },
      { path: '/email-aendern', lazy: () => import('../pages/ConfirmEmailChangePage').then((m) => ({ Component: m.ConfirmEmailChangePage })) },
      { path: '/benachrichtigungen', lazy: () => import('../pages/NotificationsPage').then((m) => ({ Component: m.NotificationsPage })) },
      { path: '/abbestellen', lazy: () => import('../pages/UnsubscribePage').then((m) => ({ Component: m.UnsubscribePage })) },
      { path: '/anfragen', lazy: () => import('../pages/MembershipRequestsPage').then((m) => ({ Component: m.MembershipRequestsPage })) },
      { path: '/verwaltung', lazy: () => import('../pages/AdminPage').then((m) => ({ Component: m.AdminPage })) },
      { path: '/impressum', lazy: () => import('../pages/ImprintPage').then((m) => ({ Component: m.ImprintPage })) },
      { path: '/barrierefreiheit', lazy: () => import('../pages/AccessibilityPage').then((m) => ({ Component: m.AccessibilityPage })) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
