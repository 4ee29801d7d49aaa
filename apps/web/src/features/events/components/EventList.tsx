import { Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { EventFieldsFragment } from '../../../gql/graphql';
import { EventWhen } from './EventWhen';

/** Events as short lines (title, when, organiser), for calendar days and municipality and group pages. */
export function EventList({
  events,
  empty,
  at,
}: {
  events: EventFieldsFragment[];
  empty: string;
  at?: (e: EventFieldsFragment) => { startsAt: string; endsAt: string };
}) {
  if (!events.length) return <Text c="gray.7">{empty}</Text>;
  return (
    <List spacing={4} listStyleType="none" ml={0} pl={0}>
      {events.map((e) => {
        const when = at?.(e) ?? e;
        return (
          <List.Item key={e.id}>
            <Anchor component={Link} to={`/veranstaltungen/${e.id}`}>
              {e.title}
            </Anchor>
            <Text size="sm" c="gray.7">
              <EventWhen startsAt={when.startsAt} endsAt={when.endsAt} /> · {e.organizerName}
            </Text>
          </List.Item>
        );
      })}
    </List>
  );
}
