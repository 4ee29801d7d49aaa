import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ErrorState';
import { FormAlert } from '../../../components/FormAlert';
import { LoadingState } from '../../../components/LoadingState';
import { useFormat } from '../../../components/useFormat';
import { MarkAllNotificationsReadDocument, MarkNotificationsReadDocument, NotificationsDocument, UnreadNotificationCountDocument } from '../../../gql/graphql';

const PAGE = 20;

/** The person's notifications, newest first; opening one marks it read. */
export function NotificationList() {
  const { t } = useTranslation();
  const format = useFormat();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const { data, loading, error, fetchMore, refetch } = useQuery(NotificationsDocument, { variables: { first: PAGE, unreadOnly: filter === 'unread' } });
  const refetchQueries = [UnreadNotificationCountDocument, NotificationsDocument];
  const [markRead] = useMutation(MarkNotificationsReadDocument, { refetchQueries });
  const [markAll, all] = useMutation(MarkAllNotificationsReadDocument, { refetchQueries });
  const list = data?.notifications;
  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as 'all' | 'unread')}
          data={[
            { value: 'all', label: t('notifications.all') },
            { value: 'unread', label: t('notifications.unread') },
          ]}
          aria-label={t('notifications.filter')}
        />
        <Button variant="outline" onClick={() => void markAll().catch(() => undefined)} loading={all.loading} disabled={!list?.nodes.some((n) => !n.readAt)}>
          {t('notifications.markAll')}
        </Button>
      </Group>
      <FormAlert error={all.error} />
      {loading && !list && <LoadingState />}
      {error && <ErrorState onRetry={() => void refetch()} />}
      {list?.nodes.length === 0 && <Text>{filter === 'unread' ? t('notifications.noneUnread') : t('notifications.none')}</Text>}
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {list?.nodes.map((n) => (
          <Paper component="li" key={n.id} withBorder p="sm" bg={n.readAt ? undefined : 'verbund.0'}>
            <Anchor
              component={Link}
              to={n.link}
              fw={n.readAt ? 400 : 600}
              onClick={() => !n.readAt && void markRead({ variables: { ids: [n.id] } }).catch(() => undefined)}
            >
              {n.text}
            </Anchor>
            <Text size="sm" c="gray.7">
              {format.dateTime(n.createdAt)}
              {n.readAt ? '' : ` · ${t('notifications.unreadMark')}`}
            </Text>
          </Paper>
        ))}
      </Stack>
      {list?.pageInfo.hasNextPage && (
        <Button
          variant="subtle"
          onClick={() =>
            void fetchMore({
              variables: { after: list.pageInfo.endCursor },
              updateQuery: (prev, { fetchMoreResult }) => ({
                notifications: { ...fetchMoreResult.notifications, nodes: [...prev.notifications.nodes, ...fetchMoreResult.notifications.nodes] },
              }),
            })
          }
        >
          {t('notifications.more')}
        </Button>
      )}
    </Stack>
  );
}
