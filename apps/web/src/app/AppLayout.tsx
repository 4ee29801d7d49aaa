import { Anchor, Box, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ErrorBoundary } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';
import { lazy, Suspense, useEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { AppFooter } from './AppFooter';
import { KEEP_CLEAR_OF_SCROLLBAR } from './frame';
import { LanguageSwitch } from './LanguageSwitch';
import { NavItem } from './NavItem';
import { PageFailed } from './PageFailed';
import { SECTIONS } from './navigation';
import { WithApollo } from './WithApollo';

const viewerChrome = () => import('./ViewerChrome');
const ViewerTools = lazy(() => viewerChrome().then((m) => ({ default: m.ViewerTools })));
const ViewerNavLinks = lazy(() => viewerChrome().then((m) => ({ default: m.ViewerNavLinks })));

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  // Closed once the next page is there, not on the click: hiding the focused entry would drop focus to the body,
  // and the new page's heading takes focus only from a focused element (PageHeading).
  useEffect(close, [pathname, close]);

  return (
    // The frame's layout is in styles.css (`.frame`): Mantine's AppShell would bring its resizing and scroll
    // locking into the first script.
    <div className="frame" data-navigation-open={opened || undefined}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className={`frame-header ${KEEP_CLEAR_OF_SCROLLBAR}`}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('app.closeNavigation') : t('app.openNavigation')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Anchor component={Link} to="/" underline="never" c="verbund.8" fw={700} fz="xl">
              {t('app.name')}
            </Anchor>
            <Text c="gray.7" size="sm" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <WithApollo>
              <ViewerTools />
            </WithApollo>
            <LanguageSwitch />
          </Group>
        </Group>
      </header>

      <Box component="nav" className="frame-navigation" p="xs" id="main-navigation" aria-label={t('app.mainNavigation')}>
        <NavItem to="/" label={t('nav.home')} active={pathname === '/'} />
        <WithApollo>
          <ViewerNavLinks pathname={pathname} />
        </WithApollo>
        {SECTIONS.map((s) => (
          <NavItem key={s.key} to={s.path} label={t(`nav.${s.key}`)} active={pathname.startsWith(s.path)} />
        ))}
      </Box>

      <main className="frame-main" id="main" tabIndex={-1}>
        <ErrorBoundary FallbackComponent={PageFailed} resetKeys={[pathname]}>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>

      <AppFooter />
    </div>
  );
}
