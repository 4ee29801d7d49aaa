import { Injectable } from '@nestjs/common';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { EDITOR_FIELD, EDITOR_SCHEMA } from '../../concepts/collab/editor-schema.js';
import type { PmNode } from '../../concepts/section-content.js';
import type { DocStore } from '../../core/collab/doc-store.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { notesMarkdown } from './notes-markdown.js';

/** From this many stored updates on, the rows are merged into one when the notes are next derived. */
const COMPACT_AT = 50;

/**
 * The shared notes of a round's date, one Yjs document per date in `RoundNoteUpdate`. A new document starts with
 * the accepted agenda items as headings; `Round.notes` holds them as Markdown for the protocol.
 */
@Injectable()
export class RoundNotesDocs implements DocStore {
  async state(tx: Prisma.TransactionClient, roundId: string): Promise<Uint8Array> {
    const rows = await this.rows(tx, roundId);
    if (rows.length) return Y.mergeUpdates(rows.map((r) => r.update));
    await this.lock(tx, roundId);
    return Y.encodeStateAsUpdate((await this.load(tx, roundId)).doc);
  }

  async append(tx: Prisma.TransactionClient, roundId: string, update: Uint8Array): Promise<bigint> {
    return (await tx.roundNoteUpdate.create({ data: { roundId, update: Buffer.from(update) }, select: { id: true } })).id;
  }

  async since(tx: Prisma.TransactionClient, roundId: string, id: bigint): Promise<Uint8Array | null> {
    const rows = await tx.roundNoteUpdate.findMany({ where: { roundId, id: { gte: id } }, orderBy: { id: 'asc' }, select: { update: true } });
    return rows.length ? Y.mergeUpdates(rows.map((r) => r.update)) : null;
  }

  async size(tx: Prisma.TransactionClient, roundId: string): Promise<number> {
    const [row] = await tx.$queryRaw<{ bytes: number }[]>`
      SELECT coalesce(sum(octet_length(update)), 0)::int AS bytes FROM "RoundNoteUpdate" WHERE "roundId" = ${roundId}::uuid`;
    return row?.bytes ?? 0;
  }

  async materialize(tx: Prisma.TransactionClient, roundId: string, compact = false): Promise<boolean> {
    await this.lock(tx, roundId);
    const { doc, rows } = await this.load(tx, roundId);
    const notes = notesMarkdown(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(EDITOR_FIELD)) as PmNode);
    await tx.round.update({ where: { id: roundId }, data: { notes } });
    if (rows.length >= COMPACT_AT || (compact && rows.length > 1)) {
      // Exactly the rows merged: one committed meanwhile with a lower id stays.
      await tx.roundNoteUpdate.deleteMany({ where: { roundId, id: { in: rows.map((r) => r.id) } } });
      await this.append(tx, roundId, Y.encodeStateAsUpdate(doc));
    }
    return true;
  }

  /** The document under the lock; a new one gets the agenda's headings first. */
  private async load(tx: Prisma.TransactionClient, roundId: string) {
    const rows = await this.rows(tx, roundId);
    const doc = new Y.Doc({ gc: true });
    for (const row of rows) Y.applyUpdate(doc, row.update);
    if (!rows.length) {
      const agenda = await tx.roundAgendaItem.findMany({ where: { roundId, status: 'ACCEPTED' }, orderBy: { position: 'asc' } });
      if (agenda.length) {
        const content: PmNode = {
          type: 'doc',
          content: agenda.flatMap((a) => [{ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: a.title }] }, { type: 'paragraph' }]),
        };
        prosemirrorJSONToYXmlFragment(EDITOR_SCHEMA, content, doc.getXmlFragment(EDITOR_FIELD));
        await this.append(tx, roundId, Y.encodeStateAsUpdate(doc));
      }
    }
    return { doc, rows };
  }

  private rows(tx: Prisma.TransactionClient, roundId: string) {
    return tx.roundNoteUpdate.findMany({ where: { roundId }, orderBy: { id: 'asc' }, select: { id: true, update: true } });
  }

  async lock(tx: Prisma.TransactionClient, roundId: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`round-notes:${roundId}`}, 0))`;
  }
}
