import { useMutation } from '@apollo/client/react';
import { Anchor, Stack } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormAlert } from '../components/FormAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { ConfirmEmailChangeDocument, MeDocument } from '../gql/graphql';

export function ConfirmEmailChangePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [confirm, { data, error, called }] = useMutation(ConfirmEmailChangeDocument, { refetchQueries: [MeDocument] });
  const once = useRef(false);
  useEffect(() => {
    if (once.current) return;
    once.current = true;
    void confirm({ variables: { token: params.get('token') ?? '' } }).catch(() => undefined);
  }, [confirm, params]);
  return (
    <Stack maw={560}>
      <PageHeading>{t('account.emailChangedTitle')}</PageHeading>
      {called && !data && !error && <LoadingState />}
      <FormAlert error={error} success={data?.confirmEmailChange ? t('account.emailChanged') : undefined} />
      <Anchor component={Link} to="/konto">
        {t('account.myAccount')}
      </Anchor>
    </Stack>
  );
}
