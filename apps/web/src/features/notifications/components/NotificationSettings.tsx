import { useMutation, useQuery } from '@apollo/client/react';
import { NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { NotificationPreferencesDocument, SetNotificationPreferenceDocument, type NotificationChannel } from '../../../gql/graphql';

const CHANNELS: NotificationChannel[] = ['IN_APP', 'EMAIL', 'DIGEST', 'OFF'];

/** One choice per kind: in the app only, by mail at once, in the daily digest, or off. */
export function NotificationSettings() {
  const { t } = useTranslation();
  const { data } = useQuery(NotificationPreferencesDocument);
  const [save, saved] = useMutation(SetNotificationPreferenceDocument);
  return (
    <Stack component="section" aria-labelledby="notification-settings">
      <Title order={2} size="h3" id="notification-settings">
        {t('notifications.settings')}
      </Title>
      <Text>{t('notifications.settingsIntro')}</Text>
      <FormAlert error={saved.error} success={saved.data && !saved.loading ? t('notifications.saved') : undefined} />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('notifications.kind')}</Table.Th>
            <Table.Th scope="col">{t('notifications.channel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data?.notificationPreferences.map((p) => (
            <Table.Tr key={p.kind}>
              <Table.Th scope="row" fw={400}>
                {t(`notifications.kinds.${p.kind}`)}
              </Table.Th>
              <Table.Td>
                <NativeSelect
                  aria-label={t('notifications.channelFor', { kind: t(`notifications.kinds.${p.kind}`) })}
                  value={p.channel}
                  onChange={(e) =>
                    void save({ variables: { input: { kind: p.kind, channel: e.currentTarget.value as NotificationChannel } } }).catch(() => undefined)
                  }
                  data={CHANNELS.map((c) => ({
                    value: c,
                    label: t(`notifications.channels.${c}`) + (c === p.defaultChannel ? ` (${t('notifications.default')})` : ''),
                  }))}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
