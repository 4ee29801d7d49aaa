import { useApolloClient, useMutation } from '@apollo/client/react';
import { Anchor, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LogoutDocument } from '../../../gql/graphql';
import { useViewer } from '../useViewer';

export function AccountMenu() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout, { loading, error }] = useMutation(LogoutDocument);
  if (!viewer) {
    return (
      <Group gap="sm" wrap="nowrap">
        <Anchor component={Link} to="/anmelden" size="sm" underline="hover">
          {t('account.login')}
        </Anchor>
        <Anchor component={Link} to="/registrieren" size="sm" underline="hover" visibleFrom="xs">
          {t('account.register')}
        </Anchor>
      </Group>
    );
  }
  return (
    <Group gap="sm" wrap="nowrap">
      {/* On a phone the account page is in the navigation instead: the header has no room for the name. */}
      <Anchor component={Link} to="/konto" size="sm" underline="hover" visibleFrom="sm">
        {viewer.name}
      </Anchor>
      <Button
        size="compact-sm"
        variant="subtle"
        loading={loading}
        onClick={() =>
          void logout()
            .then(() => client.resetStore())
            .then(() => navigate('/'))
            .catch(() => undefined)
        }
      >
        {t('account.logout')}
      </Button>
      {error && (
        <Text size="sm" c="red.9" role="alert">
          {t('account.logoutFailed')}
        </Text>
      )}
    </Group>
  );
}
