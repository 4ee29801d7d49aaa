import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { FormAlert } from '../components/FormAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { useFormat } from '../components/useFormat';
import { useViewer } from '../features/accounts/useViewer';
import { MembershipLine } from '../features/memberships/components/MembershipLine';
import { DecideMembershipDocument, MembershipRequestsDocument } from '../gql/graphql';

export function MembershipRequestsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { viewer, loading } = useViewer();
  const requests = useQuery(MembershipRequestsDocument, { skip: !viewer });
  const [decide, decided] = useMutation(DecideMembershipDocument, { refetchQueries: [MembershipRequestsDocument] });
  const [asAdmin, setAsAdmin] = useState<Record<string, boolean>>({});
  if (loading) return <LoadingState />;
  if (!viewer) return <Navigate to="/anmelden?weiter=/anfragen" replace />;
  const last = decided.data?.decideMembership;
  return (
    <Stack maw={800}>
      <PageHeading>{t('memberships.requestsTitle')}</PageHeading>
      <Text>{t('memberships.requestsIntro')}</Text>
      <FormAlert
        error={decided.error}
        success={last ? t('memberships.decided', { name: last.personName, status: t(`account.status.${last.status}`) }) : undefined}
      />
      {requests.data?.membershipRequests.length === 0 && <Text>{t('memberships.noRequests')}</Text>}
      {requests.data?.membershipRequests.map((m) => (
        <Paper key={m.id} withBorder p="md" component="section" aria-label={`${m.personName} – ${m.organization.name}`}>
          <Stack gap="xs">
            <MembershipLine m={m} showPerson />
            <Text size="sm" c="gray.7">
              {m.organization.name} · {t('memberships.requestedAt', { date: format.berlinDate(m.requestedAt) })}
              {m.topics.length ? ` · ${m.topics.map((k) => t(`topics.${k}`)).join(', ')}` : ''}
            </Text>
            <Checkbox
              label={t('memberships.asAdmin')}
              checked={asAdmin[m.id] ?? false}
              onChange={(e) => setAsAdmin({ ...asAdmin, [m.id]: e.currentTarget.checked })}
            />
            <Group>
              <Button
                disabled={decided.loading}
                onClick={() =>
                  void decide({ variables: { input: { membershipId: m.id, approve: true, makeAdmin: asAdmin[m.id] ?? false } } }).catch(() => undefined)
                }
              >
                {t('memberships.approve')}
              </Button>
              <Button
                variant="outline"
                color="red.9"
                disabled={decided.loading}
                onClick={() => void decide({ variables: { input: { membershipId: m.id, approve: false } } }).catch(() => undefined)}
              >
                {t('memberships.reject')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
