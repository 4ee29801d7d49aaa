import { useQuery } from '@apollo/client/react';
import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { MaterialForm } from '../features/materials/components/MaterialForm';
import { MyMembershipsDocument } from '../gql/graphql';

export function NewMaterialPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { data, loading } = useQuery(MyMembershipsDocument);
  if (loading && !data) return <LoadingState />;
  const confirmed = (data?.myMemberships ?? []).some((m) => m.status === 'CONFIRMED');
  return (
    <Stack maw={800}>
      <PageHeading>{t('materials.publish')}</PageHeading>
      {confirmed ? <MaterialForm groupId={params.get('gruppe') ?? undefined} /> : <Alert color="gray">{t('materials.needMembership')}</Alert>}
    </Stack>
  );
}
