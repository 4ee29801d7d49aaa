import { useFormat } from '../../../components/useFormat';
import { dayOf } from '../../../components/berlinDay';

/** A date of an event in German time: a day with its hours, or the first and last day of a multi-day one. */
export function EventWhen({ startsAt, endsAt }: { startsAt: string; endsAt: string }) {
  const format = useFormat();
  if (dayOf(startsAt) === dayOf(endsAt)) {
    return (
      <>
        <time dateTime={startsAt}>{format.berlinDateTime(startsAt)}</time> – <time dateTime={endsAt}>{format.berlinTime(endsAt)}</time>
      </>
    );
  }
  return (
    <>
      <time dateTime={startsAt}>{format.berlinDateTime(startsAt)}</time> – <time dateTime={endsAt}>{format.berlinDateTime(endsAt)}</time>
    </>
  );
}
