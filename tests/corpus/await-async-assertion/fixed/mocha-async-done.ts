import assert from 'node:assert';
import { EventEmitter, once } from 'node:events';
import { seedDatabase } from '../shared/app.js';

describe('events', function () {
  it('emits ready after seeding', async function () {
    const bus = new EventEmitter();
    const ready = once(bus, 'ready');
    await seedDatabase();
    bus.emit('ready');
    await ready;
    assert.ok(true);
  });
});
