import { useMutation } from '@apollo/client/react';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormAlert } from '../components/FormAlert';
import { PageHeading } from '../components/PageHeading';
import { UnsubscribeNotificationsDocument } from '../gql/graphql';

/** From a mail's link, without signing in. A button confirms, so that a mail scanner opening the link changes nothing. */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [unsubscribe, { data, loading, error }] = useMutation(UnsubscribeNotificationsDocument);
  const kind = data?.unsubscribeNotifications;
  return (
    <Stack maw={640}>
      <PageHeading>{t('notifications.unsubscribeTitle')}</PageHeading>
      {kind ? (
        <FormAlert success={t('notifications.unsubscribed', { kind: t(`notifications.kinds.${kind}`) })} />
      ) : (
        <>
          <Text>{t('notifications.unsubscribeIntro')}</Text>
          <FormAlert error={error} />
          <Button onClick={() => void unsubscribe({ variables: { token } }).catch(() => undefined)} loading={loading} disabled={!token} w="fit-content">
            {t('notifications.unsubscribeSubmit')}
          </Button>
        </>
      )}
      <Anchor component={Link} to="/benachrichtigungen">
        {t('notifications.allSettings')}
      </Anchor>
    </Stack>
  );
}
