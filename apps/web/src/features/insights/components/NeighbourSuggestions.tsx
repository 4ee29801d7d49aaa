import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../components/useFormat';
import type { CooperationSuggestionsQuery } from '../../../gql/graphql';

type Suggestion = CooperationSuggestionsQuery['cooperationSuggestions'][number];

const pathOf = (s: Suggestion) =>
  ({
    GROUP: `/arbeitsgruppen/${s.subjectId}`,
    ROUND: `/austauschrunden/reihen/${s.seriesId}`,
    EVENT: `/veranstaltungen/${s.subjectId}`,
    CONCEPT: `/konzepte/${s.subjectId}`,
    OFFER: `/angebote/${s.subjectId}`,
  })[s.kind];

/** What the municipality could do with one neighbour it has a gap with, each with why it is suggested. */
export function NeighbourSuggestions({ suggestions, name, neighbour }: { suggestions: Suggestion[]; name: string; neighbour: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!suggestions.length) return null;
  return (
    <List size="sm" spacing={4} aria-label={t('insights.suggestionsTitle', { neighbour })}>
      {suggestions.map((s) => (
        <List.Item key={s.subjectId}>
          <Text size="sm" span>
            {t(`insights.suggestionKinds.${s.kind}`)}:{' '}
            <Anchor component={Link} to={pathOf(s)} size="sm">
              {s.title}
            </Anchor>
            {s.startsAt ? ` · ${format.dateTime(s.startsAt)}` : ''}
          </Text>
          <Text size="sm" c="gray.7">
            {t(`insights.why.${s.kind}`, { neighbour, name })}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
