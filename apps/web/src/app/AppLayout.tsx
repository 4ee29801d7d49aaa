import { Anchor, AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Link, Outlet, useLocation } from 'react-router';
import { AccountMenu } from '../features/accounts/components/AccountMenu';
import { useViewer } from '../features/accounts/useViewer';
import { NotificationBell } from '../features/notifications/components/NotificationBell';
import { AppFooter } from './AppFooter';
import { LanguageSwitch } from './LanguageSwitch';
import { SECTIONS } from './navigation';
import { useSessionSocket } from '../realtime/useSessionSocket';

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const { viewer, loading } = useViewer();
  useSessionSocket(viewer?.id, loading);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} footer={{ height: 44 }} padding="md">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
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
            {viewer && <NotificationBell viewerId={viewer.id} />}
            <AccountMenu />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" component="nav" id="main-navigation" aria-label={t('app.mainNavigation')}>
        <NavLink component={RouterNavLink} to="/" end label={t('nav.home')} active={pathname === '/'} onClick={close} />
        {viewer && <NavLink component={RouterNavLink} to="/konto" label={viewer.name} active={pathname === '/konto'} onClick={close} hiddenFrom="sm" />}
        {viewer && <NavLink component={RouterNavLink} to="/anfragen" label={t('account.requests')} active={pathname === '/anfragen'} onClick={close} />}
        {viewer?.platformRole === 'ADMIN' && (
          <NavLink component={RouterNavLink} to="/verwaltung" label={t('admin.nav')} active={pathname === '/verwaltung'} onClick={close} />
        )}
        {SECTIONS.map((s) => (
          <NavLink key={s.key} component={RouterNavLink} to={s.path} label={t(`nav.${s.key}`)} active={pathname.startsWith(s.path)} onClick={close} />
        ))}
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>

      <AppFooter />
    </AppShell>
  );
}
