import type { Prisma } from '../../generated/prisma/client.js';

/**
 * Where a kind of shared document keeps its Yjs updates: appended as they arrive, merged now and then, and
 * turned into the columns the rest of the app reads (a section's text, a round's notes).
 */
export interface DocStore {
  /** The merged state of a document. */
  state(tx: Prisma.TransactionClient, docId: string): Promise<Uint8Array>;
  append(tx: Prisma.TransactionClient, docId: string, update: Uint8Array): Promise<bigint>;
  /** Every update from `id` on, merged: what a process that missed a large update sends its sockets. */
  since(tx: Prisma.TransactionClient, docId: string, id: bigint): Promise<Uint8Array | null>;
  /** Writes the derived columns from the Yjs state and merges many rows into one. */
  materialize(tx: Prisma.TransactionClient, docId: string): Promise<void>;
}

/** A kind of shared document: its store and who may write it (throws FORBIDDEN or NOT_FOUND otherwise). */
export interface DocKind {
  store: DocStore;
  authorize(userId: string, ownerId: string, docId: string): Promise<void>;
}
