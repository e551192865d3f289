import assert from 'node:assert/strict';
import type { CardActionRequest } from '../../src/chat/card-action';
import { CardActionRegistry, CardVerbRegistrationError } from '../../src/chat/card-action-registry';

function request(verb: string): CardActionRequest {
  return { verb, data: {}, tenantId: 't', actor: { aadObjectId: null, name: 'someone' } };
}

describe('CardActionRegistry', () => {
  it('routes each verb to the handler registered for it', async () => {
    const registry = new CardActionRegistry();
    const calls: string[] = [];
    registry.register('a.one', (r) => {
      calls.push(`one:${r.verb}`);
      return Promise.resolve({ kind: 'error', statusCode: 409, code: 'Conflict', message: 'one' });
    });
    registry.register('b.two', (r) => {
      calls.push(`two:${r.verb}`);
      return Promise.resolve({ kind: 'error', statusCode: 410, code: 'Gone', message: 'two' });
    });

    const outcome = await registry.dispatch(request('b.two'));

    assert.deepEqual(calls, ['two:b.two']);
    assert.deepEqual(outcome, { kind: 'error', statusCode: 410, code: 'Gone', message: 'two' });
    assert.deepEqual(registry.verbs(), ['a.one', 'b.two']);
  });

  it('answers an unknown verb with a 400 outcome', async () => {
    const registry = new CardActionRegistry();

    const outcome = await registry.dispatch(request('nobody.knows'));

    assert.equal(outcome.kind, 'error');
    assert.equal(outcome.kind === 'error' ? outcome.statusCode : 0, 400);
  });

  it('knows only registered verbs, whatever the client sends', () => {
    const registry = new CardActionRegistry();
    registry.register('a.one', () => Promise.reject(new Error('not called')));

    assert.deepEqual([registry.handles('a.one'), registry.handles('a.two'), registry.handles(42), registry.handles(null), registry.handles({})], [true, false, false, false, false]);
  });

  it('refuses a verb registered twice or not of the form noun.verb', () => {
    const registry = new CardActionRegistry();
    const handler = (): Promise<never> => Promise.reject(new Error('not called'));
    registry.register('a.one', handler);

    assert.throws(() => registry.register('a.one', handler), CardVerbRegistrationError);
    for (const verb of ['approve', 'a.b.c', 'A.one', '.one', 'a.', '']) {
      assert.throws(() => registry.register(verb, handler), CardVerbRegistrationError, verb);
    }
  });
});
