// Packages installed without types: everything they export is `any`.
declare module 'ws';
declare module 'socket.io';
declare module 'node-cron';
