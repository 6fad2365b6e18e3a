// Synchronous callbacks in every place the rule watches.
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs';

const bus = new EventEmitter();
const names = ['b', 'a'];

names.forEach((name) => console.log(name));
export const sorted = [...names].sort((a, b) => a.localeCompare(b));
export const short = names.filter((name) => name.length < 3);
export const found = names.find((name) => name === 'a');
bus.on('tick', (n: number) => console.log(n));
setTimeout(() => bus.emit('tick', 1), 10);
readFile('/etc/hosts', (error, data) => console.log(error ?? data.length));
process.on('exit', (code) => console.log('exit', code));
