import { useQuery } from '@apollo/client/react';
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EventsDocument, type EventsFilter, OffersDocument } from '../../../gql/graphql';
import { EventList } from './EventList';

/** A municipality's or group's coming events, for its page. */
export function LocalEvents({ filter, empty }: { filter: EventsFilter; empty: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(EventsDocument, { variables: { filter, first: 10, offset: 0 } });
  if (!data) return null;
  return (
    <Stack gap="xs">
      <EventList events={data.events.nodes} empty={empty} />
      <Anchor component={Link} to="/veranstaltungen" size="sm">
        {t('events.all')}
      </Anchor>
    </Stack>
  );
}

/** The offers open to a municipality's residents, its neighbours' included, for its page. */
export function ResidentOffers({ ags }: { ags: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(OffersDocument, { variables: { filter: { municipalityAgs: ags }, first: 20, offset: 0 } });
  if (!data) return null;
  return (
    <section aria-labelledby="offers-here">
      <Title order={3} size="h4" id="offers-here" mb="xs">
        {t('offers.municipalityTitle')}
      </Title>
      {data.offers.nodes.length === 0 ? (
        <Text c="gray.7">{t('offers.municipalityNone')}</Text>
      ) : (
        <List spacing={4} listStyleType="none" ml={0} pl={0}>
          {data.offers.nodes.map((o) => (
            <List.Item key={o.id}>
              <Anchor component={Link} to={`/angebote/${o.id}`}>
                {o.title}
              </Anchor>
              <Text size="sm" c="gray.7">
                {t(`offers.kinds.${o.kind}`)} · {o.provider.name}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
