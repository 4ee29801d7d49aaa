import { useLazyQuery } from '@apollo/client/react';
import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { EventFeedUrlDocument } from '../../../gql/graphql';

/** The calendar subscription of events near me, or of a working group's dates: shown on request (it is a secret). */
export function EventFeed({ groupId }: { groupId?: string }) {
  const { t } = useTranslation();
  const [load, feed] = useLazyQuery(EventFeedUrlDocument, { fetchPolicy: 'network-only' });
  const url = feed.data?.eventFeedUrl;
  const key = groupId ? 'group' : 'near';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`event-feed-${key}`}>
      <Stack gap="xs">
        <Title order={2} size="h5" id={`event-feed-${key}`}>
          {t(`events.feed.${key}.title`)}
        </Title>
        <Text size="sm">{t(`events.feed.${key}.intro`)}</Text>
        {url ? (
          <TextInput label={t('rounds.feed.label')} value={url} readOnly onFocus={(e) => e.currentTarget.select()} />
        ) : (
          <Button variant="light" w="fit-content" loading={feed.loading} onClick={() => void load({ variables: { nearMe: true, groupId: groupId ?? null } })}>
            {t('rounds.feed.show')}
          </Button>
        )}
        <FormAlert error={feed.error} />
      </Stack>
    </Paper>
  );
}
