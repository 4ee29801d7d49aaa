import { createBrowserRouter } from 'react-router';
import { AccessibilityPage } from '../pages/AccessibilityPage';
import { HomePage } from '../pages/HomePage';
import { ImprintPage } from '../pages/ImprintPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SectionPage } from '../pages/SectionPage';
import { AppLayout } from './AppLayout';
import { SECTIONS } from './navigation';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      ...SECTIONS.map((s) => ({ path: s.path, element: <SectionPage section={s.key} /> })),
      { path: '/impressum', element: <ImprintPage /> },
      { path: '/barrierefreiheit', element: <AccessibilityPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
