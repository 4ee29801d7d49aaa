import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { DatesCalendar } from '../../../components/DatesCalendar';
import { RoundDatesDocument, type RoundsFilter } from '../../../gql/graphql';
import { type RoundDate, RoundDateList } from './RoundDateList';

/** The rounds of a month or a week. */
export function RoundsCalendar({ view, filter }: { view: 'month' | 'week'; filter: RoundsFilter }) {
  const { t } = useTranslation();
  const useRounds = (from: Date, to: Date): RoundDate[] => {
    const { data, previousData } = useQuery(RoundDatesDocument, {
      variables: { filter: { ...filter, from: from.toISOString(), to: to.toISOString() }, first: 100 },
    });
    return (data ?? previousData)?.rounds.nodes ?? [];
  };
  return (
    <DatesCalendar
      view={view}
      useItems={useRounds}
      startsOf={(r) => [r.startsAt]}
      renderList={(rounds) => <RoundDateList rounds={rounds} empty={t('rounds.calendar.none')} />}
    />
  );
}
