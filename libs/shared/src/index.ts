export * from './errors/error-codes.js';
export * from './realtime/socket-events.js';
export * from './catalogue/topics.js';
export * from './catalogue/materials.js';
export * from './navigation/safe-next.js';
export * from './room/round-room-client.js';
