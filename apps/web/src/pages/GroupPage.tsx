import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HostedRounds } from '../features/rounds/components/HostedRounds';
import { EventFeed } from '../features/events/components/EventFeed';
import { LocalEvents } from '../features/events/components/LocalEventsAndOffers';
import { useParams, useSearchParams } from 'react-router';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorState } from '../components/ErrorState';
import { FormAlert } from '../components/FormAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { GroupDiscussion } from '../features/groups/components/GroupDiscussion';
import { regionText } from '../features/groups/components/GroupCard';
import { GroupMaterials } from '../features/groups/components/GroupMaterials';
import { GroupMembers } from '../features/groups/components/GroupMembers';
import { GroupDetailDocument, JoinGroupDocument, LeaveGroupDocument } from '../gql/graphql';

export function GroupPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const refetchQueries = [{ query: GroupDetailDocument, variables: { id } }];
  const { data, loading, error, refetch } = useQuery(GroupDetailDocument, { variables: { id } });
  const [join, joining] = useMutation(JoinGroupDocument, { refetchQueries });
  const [leave, leaving] = useMutation(LeaveGroupDocument, { refetchQueries });
  const g = data?.group;

  if (loading && !data) return <LoadingState />;
  const missing = CombinedGraphQLErrors.is(error) && error.errors.some((e) => ['NOT_FOUND', 'UNAUTHENTICATED'].includes(String(e.extensions?.code)));
  if (error && !missing) return <ErrorState onRetry={() => void refetch()} />;
  if (!g)
    return (
      <Alert color="gray" title={t('notFound.title')}>
        {t('groups.signIn')}
      </Alert>
    );

  const status = g.viewerStatus;
  const member = status === 'ACTIVE';
  return (
    <Stack maw={1100} gap="lg">
      <div>
        <PageHeading>{g.name}</PageHeading>
        <Group gap="xs">
          <Badge variant="light">{t(`groups.access.${g.access}`)}</Badge>
          <Text c="gray.7">
            {t('groups.members', { count: g.memberCount })} · {regionText(t, g)}
          </Text>
        </Group>
      </div>
      <Group>
        {!status && g.access !== 'CLOSED' && (
          <Button loading={joining.loading} onClick={() => void join({ variables: { id } }).catch(() => undefined)}>
            {g.access === 'OPEN' ? t('groups.join') : t('groups.ask')}
          </Button>
        )}
        {status === 'INVITED' && <Button onClick={() => void join({ variables: { id } }).catch(() => undefined)}>{t('groups.accept')}</Button>}
        {status === 'ACTIVE' && (
          <ConfirmButton
            variant="outline"
            loading={leaving.loading}
            title={t('groups.leaveTitle', { name: g.name })}
            question={t(`groups.leaveConfirm_${g.access}`)}
            confirmLabel={t('groups.leaveYes')}
            onConfirm={() => void leave({ variables: { id } }).catch(() => undefined)}
          >
            {t('groups.leave')}
          </ConfirmButton>
        )}
        {(status === 'INVITED' || status === 'REQUESTED') && (
          <Button variant="outline" color="red.9" loading={leaving.loading} onClick={() => void leave({ variables: { id } }).catch(() => undefined)}>
            {status === 'INVITED' ? t('groups.decline') : t('groups.withdraw')}
          </Button>
        )}
      </Group>
      {status === 'REQUESTED' && <FormAlert success={t('groups.requested')} />}
      {status === 'INVITED' && <Alert color="blue">{t('groups.invited')}</Alert>}
      <FormAlert error={joining.error ?? leaving.error} />
      {/* A link to a discussion (from a notification) opens its tab. */}
      <Tabs defaultValue={params.has('diskussion') ? 'discussion' : 'about'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="about">{t('groups.tabs.about')}</Tabs.Tab>
          <Tabs.Tab value="members">{t('groups.tabs.members')}</Tabs.Tab>
          <Tabs.Tab value="discussion">{t('groups.tabs.discussion')}</Tabs.Tab>
          <Tabs.Tab value="materials">{t('groups.tabs.materials')}</Tabs.Tab>
          <Tabs.Tab value="rounds">{t('groups.tabs.rounds')}</Tabs.Tab>
          <Tabs.Tab value="events">{t('groups.tabs.events')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="about" pt="md">
          <Stack gap="xs">
            <Text style={{ whiteSpace: 'pre-wrap' }}>{g.description}</Text>
            <Text size="sm" c="gray.7">
              {g.topics.map((k) => t(`topics.${k}`)).join(', ')}
            </Text>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          <GroupMembers groupId={g.id} name={g.name} members={g.members} moderator={g.viewerRole === 'MODERATOR'} pendingInvitations={g.pendingInvitations} />
        </Tabs.Panel>
        <Tabs.Panel value="discussion" pt="md">
          {member ? <GroupDiscussion groupId={g.id} /> : <Text c="gray.7">{t('groups.membersOnly')}</Text>}
        </Tabs.Panel>
        <Tabs.Panel value="materials" pt="md">
          {member ? <GroupMaterials groupId={g.id} /> : <Text c="gray.7">{t('groups.membersOnly')}</Text>}
        </Tabs.Panel>
        <Tabs.Panel value="rounds" pt="md">
          <HostedRounds filter={{ hostGroupId: g.id }} empty={t('rounds.noneByGroup')} />
        </Tabs.Panel>
        <Tabs.Panel value="events" pt="md">
          <Stack>
            <LocalEvents filter={{ groupId: g.id }} empty={t('events.groupNone')} />
            {g.viewerStatus === 'ACTIVE' && <EventFeed groupId={g.id} />}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
