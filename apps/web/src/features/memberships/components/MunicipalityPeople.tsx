import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { TopicSelect } from '../../../components/TopicSelect';
import { type JobFunction, type Topic, MyMembershipsDocument, PeopleDocument, RequestMembershipDocument } from '../../../gql/graphql';
import { useViewer } from '../../accounts/useViewer';
import { JOB_FUNCTIONS } from '../jobFunctions';
import { EndMembershipButton } from './EndMembershipButton';
import { MembershipLine } from './MembershipLine';
import { MembershipRoleButton } from './MembershipRoleButton';

/** The people of a municipality for its confirmed members; for everyone else the way in. */
export function MunicipalityPeople({ ags, municipalityId, canJoin }: { ags: string; municipalityId: string; canJoin: boolean }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { viewer } = useViewer();
  const mine = useQuery(MyMembershipsDocument, { skip: !viewer });
  const here = (mine.data?.myMemberships ?? []).filter((m) => m.organization.municipality.id === municipalityId && m.status !== 'REJECTED');
  // Joining means the administration; seeing the people needs any confirmed membership there (CSOs too).
  const own = here.find((m) => m.organization.kind === 'MUNICIPALITY');
  const confirmed = here.some((m) => m.status === 'CONFIRMED') || viewer?.platformRole === 'ADMIN';
  const people = useQuery(PeopleDocument, { variables: { ags }, skip: !confirmed });
  const [fn, setFn] = useState<JobFunction>('INTEGRATIONSKOORDINATION');
  const [topics, setTopics] = useState<Topic[]>([]);
  const [request, { loading, error }] = useMutation(RequestMembershipDocument, { refetchQueries: [MyMembershipsDocument] });

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('memberships.peopleTitle')}
        </Title>
        {!viewer && (
          <Text size="sm">
            {t('memberships.signInToSee')}{' '}
            <Anchor component={Link} to={`/anmelden?weiter=${encodeURIComponent(pathname)}`}>
              {t('account.login')}
            </Anchor>
          </Text>
        )}
        {confirmed &&
          people.data &&
          (people.data.people.length ? (
            <List listStyleType="none" p={0} m={0} spacing={6} aria-label={t('memberships.peopleTitle')}>
              {people.data.people.map((p) => (
                <List.Item key={p.id}>
                  <Group gap="sm" justify="space-between" wrap="wrap">
                    <MembershipLine m={p} showPerson />
                    {p.canEnd && !here.some((m) => m.id === p.id) && (
                      <Group gap="xs" align="flex-start">
                        <MembershipRoleButton m={p} />
                        <EndMembershipButton m={p} own={false} />
                      </Group>
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">{t('memberships.noPeople')}</Text>
          ))}
        {viewer && !confirmed && (
          <Text size="sm" c="gray.7">
            {t('memberships.peopleMembersOnly')}
          </Text>
        )}
        {viewer && own?.status === 'REQUESTED' && <FormAlert success={t('memberships.requested')} />}
        {viewer && !own && canJoin && viewer.platformRole !== 'ADMIN' && (
          <Stack
            component="form"
            gap="xs"
            aria-label={t('memberships.join')}
            onSubmit={(e) => {
              e.preventDefault();
              void request({ variables: { input: { municipalityAgs: ags, function: fn, topics } } }).catch(() => undefined);
            }}
          >
            <Text size="sm">{t('memberships.joinIntro')}</Text>
            <NativeSelect
              label={t('memberships.function')}
              value={fn}
              onChange={(e) => setFn(e.currentTarget.value as JobFunction)}
              data={JOB_FUNCTIONS.map((f) => ({ value: f, label: t(`account.function.${f}`) }))}
            />
            <TopicSelect label={t('memberships.topics')} value={topics} onChange={setTopics} />
            <FormAlert error={error} />
            <Button type="submit" loading={loading}>
              {t('memberships.joinSubmit')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
