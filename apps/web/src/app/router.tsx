import { createBrowserRouter } from 'react-router';
import { AccessibilityPage } from '../pages/AccessibilityPage';
import { AccountPage } from '../pages/AccountPage';
import { AdminPage } from '../pages/AdminPage';
import { ConfirmEmailChangePage } from '../pages/ConfirmEmailChangePage';
import { ForgotPasswordPage } from '../pages/ForgotPasswordPage';
import { LoginPage } from '../pages/LoginPage';
import { MembershipRequestsPage } from '../pages/MembershipRequestsPage';
import { RegisterPage } from '../pages/RegisterPage';
import { ResetPasswordPage } from '../pages/ResetPasswordPage';
import { VerifyEmailPage } from '../pages/VerifyEmailPage';
import { HomePage } from '../pages/HomePage';
import { ImprintPage } from '../pages/ImprintPage';
import { MunicipalitiesPage } from '../pages/MunicipalitiesPage';
import { MunicipalityPage } from '../pages/MunicipalityPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SectionPage } from '../pages/SectionPage';
import { GroupPage } from '../pages/GroupPage';
import { GroupsPage } from '../pages/GroupsPage';
import { MaterialPage } from '../pages/MaterialPage';
import { MaterialsPage } from '../pages/MaterialsPage';
import { NewMaterialPage } from '../pages/NewMaterialPage';
import { AppLayout } from './AppLayout';
import { SECTIONS } from './navigation';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/kommunen', element: <MunicipalitiesPage /> },
      { path: '/kommunen/:ags', element: <MunicipalityPage /> },
      { path: '/arbeitsgruppen', element: <GroupsPage /> },
      { path: '/arbeitsgruppen/:id', element: <GroupPage /> },
      { path: '/materialien', element: <MaterialsPage /> },
      { path: '/materialien/neu', element: <NewMaterialPage /> },
      { path: '/materialien/:id', element: <MaterialPage /> },
      ...SECTIONS.filter((s) => !['municipalities', 'groups', 'materials'].includes(s.key)).map((s) => ({
        path: s.path,
        element: <SectionPage section={s.key} />,
      })),
      { path: '/anmelden', element: <LoginPage /> },
      { path: '/registrieren', element: <RegisterPage /> },
      { path: '/email-bestaetigen', element: <VerifyEmailPage /> },
      { path: '/passwort-vergessen', element: <ForgotPasswordPage /> },
      { path: '/passwort-zuruecksetzen', element: <ResetPasswordPage /> },
      { path: '/konto', element: <AccountPage /> },
      { path: '/email-aendern', element: <ConfirmEmailChangePage /> },
      { path: '/anfragen', element: <MembershipRequestsPage /> },
      { path: '/verwaltung', element: <AdminPage /> },
      { path: '/impressum', element: <ImprintPage /> },
      { path: '/barrierefreiheit', element: <AccessibilityPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
