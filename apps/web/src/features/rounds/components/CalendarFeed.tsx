import { useLazyQuery, useMutation } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { MyCalendarFeedUrlDocument, RenewCalendarFeedTokenDocument } from '../../../gql/graphql';

/** The personal calendar subscription: shown on request (it is a secret), renewable. */
export function CalendarFeed() {
  const { t } = useTranslation();
  const [load, feed] = useLazyQuery(MyCalendarFeedUrlDocument, { fetchPolicy: 'network-only' });
  const [renew, renewed] = useMutation(RenewCalendarFeedTokenDocument);
  const url = renewed.data?.renewCalendarFeedToken ?? feed.data?.myCalendarFeedUrl;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendar-feed">
      <Stack gap="xs">
        <Title order={2} size="h5" id="calendar-feed">
          {t('rounds.feed.title')}
        </Title>
        <Text size="sm">{t('rounds.feed.intro')}</Text>
        {url ? (
          <TextInput label={t('rounds.feed.label')} value={url} readOnly onFocus={(e) => e.currentTarget.select()} />
        ) : (
          <Button variant="light" w="fit-content" loading={feed.loading} onClick={() => void load()}>
            {t('rounds.feed.show')}
          </Button>
        )}
        {url && (
          <Group>
            <Button size="compact-sm" variant="subtle" loading={renewed.loading} onClick={() => void renew().catch(() => undefined)}>
              {t('rounds.feed.renew')}
            </Button>
          </Group>
        )}
        <FormAlert error={feed.error ?? renewed.error} success={renewed.data ? t('rounds.feed.renewed') : undefined} />
      </Stack>
    </Paper>
  );
}
