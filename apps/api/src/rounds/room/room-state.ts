/** The room opens this long before a date for everyone registered. */
export const OPENS_BEFORE_MS = 15 * 60_000;
/** A room nobody closed becomes read-only this long after the date's end. */
export const ENDS_AFTER_MS = 12 * 3_600_000;

export type RoomState = 'NOT_YET' | 'OPEN' | 'CLOSED';

export interface RoomTimes {
  startsAt: Date;
  endsAt: Date;
  status: string;
  roomOpenedAt: Date | null;
  roomClosedAt: Date | null;
}

/** Open from 15 minutes before the start (or earlier, when a moderator opened it) until a moderator closes it. */
export function roomState(round: RoomTimes, now = Date.now()): RoomState {
  if (round.status === 'CANCELLED' || round.roomClosedAt || now > round.endsAt.getTime() + ENDS_AFTER_MS) return 'CLOSED';
  if (round.roomOpenedAt || now >= round.startsAt.getTime() - OPENS_BEFORE_MS) return 'OPEN';
  return 'NOT_YET';
}

export const roomName = (roundId: string) => `round:${roundId}` as const;
