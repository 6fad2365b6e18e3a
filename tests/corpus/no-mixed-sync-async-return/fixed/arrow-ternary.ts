import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export const resolveHost = async (name: string) => (isIP(name) ? name : (await lookup(name)).address);
