import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, List, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { FormAlert } from '../components/FormAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { ChangeEmailForm } from '../features/accounts/components/ChangeEmailForm';
import { PrivacySection } from '../features/accounts/components/PrivacySection';
import { useViewer } from '../features/accounts/useViewer';
import { EndMembershipButton } from '../features/memberships/components/EndMembershipButton';
import { MembershipLine } from '../features/memberships/components/MembershipLine';
import { ChangePasswordDocument, LogoutEverywhereDocument, MyMembershipsDocument } from '../gql/graphql';

export function AccountPage() {
  const { t } = useTranslation();
  const { viewer, loading } = useViewer();
  const memberships = useQuery(MyMembershipsDocument, { skip: !viewer });
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [change, changed] = useMutation(ChangePasswordDocument);
  const [logoutEverywhere, everywhere] = useMutation(LogoutEverywhereDocument);
  const client = useApolloClient();
  const navigate = useNavigate();
  if (loading) return <LoadingState />;
  if (!viewer) return <Navigate to="/anmelden?weiter=/konto" replace />;
  return (
    <Stack maw={720} gap="lg">
      <PageHeading>{t('account.accountTitle')}</PageHeading>
      <Text>
        {viewer.name} · {viewer.email}
      </Text>
      <section aria-labelledby="memberships-title">
        <Title order={2} size="h3" id="memberships-title" mb="xs">
          {t('account.memberships')}
        </Title>
        {memberships.data?.myMemberships.length ? (
          <List listStyleType="none" p={0} m={0} spacing={6}>
            {memberships.data.myMemberships.map((m) => (
              <List.Item key={m.id}>
                <Group gap="sm" justify="space-between" wrap="wrap">
                  <MembershipLine m={m} />
                  {m.status !== 'REJECTED' && <EndMembershipButton m={m} own />}
                </Group>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text>{t('account.noMemberships')}</Text>
        )}
      </section>
      <Paper
        withBorder
        p="md"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void change({ variables: { input: { currentPassword, newPassword } } }).catch(() => undefined);
        }}
      >
        <Stack>
          <Title order={2} size="h3">
            {t('account.changePassword')}
          </Title>
          <PasswordInput
            label={t('account.currentPassword')}
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('account.newPassword')}
            description={t('account.passwordHint')}
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
          />
          <FormAlert error={changed.error} success={changed.data ? t('account.changed') : undefined} />
          <Button type="submit" loading={changed.loading}>
            {t('account.changeSubmit')}
          </Button>
        </Stack>
      </Paper>
      <ChangeEmailForm />
      <PrivacySection />
      <div>
        <Button
          variant="outline"
          color="red.9"
          loading={everywhere.loading}
          onClick={() =>
            void logoutEverywhere()
              .then(() => client.resetStore())
              .then(() => navigate('/'))
              .catch(() => undefined)
          }
        >
          {t('account.logoutEverywhere')}
        </Button>
        <FormAlert error={everywhere.error} />
        <Text size="sm" c="gray.7" mt={4}>
          {t('account.logoutEverywhereHint')}
        </Text>
      </div>
    </Stack>
  );
}
