import { useQuery } from '@apollo/client/react';
import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppInfoDocument } from '../../../gql/graphql';

/** Sign-in through the organisation's identity provider, where one is configured. */
export default function SsoLogin({ next, failed }: { next: string; failed: boolean }) {
  const { t } = useTranslation();
  const sso = useQuery(AppInfoDocument).data?.appInfo.ssoLabel;
  if (!sso) return null;
  return (
    <>
      {failed && (
        <Alert color="red" role="alert">
          {t('account.ssoFailed', { label: sso })}
        </Alert>
      )}
      <Text c="gray.7" ta="center">
        {t('account.or')}
      </Text>
      <Button component="a" variant="outline" href={`/auth/sso/login?weiter=${encodeURIComponent(next)}`}>
        {t('account.ssoButton', { label: sso })}
      </Button>
    </>
  );
}
