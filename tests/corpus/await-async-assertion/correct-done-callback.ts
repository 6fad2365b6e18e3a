// A synchronous test that takes `done` and calls it when the event arrives.
import assert from 'node:assert';
import { EventEmitter } from 'node:events';

describe('emitter', function () {
  it('emits ready', function (done) {
    const bus = new EventEmitter();
    bus.once('ready', (value: number) => {
      assert.equal(value, 1);
      done();
    });
    bus.emit('ready', 1);
  });
});
