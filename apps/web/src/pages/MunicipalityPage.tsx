import { CombinedGraphQLErrors, type ApolloClient } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, type Params } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { KindBadge } from '../features/municipalities/components/KindBadge';
import { KreisMap } from '../features/municipalities/components/KreisMap';
import { MunicipalityFacts } from '../features/municipalities/components/MunicipalityFacts';
import { NeighbourGroups } from '../features/municipalities/components/NeighbourGroups';
import { LocalOrganizations } from '../features/memberships/components/LocalOrganizations';
import { MunicipalityPeople } from '../features/memberships/components/MunicipalityPeople';
import { MunicipalityDetailDocument, type MunicipalityDetailQuery } from '../gql/graphql';
import { useViewer } from '../features/accounts/useViewer';
import { GroupSuggestions } from '../features/groups/components/GroupSuggestions';
import { HostedRounds } from '../features/rounds/components/HostedRounds';
import { LocalEvents, ResidentOffers } from '../features/events/components/LocalEventsAndOffers';
import { NeighbourCooperation } from '../features/insights/components/NeighbourCooperation';

const KEY = /^(\d{2}|\d{5}|\d{8})$/;

/**
 * The page's query, sent before its first render when the page is opened directly (app/router.tsx); the server
 * waits for it before it renders the page (prerender.tsx).
 */
export async function prefetch(client: ApolloClient, { ags = '' }: Params): Promise<void> {
  if (KEY.test(ags)) await client.query({ query: MunicipalityDetailDocument, variables: { ags } }).catch(() => undefined);
}

export function MunicipalityPage() {
  const { ags = '' } = useParams();
  const { t } = useTranslation();
  const valid = KEY.test(ags);
  const { data: answer, loading, error, refetch } = useQuery(MunicipalityDetailDocument, { variables: { ags }, skip: !valid });
  // The page is long. Its head (name, facts) is drawn from the answer at once: it is what a reader looks at first.
  // The rest is drawn from a deferred copy, which React renders in slices afterwards, the browser staying responsive
  // in between. Never the answer for another key (compared by the key asked for: 14713000 answers with Stadt
  // Leipzig, whose key is 14713).
  const deferred = useDeferredValue(
    useMemo(() => ({ ags, answer }), [ags, answer]),
    // Deferred from the first render on too: the answer may be there already (sent ahead, see prefetch).
    { ags, answer: undefined },
  );
  const later = deferred.ags === ags ? deferred.answer : undefined;
  const m = answer?.municipality;

  if (!valid)
    return (
      <Alert color="red" title={t('state.errorTitle')}>
        {t('municipalities.invalidKey')}
      </Alert>
    );
  const unknown = CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'NOT_FOUND');
  if (!answer && loading) return <LoadingState />;
  if (error && !unknown) return <ErrorState onRetry={() => void refetch()} />;
  if (!m) {
    return (
      <Stack>
        <PageHeading>{t('notFound.title')}</PageHeading>
        <Text>{t('municipalities.notFound')}</Text>
        <Anchor component={Link} to="/kommunen">
          {t('municipalities.title')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <Stack maw={1100} gap="xl">
      <div>
        <PageHeading>{m.name}</PageHeading>
        <Group gap="xs">
          <KindBadge kind={m.kind} isLand={m.isLand} />
          {m.land && m.land.id !== m.id && <Text c="gray.7">{m.land.name}</Text>}
        </Group>
        {m.retired && (
          <Alert color="yellow" mt="sm">
            {t('municipalities.retired')}
          </Alert>
        )}
      </div>

      <section aria-labelledby="facts-title">
        <Title order={2} size="h3" id="facts-title" mb="sm">
          {t('municipalities.facts.title')}
        </Title>
        <MunicipalityFacts m={m} />
      </section>

      {later?.municipality && <MunicipalityDetails data={later} />}
    </Stack>
  );
}

/** Everything below the facts: neighbours and map, the Kreis's Gemeinden, people, organisations, what happens here. */
function MunicipalityDetails({ data }: { data: MunicipalityDetailQuery }) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const m = data.municipality!;

  const map = useMemo(() => {
    const kreisOf = (x: { ags: string; isKreis: boolean; isLand: boolean }) => (x.isKreis ? x.ags : x.ags.slice(0, 5));
    const highlighted = m.kind === 'LAND' ? m.children.nodes.map((c) => c.ags) : [kreisOf(m)];
    const seen = new Set(highlighted);
    const neighbours = data.neighbours
      .filter((n) => n.reasons.includes('SHARES_BORDER') && (m.kind !== 'GEMEINDE' || !n.municipality.isGemeinde || n.municipality.isKreis))
      .map((n) => ({ ags: kreisOf(n.municipality), name: n.municipality.name }))
      .filter((n) => !seen.has(n.ags) && seen.add(n.ags));
    return { highlighted, neighbours };
  }, [m, data]);

  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <section aria-labelledby="neighbours-title">
          <Title order={2} size="h3" id="neighbours-title" mb="xs">
            {t('municipalities.neighbours.title')}
          </Title>
          <Text mb="md">{t('municipalities.neighbours.intro')}</Text>
          <NeighbourGroups neighbours={data.neighbours} landCode={m.landCode} />
        </section>
        <KreisMap name={m.name} highlighted={map.highlighted} neighbours={map.neighbours} />
      </SimpleGrid>

      {m.children.totalCount > 0 && (m.kind === 'LAND' || m.kind === 'LANDKREIS') && (
        <section aria-labelledby="children-title">
          <Title order={2} size="h3" id="children-title" mb="sm">
            {t(`municipalities.children.${m.kind}`)} ({m.children.totalCount})
          </Title>
          <List listStyleType="none" p={0} m={0} style={{ columns: '14rem' }}>
            {m.children.nodes.map((c) => (
              <List.Item key={c.id}>
                <Anchor component={Link} to={`/kommunen/${c.ags}`}>
                  {c.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
          {m.children.totalCount > m.children.nodes.length && (
            <Text size="sm" c="gray.7" mt="xs">
              {t('municipalities.children.more', { count: m.children.totalCount - m.children.nodes.length })}
            </Text>
          )}
        </section>
      )}

      <section aria-labelledby="later-title">
        <Title order={2} size="h3" id="later-title" mb="sm">
          {t('municipalities.later.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <MunicipalityPeople ags={m.ags} municipalityId={m.id} canJoin={m.kind !== 'LAND' && !m.retired} />
          {m.kind !== 'LAND' && !m.retired && <LocalOrganizations ags={m.ags} />}
        </SimpleGrid>
        {viewer && m.kind !== 'LAND' && (
          <Stack mt="md">
            <NeighbourCooperation ags={m.ags} name={m.name} />
            <GroupSuggestions municipalityAgs={m.ags} title={t('groups.suggestionsHere')} />
            <section aria-labelledby="rounds-here">
              <Title order={3} size="h4" id="rounds-here" mb="xs">
                {t('rounds.hostedHere', { name: m.name })}
              </Title>
              <HostedRounds filter={{ municipalityAgs: m.ags }} empty={t('rounds.noneHere')} />
            </section>
            <section aria-labelledby="events-here">
              <Title order={3} size="h4" id="events-here" mb="xs">
                {t('events.municipalityTitle')}
              </Title>
              <LocalEvents filter={{ municipalityAgs: m.ags }} empty={t('events.municipalityNone')} />
            </section>
            <ResidentOffers ags={m.ags} />
            <Anchor component={Link} to={`/materialien?kommune=${m.ags}`}>
              {t('materials.fromMunicipality', { name: m.name })}
            </Anchor>
          </Stack>
        )}
      </section>
    </>
  );
}
