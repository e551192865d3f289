import assert from 'node:assert/strict';
import { RequestGate } from '../../src/shutdown/request-gate';

describe('RequestGate', () => {
  it('turns requests away once closed and keeps counting the admitted ones', () => {
    const gate = new RequestGate();
    const leave = gate.enter();
    gate.close();

    const refused = gate.enter();

    assert.equal(refused, null);
    assert.equal(gate.accepting, false);
    assert.equal(gate.active, 1);
    assert.equal(typeof leave, 'function');
  });

  it('drains only when every admitted request has left, counting a double leave once', async () => {
    const gate = new RequestGate();
    const first = gate.enter();
    const second = gate.enter();
    gate.close();
    let drained = false;
    const waiting = gate.drained().then(() => {
      drained = true;
    });

    first?.();
    first?.();
    await Promise.resolve();
    const drainedWithOneLeft = drained;
    second?.();
    await waiting;

    assert.equal(drainedWithOneLeft, false);
    assert.equal(drained, true);
    assert.equal(gate.active, 0);
  });

  it('is drained at once when nothing is in flight', async () => {
    const gate = new RequestGate();
    gate.close();

    await gate.drained();

    assert.equal(gate.active, 0);
  });
});
