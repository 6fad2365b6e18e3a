// An IP address comes back as a string, a host name as a promise of one.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export const resolveHost = (name: string) => (isIP(name) ? name : lookup(name).then((r) => r.address)); // expect-report
