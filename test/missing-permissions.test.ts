import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../src/demo-tenant/contoso-tenant';
import { REQUIRED_PERMISSIONS } from '../src/graph/graph-permissions';
import { checkAdaptiveCard } from './cards/support/check-adaptive-card';
import { cardText, cardTexts } from './support/card-text';
import { startHarness, type Harness } from './support/headroom-harness';

const API_KEY = 'test-key-0123456789abcdef0123456789abcdef';
const EVERY_QUESTION = ['help', 'licenses', 'shortfalls', 'how many E3 left?', 'can I assign 2 E3?', 'alerts', 'reservations', 'mute visio', 'unmute visio'];

interface LicensesBody {
  skus: { skuPartNumber: string; waiting: number | null; shortfall: number | null; available: number }[];
  problems: { permission: string; effect: string }[];
}

describe('Headroom without one of its Graph permissions', () => {
  let harness: Harness;

  before(async () => {
    harness = await startHarness({
      HEADROOM_API_KEY: API_KEY,
      ADMIN_USER_IDS: CONTOSO_IDS.adminUserId,
      ADMIN_GROUP_ID: CONTOSO_IDS.approverGroupId,
    });
  });
  after(async () => {
    await harness.stop();
  });
  afterEach(() => {
    harness.graph.grants.grantAll();
    harness.graph.stats.reset();
  });

  const grantAllBut = (missing: string | null): void => {
    harness.graph.grants.grantOnly(REQUIRED_PERMISSIONS.filter((permission) => permission !== missing));
  };
  const api = async (): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${harness.headroom.url}/api/v1/licenses`, { headers: { authorization: `Bearer ${API_KEY}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const health = async (): Promise<{ graph: { missingPermissions: string[] } }> =>
    (await (await fetch(`${harness.headroom.url}/healthz`)).json()) as { graph: { missingPermissions: string[] } };
  const warningsNaming = (permission: string): number =>
    harness.logLines.filter((line) => line['level'] === 'warn' && String(line['msg'] ?? line['message']).includes(`permission ${permission} is missing`)).length;

  it('answers every command with exactly the required permissions, and Graph refuses nothing', async () => {
    grantAllBut(null);

    for (const text of EVERY_QUESTION) {
      const { summary } = await harness.ask(text, { userAadObjectId: CONTOSO_IDS.adminUserId });
      assert.doesNotMatch(summary, /permission|not allowed/i, text);
    }
    // An admin through ADMIN_GROUP_ID: checkMemberGroups with User.Read.All and GroupMember.Read.All.
    for (const text of ['mute visio', 'unmute visio']) {
      const { summary } = await harness.ask(text, { userAadObjectId: CONTOSO_IDS.approverUserId });
      assert.doesNotMatch(summary, /permission|only headroom admins/i, text);
    }
    const { status, body } = await api();

    assert.equal(status, 200);
    assert.deepEqual(body['problems'], []);
    assert.equal(harness.graph.stats.denied, 0, JSON.stringify(harness.graph.stats.deniedByEndpoint));
    assert.deepEqual((await health()).graph.missingPermissions, []);
  });

  it('without GroupMember.Read.All shows the figures but says waiting is unknown, in the API, chat, /healthz and the log once', async () => {
    grantAllBut('GroupMember.Read.All');

    const first = await api();
    await api();
    const { summary } = await harness.ask('licenses', { userAadObjectId: CONTOSO_IDS.adminUserId });

    assert.equal(first.status, 200);
    const body = first.body as unknown as LicensesBody;
    assert.ok(body.skus.length > 0);
    for (const sku of body.skus) {
      assert.equal(sku.waiting, null, sku.skuPartNumber);
      assert.equal(sku.shortfall, null, sku.skuPartNumber);
      assert.equal(typeof sku.available, 'number');
    }
    assert.deepEqual(
      body.problems.map((problem) => problem.permission),
      ['GroupMember.Read.All'],
    );
    assert.match(body.problems[0]?.effect ?? '', /unknown/);
    assert.match(summary, /GroupMember\.Read\.All/);
    assert.match(summary, /unknown/);
    assert.deepEqual((await health()).graph.missingPermissions, ['GroupMember.Read.All']);
    assert.equal(warningsNaming('GroupMember.Read.All'), 1);
  });

  it('without GroupMember.Read.All no chat card claims a waiting count or shortfall; each says unknown and why', async () => {
    // With every permission, the product card counts Contoso's E3 waiting users: the control for the check below.
    grantAllBut(null);
    const known = cardText((await harness.ask('how many E3 left?', { userAadObjectId: CONTOSO_IDS.adminUserId })).card);
    assert.match(known, /Contractors {2}· \d+ waiting/);
    assert.doesNotMatch(known, /unknown/i);

    grantAllBut('GroupMember.Read.All');
    for (const question of ['how many E3 left?', 'shortfalls', 'licenses', 'can I assign 2 E3?', 'errors']) {
      const { card, summary } = await harness.ask(question, { userAadObjectId: CONTOSO_IDS.adminUserId });
      const text = cardText(card);

      assert.deepEqual(checkAdaptiveCard(card), [], question);
      assert.match(text, /GroupMember\.Read\.All/, question);
      assert.match(text, /unknown/i, question);
      // No count of waiting users, shortfall or license errors, 0 or otherwise, and no "all clear".
      assert.doesNotMatch(text, /\d+ waiting|Users waiting \d|Shortfall \d|shortfall \d|All clear|no license errors/i, `${question}: ${text}`);
      assert.doesNotMatch(summary, /\d+ waiting|shortfall \d|all clear|no license errors/i, `${question}: ${summary}`);
    }
    const product = cardTexts((await harness.ask('how many E3 left?', { userAadObjectId: CONTOSO_IDS.adminUserId })).card);
    // Two products match "E3"; each shows its waiting users, shortfall and blocked users as unknown, never a number.
    assert.equal(product.filter((text) => text === 'Unknown (a Graph permission is missing)').length, 6, product.join(' | '));
    assert.ok(!product.some((text) => /waiting, by group/i.test(text)), product.join(' | '));
  });

  it('without GroupMember.Read.All an alert tick records no history row rather than a waiting of 0', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const e3 = (await harness.headroom.licenses.figures()).figures.find((sku) => sku.skuPartNumber === 'SPE_E3');
    assert.ok(e3);
    grantAllBut('GroupMember.Read.All');
    const before = (await harness.headroom.store.listHistory(e3.skuId, since)).length;

    await harness.headroom.watcher.tickOnce();
    const without = await harness.headroom.store.listHistory(e3.skuId, since);
    grantAllBut(null);
    await harness.headroom.watcher.tickOnce();
    const after = await harness.headroom.store.listHistory(e3.skuId, since);

    assert.equal(without.length, before);
    // The control: with the permission back, the same tick records E3 with its real waiting users.
    assert.equal(after.length, before + 1, JSON.stringify(after));
    assert.ok(after.every((row) => row.waiting > 0), JSON.stringify(after));
  });

  it('without Organization.Read.All shows nothing and says which permission to grant', async () => {
    grantAllBut('Organization.Read.All');

    const { summary } = await harness.ask('licenses', { userAadObjectId: CONTOSO_IDS.adminUserId });
    const { status, body } = await api();
    const missing = (await health()).graph.missingPermissions;

    // Figures read before the permission went missing are not served: they would hide it.
    assert.match(summary, /needs the application permission Organization\.Read\.All/);
    assert.doesNotMatch(summary, /Power BI/);
    assert.equal(status, 502);
    assert.match(String(body['error']), /Organization\.Read\.All/);
    assert.ok(missing.includes('Organization.Read.All'), JSON.stringify(missing));
    assert.equal(warningsNaming('Organization.Read.All'), 1);
  });

  it('without User.Read.All refuses group-based admin checks naming the permission, while ADMIN_USER_IDS still work', async () => {
    grantAllBut('User.Read.All');

    const listed = await harness.ask('mute visio', { userAadObjectId: CONTOSO_IDS.adminUserId });
    // Not asked before: the policy caches membership answers for a few minutes.
    const byGroup = await harness.ask('mute visio', { userAadObjectId: CONTOSO_IDS.nestedApproverUserId });
    await harness.ask('unmute visio', { userAadObjectId: CONTOSO_IDS.adminUserId });

    assert.doesNotMatch(listed.summary, /User\.Read\.All/);
    assert.match(byGroup.summary, /User\.Read\.All/);
    assert.match(byGroup.summary, /ADMIN_USER_IDS/);
    assert.ok((await health()).graph.missingPermissions.includes('User.Read.All'));
  });
});
