import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { createGraphAccess } from '../../src/graph/graph-access';
import type { ReclaimCandidate, ReclaimScan } from '../../src/reclaim/reclaim-scan';
import { runReclaimScan } from '../../src/reclaim/run-reclaim-scan';
import { captureLogger } from '../support/capture-logger';
import { cardText } from '../support/card-text';
import { startHarness, type Harness } from '../support/headroom-harness';

const HOUR = 3_600_000;

describe('reclaim questions in chat', () => {
  let harness: Harness;

  before(async () => {
    harness = await startHarness({ ADMIN_USER_IDS: CONTOSO_IDS.adminUserId });
  });
  after(async () => {
    await harness.stop();
  });

  function skuId(partNumber: string): string {
    const sku = harness.graph.tenant.findSku(partNumber);
    assert.ok(sku, `the demo tenant has ${partNumber}`);
    return sku.skuId;
  }

  /** Leavers and dormant accounts with names no other part of a reply could contain. */
  function candidates(): ReclaimCandidate[] {
    const e3 = skuId('SPE_E3');
    return [
      { userId: 'u-1', userPrincipalName: 'quentin.leaver@contoso.example', displayName: 'Quentin Leaver', skuId: e3, reason: 'disabled', lastSignIn: '2026-04-01T09:00:00.000Z', assignedBy: 'direct' },
      { userId: 'u-2', userPrincipalName: 'ursula.gone@contoso.example', displayName: 'Ursula Gone', skuId: e3, reason: 'disabled', lastSignIn: null, assignedBy: { groupId: CONTOSO_IDS.approverGroupId, displayName: 'Sales Bundle Reclaim' } },
      { userId: 'u-3', userPrincipalName: 'ivo.dormant@contoso.example', displayName: 'Ivo Dormant', skuId: e3, reason: 'inactive', lastSignIn: '2026-06-15T09:00:00.000Z', assignedBy: 'direct' },
      { userId: 'u-1', userPrincipalName: 'quentin.leaver@contoso.example', displayName: 'Quentin Leaver', skuId: skuId('POWER_BI_PRO'), reason: 'disabled', lastSignIn: '2026-04-01T09:00:00.000Z', assignedBy: 'direct' },
    ];
  }
  const PERSONAL = ['Quentin Leaver', 'quentin.leaver', 'Ursula Gone', 'ursula.gone', 'Ivo Dormant', 'ivo.dormant'];

  async function saveScan(scan: Partial<ReclaimScan> = {}): Promise<void> {
    await harness.headroom.store.saveReclaimScan({
      asOf: new Date(Date.now() - 3 * HOUR).toISOString(),
      inactiveDays: 90,
      inactiveUnknown: null,
      candidates: candidates(),
      ...scan,
    });
  }

  /** The whole reply a question got, as JSON: card, summary and envelope. */
  async function replyJson(text: string, userAadObjectId: string): Promise<string> {
    const { status, replies } = await harness.send({ text, userAadObjectId });
    assert.equal(status, 200);
    assert.equal(replies.length, 1);
    return JSON.stringify(replies[0]?.body);
  }

  it('says there is no scan yet rather than showing 0', async () => {
    const { card, summary } = await harness.ask('reclaim', { userAadObjectId: CONTOSO_IDS.adminUserId });

    assert.match(cardText(card), /No reclaim scan yet/);
    assert.match(cardText(card), /unknown, not zero/);
    assert.doesNotMatch(cardText(card), /\b0 seats/);
    assert.match(summary, /No reclaim scan yet/);
  });

  describe('with a stored scan', () => {
    before(async () => {
      await saveScan();
    });

    it('shows an admin each account: name, sign-in name, reason, last sign-in and how the seat is held', async () => {
      const { card } = await harness.ask('who can give back M365 E3?', { userAadObjectId: CONTOSO_IDS.adminUserId });
      const text = cardText(card);

      for (const name of ['Quentin Leaver', ' · quentin.leaver@contoso.example', 'Ursula Gone', 'Ivo Dormant']) {
        assert.ok(text.includes(name), `shows ${name}`);
      }
      assert.ok(text.includes('Disabled · last sign-in 2026-04-01'), text);
      assert.ok(text.includes('Disabled · last sign-in not known · through the group Sales Bundle Reclaim'), text);
      assert.ok(text.includes('Inactive · last sign-in 2026-06-15'), text);
      assert.ok(text.includes('2 seats on disabled accounts · 1 on accounts inactive for 90+ days'), text);
      assert.ok(text.includes('2 assigned directly'), text);
      assert.ok(text.includes('1 through the group Sales Bundle Reclaim'), text);
      assert.ok(text.includes('Scanned 3 hours ago'), text);
    });

    it('shows someone who is not an admin the counts and no name anywhere in the reply', async () => {
      for (const question of ['reclaim', 'unused m365 e3', 'who can give back power bi pro?']) {
        const json = await replyJson(question, CONTOSO_IDS.regularUserId);

        for (const personal of PERSONAL) {
          assert.ok(!json.includes(personal), `"${question}" leaks ${personal}`);
        }
        assert.match(json, /personal data/);
      }
      const { card } = await harness.ask('reclaim', { userAadObjectId: CONTOSO_IDS.regularUserId });
      assert.ok(cardText(card).includes('2 seats on disabled accounts · 1 on accounts inactive for 90+ days'));
      assert.ok(cardText(card).includes('1 seat on disabled accounts · 0 on accounts inactive for 90+ days'));
    });

    it('shows an admin who asks in a channel the counts only, since everyone there reads the reply', async () => {
      const { status, replies } = await harness.send({
        text: 'reclaim m365 e3',
        userAadObjectId: CONTOSO_IDS.adminUserId,
        mentionBot: true,
        conversationType: 'channel',
        conversationId: '19:ops@thread.tacv2;messageid=7',
        teamId: '19:team@thread.tacv2',
      });
      const json = JSON.stringify(replies[0]?.body);

      assert.equal(status, 200);
      assert.equal(replies.length, 1);
      assert.ok(!PERSONAL.some((personal) => json.includes(personal)), json.slice(0, 500));
      assert.match(json, /admins see them when they ask me in a personal chat/);
      assert.match(json, /2 seats on disabled accounts/);
    });

    it('gives a message with no Entra object id counts only', async () => {
      const { status, replies } = await harness.send({ text: 'reclaim' });
      const json = JSON.stringify(replies[0]?.body);

      assert.equal(status, 200);
      assert.ok(!PERSONAL.some((personal) => json.includes(personal)));
    });

    it('answers a product nobody can give back with known zeros', async () => {
      const { card } = await harness.ask('reclaim visio', { userAadObjectId: CONTOSO_IDS.adminUserId });

      assert.match(cardText(card), /No seats of this product are on disabled accounts or on inactive ones/);
    });

    it('answers an unknown product as other questions do', async () => {
      const { card } = await harness.ask('reclaim zzzz', { userAadObjectId: CONTOSO_IDS.adminUserId });

      assert.match(cardText(card), /couldn.t find a license matching “ ?zzzz ?”/);
    });
  });

  describe('when the scan could not read sign-in activity', () => {
    before(async () => {
      await saveScan({
        inactiveUnknown: { reason: 'permission', detail: 'Graph refused signInActivity: AuditLog.Read.All is not granted.' },
        candidates: candidates().filter((candidate) => candidate.reason === 'disabled'),
      });
    });

    it('says the inactive figure is unknown and what to grant, never 0', async () => {
      const { card, summary } = await harness.ask('reclaim m365 e3', { userAadObjectId: CONTOSO_IDS.regularUserId });
      const text = cardText(card);

      assert.match(text, /inactive accounts are unknown: Headroom's app lacks the Microsoft Graph application permission AuditLog\.Read\.All/);
      assert.ok(text.includes('Graph refused signInActivity: AuditLog.Read.All is not granted.'));
      assert.ok(text.includes('2 seats on disabled accounts · unknown on accounts inactive for 90+ days'), text);
      assert.match(summary, /2 disabled, inactive unknown/);
    });
  });

  describe("with a real scan of Contoso's directory", () => {
    let scan: ReclaimScan;

    before(async () => {
      const graph = createGraphAccess({ baseUrl: harness.graph.baseUrl, auth: harness.headroom.config.graph.auth }, captureLogger().logger);
      scan = await runReclaimScan(graph.reclaimReader, { inactiveDays: 90, excludeGroupId: CONTOSO_IDS.reclaimExcludeGroupId, now: () => new Date() });
      await harness.headroom.store.saveReclaimScan(scan);
    });

    it('lists Microsoft 365 E3 leavers to an admin, 25 of them and how many more, with the group seats named', async () => {
      const e3 = scan.candidates.filter((candidate) => candidate.skuId === skuId('SPE_E3'));
      const disabled = e3.filter((candidate) => candidate.reason === 'disabled').length;
      assert.ok(disabled > 25, 'Contoso has more E3 leavers than one card lists');

      const { card } = await harness.ask('reclaim m365 e3', { userAadObjectId: CONTOSO_IDS.adminUserId });
      const text = cardText(card);

      assert.ok(text.includes(`${disabled} seats on disabled accounts`), text.slice(0, 400));
      assert.ok(text.includes(`and ${e3.length - 25} more accounts`), text.slice(-600));
      assert.match(text, /through the group Microsoft 365 E3 - Standard/);
      const shown = e3.filter((candidate) => text.includes(candidate.userPrincipalName));
      assert.equal(shown.length, 25);
    });

    it('names none of them to someone who is not an admin', async () => {
      const json = await replyJson('reclaim', CONTOSO_IDS.regularUserId);

      const leaked = scan.candidates.filter((candidate) => json.includes(candidate.userPrincipalName) || json.includes(candidate.displayName));
      assert.deepEqual(leaked.map((candidate) => candidate.userPrincipalName), []);
      assert.match(json, /seats on disabled accounts/);
    });
  });
});
