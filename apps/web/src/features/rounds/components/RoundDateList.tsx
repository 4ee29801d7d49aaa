import { Anchor, Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../components/useFormat';
import type { RoundDatesQuery } from '../../../gql/graphql';

export type RoundDate = RoundDatesQuery['rounds']['nodes'][number];

/** Dates in a short list: when, what (linked to its series), who hosts. */
export function RoundDateList({ rounds, empty }: { rounds: RoundDate[]; empty: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!rounds.length) return <Text c="gray.7">{empty}</Text>;
  return (
    <List spacing="xs" listStyleType="none" ml={0} pl={0}>
      {rounds.map((r) => (
        <List.Item key={r.id}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} size="sm">
              <time dateTime={r.startsAt}>{format.berlinDateTime(r.startsAt)}</time>
            </Text>
            <Anchor component={Link} to={`/austauschrunden/reihen/${r.series.id}`}>
              {r.title}
            </Anchor>
            <Text size="sm" c="gray.7">
              {t('rounds.host', { name: r.series.hostName })}
            </Text>
            {r.myRegistration && (
              <Badge variant="light" color={r.myRegistration === 'REGISTERED' ? 'verbund' : 'gray'}>
                {t(`rounds.my.${r.myRegistration}`)}
              </Badge>
            )}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
