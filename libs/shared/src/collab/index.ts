export * from './collab-socket.js';
export * from './concept-sync.js';
export * from './section-sync.js';
