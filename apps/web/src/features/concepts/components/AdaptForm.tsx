import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { AdaptConceptDocument, ConceptLineageDocument, MyMembershipsDocument } from '../../../gql/graphql';
import { forgetLists } from '../../../app/forgetLists';

/** Makes the organisation's own concept from this version; it stays linked and sees later changes. */
export function AdaptForm({
  conceptId,
  versionId,
  number,
  ownerOrganizationId,
}: {
  conceptId: string;
  versionId: string;
  number: number;
  ownerOrganizationId: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const memberships = useQuery(MyMembershipsDocument);
  const lineage = useQuery(ConceptLineageDocument, { variables: { conceptId } });
  const adapted = new Map(
    (lineage.data?.conceptLineage.adaptations ?? []).flatMap((a) => (a.organization ? [[a.organization.id, a.concept.id] as const] : [])),
  );
  const mine = (memberships.data?.myMemberships ?? []).filter((m) => m.status === 'CONFIRMED' && m.organization.id !== ownerOrganizationId);
  const organizations = mine.filter((m) => !adapted.has(m.organization.id)).map((m) => ({ value: m.organization.id, label: m.organization.name }));
  const own = mine.filter((m) => adapted.has(m.organization.id));
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [adapt, { loading, error }] = useMutation(AdaptConceptDocument, { update: forgetLists('concepts', 'conceptLineage') });
  if (!memberships.data || !lineage.data || mine.length === 0) return null;
  if (organizations.length === 0) {
    return (
      <Stack gap="xs">
        {own.map((m) => (
          <Anchor key={m.organization.id} component={Link} to={`/konzepte/${adapted.get(m.organization.id)}`}>
            {t('concepts.openOwnAdaptation', { organization: m.organization.name })}
          </Anchor>
        ))}
      </Stack>
    );
  }
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
