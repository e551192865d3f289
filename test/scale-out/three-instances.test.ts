import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { RESERVATION_VERBS } from '../../src/reservations/card-verbs';
import { PostgresStore } from '../../src/store/postgres-store';
import { teamsActivity } from '../support/activity-factory';
import { cardText } from '../support/card-text';
import { holdsClient } from '../support/holds-client';
import { LocalConnector, type ConnectorCall } from '../support/local-connector';
import { requirePostgres, type TestDatabase } from '../support/postgres';
import { calmContoso } from '../support/watched-channel';
import { eventually, sleep, startHeadroomProcess, type HeadroomProcess } from './headroom-process';

const API_KEY = 'scale-out-test-key-0123456789abcdef';
const CHANNEL = '19:scale-out-alerts@thread.tacv2';
const TEAM_ID = '19:scale-out-team@thread.tacv2';
const E3 = 'SPE_E3';

function isDigest(call: ConnectorCall, summary: RegExp): boolean {
  return call.conversationId === CHANNEL && summary.test(String(call.body.summary ?? ''));
}

describe('three Headroom processes on one PostgreSQL', function () {
  this.timeout(60_000);
  let database: TestDatabase | null = null;
  let graph: DemoGraphServer | null = null;
  let connector: LocalConnector | null = null;
  let instances: HeadroomProcess[] = [];

  before(async function () {
    database = await requirePostgres(this);
    graph = await startDemoGraphServer({ enableControl: true });
    calmContoso(graph.tenant);
    connector = await new LocalConnector().start();
    const env = {
      DATABASE_URL: database.url,
      GRAPH_BASE_URL: graph.baseUrl,
      POLL_INTERVAL_SECONDS: '1',
      LICENSE_CACHE_SECONDS: '0',
      ADMIN_USER_IDS: CONTOSO_IDS.adminUserId,
      APPROVER_GROUP_ID: CONTOSO_IDS.approverGroupId,
      RESERVATION_SUGGESTIONS: 'off',
      HEADROOM_API_KEY: API_KEY,
      LOG_LEVEL: 'info',
    };
    const started = await Promise.allSettled(['a', 'b', 'c'].map((name) => startHeadroomProcess(name, env)));
    // Keep every process that did start, so `after` kills it even when another failed to start.
    instances = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const failure = started.find((outcome) => outcome.status === 'rejected');
    if (failure !== undefined) {
      throw failure.reason;
    }
  });

  after(async () => {
    await Promise.all(instances.map((instance) => instance.kill()));
    await connector?.stop();
    await graph?.close();
    await database?.drop();
  });

  function alive(): HeadroomProcess[] {
    return instances.filter((instance) => instance.alive());
  }

  async function post(instance: HeadroomProcess, activity: Record<string, unknown>): Promise<{ status: number; body: string }> {
    const response = await fetch(`${instance.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    return { status: response.status, body: await response.text() };
  }

  async function leaders(): Promise<HeadroomProcess[]> {
    const found: HeadroomProcess[] = [];
    for (const instance of alive()) {
      if ((await instance.health()).body.watcher.leader) {
        found.push(instance);
      }
    }
    return found;
  }

  it('posts one warning from three watchers, and one recovery notice after the leader is killed with SIGKILL', async () => {
    const [first] = alive();
    const watch = await post(first, {
      ...teamsActivity({
        serviceUrl: connector?.url ?? '',
        tenantId: CONTOSO_IDS.tenantId,
        text: 'watch here',
        mentionBot: true,
        conversationType: 'channel',
        conversationId: CHANNEL,
        teamId: TEAM_ID,
        userAadObjectId: CONTOSO_IDS.adminUserId,
      }),
    });
    assert.equal(watch.status, 200, watch.body);
    const leader = await eventually('one leading instance', async () => {
      const found = await leaders();
      return found.length === 1 ? found[0] : undefined;
    });

    graph?.tenant.updateSku(E3, { consumedUnits: 490 });
    await connector?.waitFor((calls) => calls.some((call) => isDigest(call, /License warnings/)), 15_000);
    await sleep(3_000);
    const warnings = connector?.sent().filter((call) => isDigest(call, /License warnings/)) ?? [];

    const killed = await leader.kill('SIGKILL');
    graph?.tenant.updateSku(E3, { consumedUnits: 250 });
    await connector?.waitFor((calls) => calls.some((call) => isDigest(call, /Licenses recovered/)), 20_000);
    await sleep(3_000);
    const recoveries = connector?.sent().filter((call) => isDigest(call, /Licenses recovered/)) ?? [];
    const newLeaders = await leaders();

    assert.equal(warnings.length, 1);
    assert.match(cardText((warnings[0].body.attachments as { content: Record<string, unknown> }[])[0].content), /Microsoft 365 E3/);
    assert.equal(killed.signal, 'SIGKILL');
    assert.equal(recoveries.length, 1);
    assert.equal(connector?.sent().filter((call) => isDigest(call, /License warnings|Licenses recovered/)).length, 2);
    assert.equal(newLeaders.length, 1);
    assert.notEqual(newLeaders[0], leader);
  });

  it('approves once when the same approval reaches two instances at the same moment', async () => {
    const store = new PostgresStore({ connectionString: database?.url ?? '' });
    const sku = graph?.tenant.updateSku(E3, {});
    const suggestion = await store.createSuggestion({
      skuId: sku?.skuId ?? '',
      skuPartNumber: E3,
      displayName: 'Microsoft 365 E3',
      quantity: 10,
      reasoning: {},
    });
    await store.close();
    const [one, two] = alive();
    const approve = (instance: HeadroomProcess, user: { id: string; name: string }): Promise<{ status: number; body: string }> =>
      post(
        instance,
        teamsActivity({
          serviceUrl: connector?.url ?? '',
          tenantId: CONTOSO_IDS.tenantId,
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: RESERVATION_VERBS.approve, data: { suggestionId: suggestion.id } }, trigger: 'manual' },
          conversationType: 'channel',
          conversationId: CHANNEL,
          teamId: TEAM_ID,
          userAadObjectId: user.id,
          userName: user.name,
        }),
      );

    const answers = await Promise.all([
      approve(one, { id: CONTOSO_IDS.approverUserId, name: 'Alex Wilber' }),
      approve(two, { id: CONTOSO_IDS.nestedApproverUserId, name: 'Nestor Wilke' }),
    ]);

    const listed = await fetch(`${one.url}/api/v1/suggestions`, { headers: { authorization: `Bearer ${API_KEY}` } });
    const body = (await listed.json()) as { suggestions: { id: string; status: string; decidedBy: string; history: { action: string }[] }[] };
    const entry = body.suggestions.find((item) => item.id === suggestion.id);
    assert.ok(entry);
    assert.equal(entry.status, 'approved');
    assert.equal(entry.history.filter((row) => row.action === 'approved').length, 1);
    const texts = answers.map((answer) => {
      const invoke = JSON.parse(answer.body) as { statusCode: number; value: Record<string, unknown> };
      assert.equal(answer.status, 200);
      assert.equal(invoke.statusCode, 200);
      return cardText(invoke.value);
    });
    assert.equal(texts.filter((text) => text.includes(`Already approved by ${entry.decidedBy}`)).length, 1, texts.join('\n---\n'));
  });

  it('holds the last seat once when two instances are asked for it at the same moment', async () => {
    const sku = graph?.tenant.updateSku(E3, {});
    graph?.tenant.updateSku(E3, { consumedUnits: (sku?.prepaidUnits.enabled ?? 0) - 1 });
    const [one, two] = alive();

    const answers = await Promise.all([
      holdsClient(one.url, API_KEY).postHold({ sku: E3, quantity: 1, reason: 'onboarding one' }),
      holdsClient(two.url, API_KEY).postHold({ sku: E3, quantity: 1, reason: 'onboarding two' }),
    ]);

    assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 409]);
    const listed = await holdsClient(two.url, API_KEY).listHolds();
    assert.equal((listed.body?.holds as unknown[]).length, 1);
  });
});
