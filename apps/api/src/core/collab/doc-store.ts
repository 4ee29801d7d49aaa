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
  /** Bytes stored for the document: what its size limit is measured on. */
  size(tx: Prisma.TransactionClient, docId: string): Promise<number>;
  /**
   * Writes the derived columns from the Yjs state and merges many rows into one, deleted text dropped; with
   * `compact`, merges whatever there is (a document at its size limit, to see what deleting freed). False when the
   * state could not become the columns (they keep what they had): whoever relies on them must say so.
   */
  materialize(tx: Prisma.TransactionClient, docId: string, compact?: boolean): Promise<boolean>;
  /** Held to the end of the transaction by whoever rewrites the whole state, and by an append that adds (its size check). */
  lock(tx: Prisma.TransactionClient, docId: string): Promise<void>;
}

/** A kind of shared document: its store and who may write it (throws FORBIDDEN or NOT_FOUND otherwise). */
export interface DocKind {
  store: DocStore;
  /** Bytes a document may take in the store; deleting is always possible. */
  maxBytes: number;
  authorize(userId: string, ownerId: string, docId: string): Promise<void>;
}
