import { useMutation } from '@apollo/client/react';
import { Anchor, Stack } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormAlert } from '../components/FormAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { VerifyEmailDocument } from '../gql/graphql';

export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [verify, { data, error, called }] = useMutation(VerifyEmailDocument);
  const once = useRef(false);
  useEffect(() => {
    if (once.current) return;
    once.current = true;
    void verify({ variables: { token: params.get('token') ?? '' } }).catch(() => undefined);
  }, [verify, params]);
  return (
    <Stack maw={560}>
      <PageHeading>{t('account.verifyTitle')}</PageHeading>
      {called && !data && !error && <LoadingState />}
      <FormAlert error={error} success={data?.verifyEmail ? t('account.verified') : undefined} />
      <Anchor component={Link} to="/anmelden">
        {t('account.login')}
      </Anchor>
    </Stack>
  );
}
