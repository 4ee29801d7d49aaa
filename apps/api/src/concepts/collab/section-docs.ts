import { Injectable } from '@nestjs/common';
import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { DocStore } from '../../core/collab/doc-store.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { EMPTY_DOC, type PmNode, plainText, validDoc } from '../section-content.js';
import { EDITOR_FIELD, EDITOR_SCHEMA } from './editor-schema.js';

/** From this many stored updates on, a section's rows are merged into one when its text is next written. */
const COMPACT_AT = 50;

/**
 * The shared text of sections as Yjs documents in PostgreSQL: updates are appended as they arrive (Yjs updates
 * commute; one that adds text holds the lock only to measure the size) and merged into one row now and then. Whatever rewrites a whole section (the demo
 * data, "take upstream", a section from before the shared editor) goes through here too, as a Yjs change, so the
 * editors that are open apply it like anyone's typing.
 */
@Injectable()
export class SectionDocs implements DocStore {
  /** The merged state of a section; a section with text but no updates yet gets its text written in first. */
  async state(tx: Prisma.TransactionClient, sectionId: string): Promise<Uint8Array> {
    const rows = await this.rows(tx, sectionId);
    if (rows.length) return Y.mergeUpdates(rows.map((r) => r.update));
    await this.lock(tx, sectionId);
    return (await this.load(tx, sectionId)).state;
  }

  async append(tx: Prisma.TransactionClient, sectionId: string, update: Uint8Array): Promise<bigint> {
    const row = await tx.conceptSectionUpdate.create({ data: { sectionId, update: Buffer.from(update) }, select: { id: true } });
    return row.id;
  }

  /** Every update from `id` on, merged: what a process that missed a large update sends its sockets. */
  async since(tx: Prisma.TransactionClient, sectionId: string, id: bigint): Promise<Uint8Array | null> {
    const rows = await tx.conceptSectionUpdate.findMany({ where: { sectionId, id: { gte: id } }, orderBy: { id: 'asc' }, select: { update: true } });
    return rows.length ? Y.mergeUpdates(rows.map((r) => r.update)) : null;
  }

  /**
   * Makes the section's text `content` as the smallest Yjs change from what it is now (concurrent typing
   * elsewhere in the section survives), stores it and the derived columns; returns the update to broadcast.
   */
  async replace(tx: Prisma.TransactionClient, sectionId: string, content: PmNode): Promise<{ update: Uint8Array; id: bigint } | null> {
    await this.lock(tx, sectionId);
    const { doc } = await this.load(tx, sectionId);
    const changes: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => changes.push(update));
    updateYFragment(doc, doc.getXmlFragment(EDITOR_FIELD), EDITOR_SCHEMA.nodeFromJSON(content), { mapping: new Map(), isOMark: new Map() });
    await this.writeColumns(tx, sectionId, content);
    if (!changes.length) return null;
    const update = Y.mergeUpdates(changes);
    return { update, id: await this.append(tx, sectionId, update) };
  }

  async size(tx: Prisma.TransactionClient, sectionId: string): Promise<number> {
    const [row] = await tx.$queryRaw<{ bytes: number }[]>`
      SELECT coalesce(sum(octet_length(update)), 0)::int AS bytes FROM "ConceptSectionUpdate" WHERE "sectionId" = ${sectionId}::uuid`;
    return row?.bytes ?? 0;
  }

  /**
   * Writes the section's `content` and `text` from its Yjs state (what publishing, comparison and search read)
   * and merges its rows when there are many.
   */
  async materialize(tx: Prisma.TransactionClient, sectionId: string, compact = false): Promise<boolean> {
    await this.lock(tx, sectionId);
    const { doc, rows } = await this.load(tx, sectionId);
    const fragment = doc.getXmlFragment(EDITOR_FIELD);
    // An empty section is the app's empty document, which the editor's schema (a block at least) would refuse.
    const content = fragment.length ? (yXmlFragmentToProsemirrorJSON(fragment) as PmNode) : EMPTY_DOC;
    const derived = !fragment.length || (validDoc(content) && fitsSchema(content));
    if (derived) await this.writeColumns(tx, sectionId, content);
    if (rows.length >= COMPACT_AT || (compact && rows.length > 1)) {
      // Exactly the rows merged: one committed meanwhile with a lower id stays.
      await tx.conceptSectionUpdate.deleteMany({ where: { sectionId, id: { in: rows.map((r) => r.id) } } });
      await this.append(tx, sectionId, Y.encodeStateAsUpdate(doc));
    }
    return derived;
  }

  /** The section's document under the lock; written from its stored text first if it has no updates yet. */
  private async load(tx: Prisma.TransactionClient, sectionId: string) {
    const rows = await this.rows(tx, sectionId);
    const doc = new Y.Doc({ gc: true });
    for (const row of rows) Y.applyUpdate(doc, row.update);
    if (!rows.length) {
      const section = await tx.conceptSection.findUniqueOrThrow({ where: { id: sectionId }, select: { content: true } });
      const content = section.content as unknown as PmNode;
      if (content.content?.length) {
        prosemirrorJSONToYXmlFragment(EDITOR_SCHEMA, content, doc.getXmlFragment(EDITOR_FIELD));
        await this.append(tx, sectionId, Y.encodeStateAsUpdate(doc));
      }
    }
    return { doc, rows, state: Y.encodeStateAsUpdate(doc) };
  }

  private async rows(tx: Prisma.TransactionClient, sectionId: string) {
    return tx.conceptSectionUpdate.findMany({ where: { sectionId }, orderBy: { id: 'asc' }, select: { id: true, update: true } });
  }

  private async writeColumns(tx: Prisma.TransactionClient, sectionId: string, content: PmNode): Promise<void> {
    const text = plainText(content).trim();
    const current = await tx.conceptSection.findUniqueOrThrow({ where: { id: sectionId }, select: { content: true, text: true } });
    if (current.text === text && JSON.stringify(current.content) === JSON.stringify(content)) return;
    await tx.conceptSection.update({ where: { id: sectionId }, data: { content: content as unknown as Prisma.InputJsonObject, text } });
  }

  /** One writer of a section's whole state at a time; an append that adds text holds it to measure the size. */
  async lock(tx: Prisma.TransactionClient, sectionId: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`concept-section:${sectionId}`}, 0))`;
  }
}

/** What a client wrote must still be a document the editor understands before it becomes the section's text. */
function fitsSchema(content: PmNode): boolean {
  try {
    EDITOR_SCHEMA.nodeFromJSON(content).check();
    return true;
  } catch {
    return false;
  }
}
