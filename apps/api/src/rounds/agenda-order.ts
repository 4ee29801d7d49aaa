import { type AgendaItem, AgendaItemStatus } from './models/round.model.js';

/** Accepted items in their order, then the proposals, most votes first. */
export function orderAgenda(items: AgendaItem[]): AgendaItem[] {
  const accepted = items.filter((i) => i.status === AgendaItemStatus.ACCEPTED).sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const proposed = items.filter((i) => i.status === AgendaItemStatus.PROPOSED).sort((a, b) => b.voteCount - a.voteCount);
  return [...accepted, ...proposed];
}
