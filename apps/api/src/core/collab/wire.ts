import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import { badUserInput } from '../errors/app-error.js';

/** A whole update may hold a pasted chapter, not a book. */
export const MAX_UPDATE_BYTES = 512 * 1024;
export const MAX_AWARENESS_BYTES = 16 * 1024;

/** socket.io hands binary to the server as a Buffer; anything else is not a message. */
export function bytes(value: unknown, max: number): Uint8Array {
  const data = value instanceof Uint8Array ? value : value instanceof ArrayBuffer ? new Uint8Array(value) : null;
  if (!data || data.byteLength === 0) throw badUserInput('Die Nachricht enthält keine Daten.', { field: 'message' });
  if (data.byteLength > max) throw badUserInput('Die Änderung ist zu groß.', { field: 'message', limit: max });
  return data;
}

/** The state vector of a sync step 1. */
export function readStep1(message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message);
  try {
    if (decoding.readVarUint(decoder) !== messageYjsSyncStep1) throw new Error('not step 1');
    const vector = decoding.readVarUint8Array(decoder);
    Y.decodeStateVector(vector);
    return vector;
  } catch {
    throw badUserInput('Erwartet wird Schritt 1 des Yjs-Abgleichs.', { field: 'message' });
  }
}

/** The update of a sync step 2 or an update message, checked to be a well-formed Yjs update. */
export function readUpdate(message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message);
  try {
    const type = decoding.readVarUint(decoder);
    if (type !== messageYjsSyncStep2 && type !== messageYjsUpdate) throw new Error('not an update');
    const update = decoding.readVarUint8Array(decoder);
    Y.decodeUpdate(update);
    return update;
  } catch {
    throw badUserInput('Die Änderung ist keine gültige Yjs-Änderung.', { field: 'message' });
  }
}

/** Whether an update adds content (it has structs), rather than only deleting. */
export function adds(update: Uint8Array): boolean {
  return Y.decodeUpdate(update).structs.length > 0;
}

/** The client ids an awareness update speaks for: whose cursors vanish when its socket closes. */
export function awarenessClients(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  try {
    const count = decoding.readVarUint(decoder);
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(decoding.readVarUint(decoder));
      decoding.readVarUint(decoder);
      decoding.readVarString(decoder);
    }
    return ids;
  } catch {
    throw badUserInput('Die Anwesenheitsnachricht ist ungültig.', { field: 'update' });
  }
}

export function syncMessage(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
