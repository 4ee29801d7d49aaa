import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { AdaptConceptDocument, MyMembershipsDocument } from '../../../gql/graphql';

/** Makes the organisation's own concept from this version; it stays linked and sees later changes. */
export function AdaptForm({ versionId, number }: { versionId: string; number: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const memberships = useQuery(MyMembershipsDocument);
  const organizations = (memberships.data?.myMemberships ?? [])
    .filter((m) => m.status === 'CONFIRMED')
    .map((m) => ({ value: m.organization.id, label: m.organization.name }));
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [adapt, { loading, error }] = useMutation(AdaptConceptDocument);
  const chosen = organizationId ?? (organizations.length === 1 ? organizations[0]!.value : null);
  return (
    <Stack
      component="form"
      aria-labelledby="adapt-concept"
      onSubmit={(e) => {
        e.preventDefault();
        if (!chosen) return;
        void adapt({ variables: { input: { versionId, organizationId: chosen } } })
          .then((res) => res.data && navigate(`/konzepte/${res.data.adaptConcept.id}`))
          .catch(() => undefined);
      }}
    >
      <Title order={2} size="h4" id="adapt-concept">
        {t('concepts.adaptTitle')}
      </Title>
      <Text>{t('concepts.adaptIntro', { number })}</Text>
      {organizations.length > 1 && <Select label={t('concepts.adaptFor')} required data={organizations} value={organizationId} onChange={setOrganizationId} />}
      <FormAlert error={error} />
      <Button type="submit" loading={loading} disabled={!chosen} w="fit-content">
        {t('concepts.adapt')}
      </Button>
    </Stack>
  );
}
