import { useQuery } from '@apollo/client/react';
import { Anchor, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ErrorState';
import { errorCode } from '../../../components/errorMessage';
import { GroupSuggestionsDocument } from '../../../gql/graphql';
import { GroupCard } from './GroupCard';

/** Groups to join: for the signed-in person, or around a municipality (`municipalityAgs`). */
export function GroupSuggestions({ municipalityAgs, title }: { municipalityAgs?: string; title: string }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(GroupSuggestionsDocument, { variables: { municipalityAgs: municipalityAgs ?? null } });
  const list = data?.groupSuggestions ?? [];
  return (
    <section aria-labelledby="group-suggestions-title">
      <Title order={2} size="h3" id="group-suggestions-title" mb="sm">
        {title}
      </Title>
      {data && !list.length && <Text c="gray.7">{t('groups.noSuggestions')}</Text>}
      {/* Someone new, before their membership is confirmed, learns why there is nothing yet and where to ask. */}
      {errorCode(error) === 'FORBIDDEN' ? (
        <Text c="gray.7">
          {t('groups.suggestionsAfterMembership')}{' '}
          <Anchor component={Link} to="/kommunen">
            {t('groups.toMemberships')}
          </Anchor>
        </Text>
      ) : (
        error && <ErrorState error={error} />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {list.map((s) => (
          <GroupCard key={s.group.id} group={s.group}>
            <Text size="sm" mt={4}>
              {s.reasons.map((r) => t(`groups.reason.${r}`)).join(' · ')}
              {s.via.length > 0 && ` – ${t('groups.via', { places: s.via.map((v) => v.name).join(', ') })}`}
            </Text>
          </GroupCard>
        ))}
      </SimpleGrid>
    </section>
  );
}
