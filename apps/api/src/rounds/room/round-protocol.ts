import type { RoundPoll } from '@verbund/shared';

export interface ProtocolInput {
  title: string;
  startsAt: Date;
  endsAt: Date;
  hostName: string;
  municipalities: string[];
  agenda: string[];
  notes: string;
  polls: RoundPoll[];
  actions: { who: string; what: string; due: Date | null }[];
}

const berlin = (d: Date, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', ...options }).format(d);
/** Markdown must not turn what people wrote into structure of the protocol. */
const inline = (s: string) => s.replace(/([\\`*_[\]#<>|])/g, '\\$1').replace(/\s+/g, ' ');

const CUT = '\n\n*(Die Notizen sind hier gekürzt: Sie waren länger, als ein Protokoll fassen kann.)*';
const CUT_ALL = '\n\n*(Das Protokoll ist hier gekürzt: Der Raum hält alles Weitere fest.)*';

/**
 * The protocol of a date as Markdown: what was agreed, decided and noted, and who took part (by consent). Beyond
 * `maxLength` the shared notes are cut, and if what remains is still too long, the protocol's end: nothing written
 * in a room keeps it from closing.
 */
export function protocolMarkdown(p: ProtocolInput, maxLength = Infinity): string {
  const full = protocolText(p);
  if (full.length <= maxLength) return full;
  const notes = p.notes.trim();
  const keep = Math.max(0, notes.length - (full.length - maxLength) - CUT.length);
  const cut = notes ? protocolText({ ...p, notes: notes.slice(0, keep) + CUT }) : full;
  return cut.length <= maxLength ? cut : cut.slice(0, maxLength - CUT_ALL.length) + CUT_ALL;
}

function protocolText(p: ProtocolInput): string {
  const date = berlin(p.startsAt, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = `${berlin(p.startsAt, { hour: '2-digit', minute: '2-digit' })}–${berlin(p.endsAt, { hour: '2-digit', minute: '2-digit' })} Uhr`;
  const lines = [`# Protokoll: ${inline(p.title)}`, '', `${date}, ${time}. Gastgeberin: ${inline(p.hostName)}.`, ''];
  lines.push('## Teilnehmende Kommunen', '');
  lines.push(p.municipalities.length ? p.municipalities.map((m) => `- ${inline(m)}`).join('\n') : 'Keine Kommune hat der Nennung zugestimmt.', '');
  lines.push('## Tagesordnung', '');
  lines.push(p.agenda.length ? p.agenda.map((a, i) => `${i + 1}. ${inline(a)}`).join('\n') : 'Ohne festgelegte Tagesordnung.', '');
  if (p.notes.trim()) lines.push('## Notizen', '', p.notes.trim(), '');
  lines.push('## Abstimmungen', '');
  if (!p.polls.length) lines.push('Keine Abstimmungen.', '');
  for (const poll of p.polls) {
    lines.push(`**${inline(poll.question)}**`, '');
    poll.options.forEach((option, i) => {
      const named = poll.anonymous || !poll.voters[i]?.length ? '' : ` (${poll.voters[i]!.map(inline).join(', ')})`;
      lines.push(`- ${inline(option)}: ${poll.counts[i] ?? 0}${named}`);
    });
    lines.push('');
  }
  lines.push('## Aufgaben', '');
  lines.push(
    p.actions.length
      ? p.actions
          .map((a) => `- ${inline(a.who)}: ${inline(a.what)}${a.due ? ` (bis ${berlin(a.due, { day: '2-digit', month: '2-digit', year: 'numeric' })})` : ''}`)
          .join('\n')
      : 'Keine Aufgaben.',
    '',
  );
  return lines.join('\n');
}
