import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startHarness, type Harness } from '../support/headroom-harness';

describe('the tenant allowlist', () => {
  describe('defaulting to the organization Graph reports', () => {
    let harness: Harness;
    before(async () => {
      harness = await startHarness();
    });
    after(async () => {
      await harness.stop();
    });

    it("answers Headroom's own tenant", async () => {
      const { replies } = await harness.send({ text: 'help', tenantId: CONTOSO_IDS.tenantId });
      assert.equal(replies.length, 1);
    });

    it('gives another tenant no reply and reads nothing from Graph for it', async () => {
      await harness.send({ text: 'help', tenantId: CONTOSO_IDS.tenantId });
      harness.graph.stats.reset();
      const { status, replies } = await harness.send({ text: 'licenses', tenantId: randomUUID() });
      assert.equal(status, 200);
      assert.equal(replies.length, 0);
      assert.equal(harness.graph.stats.httpRequests, 0);
    });

    it('gives an activity with no tenant at all no reply', async () => {
      const { replies } = await harness.send({ text: 'licenses', tenantId: '' });
      assert.equal(replies.length, 0);
    });
  });

  describe('set with ALLOWED_TENANT_IDS', () => {
    const partner = randomUUID();
    let harness: Harness;
    before(async () => {
      harness = await startHarness({ ALLOWED_TENANT_IDS: `${partner}` });
    });
    after(async () => {
      await harness.stop();
    });

    it('answers a listed tenant and ignores an unlisted one, even the Graph tenant', async () => {
      assert.equal((await harness.send({ text: 'help', tenantId: partner.toUpperCase() })).replies.length, 1);
      assert.equal((await harness.send({ text: 'help', tenantId: CONTOSO_IDS.tenantId })).replies.length, 0);
    });
  });
});
