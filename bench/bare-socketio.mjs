// Baseline for the live room: a bare socket.io server relaying chat to a room, no auth, no storage.
import http from 'node:http';
import { Server } from 'socket.io';

let id = 0;
const server = http.createServer();
const io = new Server(server, { path: '/socket.io', serveClient: false });
io.on('connection', (socket) => {
  socket.on('round:join', ({ roundId }, ack) => {
    socket.join(`round:${roundId}`);
    ack({ ok: true });
  });
  socket.on('chat:send', ({ roundId, clientId, body }, ack) => {
    const message = { roundId, id: String(++id), clientId, html: body, authorName: '', authorId: null, createdAt: new Date().toISOString(), hidden: false };
    io.to(`round:${roundId}`).emit('chat:message', message);
    ack({ ok: true, message: { id: message.id, createdAt: message.createdAt } });
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => io.close(() => process.exit(0)));
