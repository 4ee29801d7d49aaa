/**
 * State that every API process must see alike: who is in a room (presence), and ordered lists such as a speaking
 * list. In memory for one process; in Redis (`REDIS_URL`) when several processes serve the same rooms.
 * Presence entries belong to a process: when a process dies, its entries vanish with it.
 */
export interface SharedStore {
  /** Records that `socketId` of `userId` is in `room`. */
  enter(room: string, userId: string, socketId: string): Promise<void>;
  /** Removes the socket from the room; true when it was there. */
  leave(room: string, socketId: string): Promise<boolean>;
  /** The people in the room, each once, in the order of their earliest socket still there. */
  present(room: string): Promise<string[]>;
  /** Appends `item` to the ordered list unless it is already in it; false when it was. */
  push(list: string, item: string): Promise<boolean>;
  /** Removes `item` from the list; true when it was there. */
  remove(list: string, item: string): Promise<boolean>;
  items(list: string): Promise<string[]>;
  close(): Promise<void>;
}

export const SHARED_STORE = Symbol('SHARED_STORE');

export class MemoryStore implements SharedStore {
  private readonly rooms = new Map<string, Map<string, string>>();
  private readonly lists = new Map<string, string[]>();

  async enter(room: string, userId: string, socketId: string): Promise<void> {
    const sockets = this.rooms.get(room) ?? new Map<string, string>();
    sockets.set(socketId, userId);
    this.rooms.set(room, sockets);
  }

  async leave(room: string, socketId: string): Promise<boolean> {
    const sockets = this.rooms.get(room);
    const removed = sockets?.delete(socketId) ?? false;
    if (sockets?.size === 0) this.rooms.delete(room);
    return removed;
  }

  async present(room: string): Promise<string[]> {
    return [...new Set(this.rooms.get(room)?.values() ?? [])];
  }

  async push(list: string, item: string): Promise<boolean> {
    const items = this.lists.get(list) ?? [];
    if (items.includes(item)) return false;
    this.lists.set(list, [...items, item]);
    return true;
  }

  async remove(list: string, item: string): Promise<boolean> {
    const items = this.lists.get(list) ?? [];
    this.lists.set(
      list,
      items.filter((i) => i !== item),
    );
    return items.includes(item);
  }

  async items(list: string): Promise<string[]> {
    return [...(this.lists.get(list) ?? [])];
  }

  async close(): Promise<void> {
    this.rooms.clear();
  }
}
