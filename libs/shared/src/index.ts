export * from './errors/error-codes.js';
export * from './realtime/socket-events.js';
