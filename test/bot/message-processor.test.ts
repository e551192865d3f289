import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../support/headroom-harness';

describe('POST /api/messages', () => {
  let harness: Harness;

  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness.stop();
  });

  const post = (body: string, contentType = 'application/json'): Promise<Response> =>
    fetch(`${harness.headroom.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('answers 400 to a body that is not an activity, and runs nothing', async () => {
    for (const body of ['[]', '{"text":"no type"}', '"licenses"']) {
      harness.connector.clear();
      const response = await post(body);
      assert.equal(response.status, 400, body);
      assert.equal(harness.connector.calls.length, 0);
    }
  });

  it('answers 400 to broken JSON', async () => {
    const response = await post('{"type": "message",');
    assert.equal(response.status, 400);
  });

  it('answers an invoke with the invoke response status and body', async () => {
    const { status, body } = await harness.send({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'reservation.approve', data: { suggestionId: 'nope' } } } });
    assert.equal(status, 200);
    const parsed = JSON.parse(body) as { statusCode: number; type: string };
    assert.equal(parsed.type, 'application/vnd.microsoft.error');
  });
});
