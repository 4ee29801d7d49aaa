import { useQuery } from '@apollo/client/react';
import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RoundDatesDocument, type RoundsFilter } from '../../../gql/graphql';
import { RoundDateList } from './RoundDateList';

/** The next dates hosted by a working group or in a municipality, for its page. */
export function HostedRounds({ filter, empty }: { filter: RoundsFilter; empty: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(RoundDatesDocument, { variables: { filter, first: 10 } });
  if (!data) return null;
  return (
    <Stack gap="xs">
      <RoundDateList rounds={data.rounds.nodes} empty={empty} />
      <Anchor component={Link} to="/austauschrunden" size="sm">
        {t('rounds.all')}
      </Anchor>
    </Stack>
  );
}
