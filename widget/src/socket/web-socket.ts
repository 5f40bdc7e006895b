/** The browser's WebSocket; Node gets `node-web-socket.ts` instead (package.json `imports`). */
export default WebSocket;
