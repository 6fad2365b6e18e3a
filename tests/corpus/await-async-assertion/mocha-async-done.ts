// mocha: an async function that also takes `done` ("Resolution method is
// overspecified"), or, in older runners, a test that ends on whichever comes
// first.
import assert from 'node:assert';
import { EventEmitter } from 'node:events';
import { seedDatabase } from './shared/app.js';

describe('events', function () {
  it('emits ready after seeding', async function (done) { // expect-report
    const bus = new EventEmitter();
    bus.once('ready', () => done());
    await seedDatabase();
    bus.emit('ready');
    assert.ok(true);
  });
});
