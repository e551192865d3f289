import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { cardText } from '../support/card-text';
import { startHarness, type Harness } from '../support/headroom-harness';
import type { ConnectorCall } from '../support/local-connector';
import { watchChannel } from '../support/watched-channel';

const CHANNEL = '19:licensing@thread.tacv2';

function refreshOf(call: ConnectorCall): Record<string, unknown> | undefined {
  const attachments = call.body.attachments as { content: Record<string, unknown> }[];
  return attachments[0]?.content.refresh as Record<string, unknown> | undefined;
}

describe('refresh user ids on posted suggestion cards', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness({ ADMIN_USER_IDS: `${CONTOSO_IDS.adminUserId},${CONTOSO_IDS.approverUserId}` });
    await watchChannel(harness.headroom.store, harness.connector.url, CHANNEL);
  });
  afterEach(async () => {
    await harness.stop();
  });

  async function postedSuggestionCard(): Promise<ConnectorCall> {
    await harness.headroom.watcher.tickOnce();
    const call = harness.connector.sent().find((sent) => {
      const attachments = sent.body.attachments as { content: unknown }[] | undefined;
      return attachments !== undefined && cardText(attachments[0]?.content).includes('Reservation suggestion');
    });
    assert.ok(call, 'a suggestion card was posted');
    return call;
  }

  it('names approvers by their Teams user id (MRI) in the conversation, as Teams expects', async () => {
    harness.connector.members.add(CONTOSO_IDS.adminUserId);
    harness.connector.members.add(CONTOSO_IDS.approverUserId);

    const refresh = refreshOf(await postedSuggestionCard());

    assert.deepEqual(refresh?.userIds, [`29:mri-${CONTOSO_IDS.adminUserId}`, `29:mri-${CONTOSO_IDS.approverUserId}`]);
  });

  it('leaves out approvers Teams does not know in the conversation', async () => {
    harness.connector.members.add(CONTOSO_IDS.approverUserId);

    const refresh = refreshOf(await postedSuggestionCard());

    assert.deepEqual(refresh?.userIds, [`29:mri-${CONTOSO_IDS.approverUserId}`]);
  });

  it('drops the list when nobody can be looked up, so small chats refresh for everyone', async () => {
    const refresh = refreshOf(await postedSuggestionCard());

    assert.ok(refresh, 'the card still refreshes');
    assert.equal('userIds' in refresh, false);
  });
});
