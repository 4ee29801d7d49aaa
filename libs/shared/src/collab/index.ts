export * from './collab-socket.js';
export * from './doc-sync.js';
export * from './room-docs.js';
