import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../support/headroom-harness';
import { holdsClient, type ApiClient } from '../support/holds-client';
import { requirePostgres, type TestDatabase } from '../support/postgres';

const API_KEY = 'hostile-key-0123456789abcdef0123456789abcdef';

/** Text that is unusual but valid: each must come back from the API and the store exactly as sent. */
const TRICKY_REASONS: { name: string; text: string }[] = [
  { name: 'emoji with a zero-width joiner and skin tone', text: 'for 👩🏽‍💻 onboarding 🎉' },
  { name: 'combining marks, not precomposed', text: 'Cafe\u0301 re\u0301sume\u0301 n\u0303' },
  { name: 'right-to-left text with a direction mark', text: 'שלום \u200Fעולם مرحبا' },
  { name: 'tabs, newlines and a carriage return', text: 'line one\tcol\nline two\r\nline three' },
  { name: 'four-byte characters outside the BMP', text: '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎 𓀀' },
];

/** Text the text rule refuses: a 400 naming the field, and nothing stored. */
const REFUSED_REASONS: { name: string; text: string; character: RegExp }[] = [
  { name: 'a NUL', text: 'a\u0000b', character: /U\+0000 \(a control character\) at position 2/ },
  { name: 'an escape character', text: 'bell\u001b[31m', character: /U\+001B \(a control character\)/ },
  { name: 'a lone high surrogate', text: '\ud800x', character: /U\+D800 \(a lone surrogate\) at position 1/ },
  { name: 'a lone low surrogate', text: 'x\udc00', character: /U\+DC00 \(a lone surrogate\)/ },
];

/** Paths under /holds/ that are not hold ids: none may reach the store or answer 5xx. */
const NOT_HOLD_IDS = ['%00', 'a%00b', '%ff', '%ED%A0%80', '%F0%9F%98%80', '..%2f..%2fetc', 'x'.repeat(4000), '00000000-0000-4000-8000-00000000000g'];

function describeOn(database: 'SQLite' | 'PostgreSQL'): void {
  describe(`hostile text at the API edge (${database})`, () => {
    let harness: Harness;
    let api: ApiClient;
    let testDatabase: TestDatabase | undefined;

    before(async function () {
      this.timeout(20_000);
      const env: Record<string, string> = { HEADROOM_API_KEY: API_KEY };
      if (database === 'PostgreSQL') {
        testDatabase = await requirePostgres(this);
        env.DATABASE_URL = testDatabase.url;
      }
      harness = await startHarness(env);
      api = holdsClient(harness.headroom.url, API_KEY);
    });
    after(async () => {
      await harness?.stop();
      await testDatabase?.drop();
    });

    for (const reason of REFUSED_REASONS) {
      it(`refuses a reason with ${reason.name} with 400 naming the field, and holds nothing`, async () => {
        const answer = await api.postHold({ sku: 'SPE_E3', quantity: 1, reason: reason.text });

        assert.equal(answer.status, 400);
        assert.match(String(answer.body?.error), /"reason" contains/);
        assert.match(String(answer.body?.error), reason.character);
        assert.deepEqual(await harness.headroom.store.listActiveHolds(new Date().toISOString()), []);
      });
    }

    it('refuses a sku with a NUL with 400 naming "sku"', async () => {
      const answer = await api.postHold({ sku: 'SPE_E3\u0000', quantity: 1 });

      assert.equal(answer.status, 400);
      assert.match(String(answer.body?.error), /"sku" contains U\+0000/);
    });

    for (const path of NOT_HOLD_IDS) {
      it(`answers 404 to DELETE /api/v1/holds/${path.slice(0, 30)} without touching the store`, async () => {
        const response = await fetch(`${harness.headroom.url}/api/v1/holds/${path}`, { method: 'DELETE', headers: { authorization: `Bearer ${API_KEY}` } });
        const body = (await response.json()) as Record<string, unknown>;

        assert.equal(response.status, 404);
        assert.equal(typeof body.error, 'string');
      });
    }

    it('never answers 5xx to odd paths, queries and bodies anywhere under /api/v1', async () => {
      const auth = { authorization: `Bearer ${API_KEY}` };
      const requests: [string, string, string?][] = [
        ['GET', '/api/v1/%'],
        ['GET', '/api/v1/holds/%E0%A4%A'],
        ['DELETE', '/api/v1/holds/%'],
        ['DELETE', '/api/v1/holds/%25'],
        ['GET', '/api/v1/suggestions?status=%00&limit=1e999'],
        ['GET', '/api/v1/suggestions?status=pending&limit=-1'],
        ['GET', '/api/v1/licenses?%00=%00'],
        ['POST', '/api/v1/holds', '{"\\u0000": 1, "sku": "SPE_E3", "quantity": 1}'],
        ['POST', '/api/v1/holds', `${'['.repeat(5000)}${']'.repeat(5000)}`],
        ['POST', '/api/v1/holds', '{"sku": "SPE_E3", "quantity": 1, "reason": {"nested": "\\u0000"}}'],
        ['POST', '/api/v1/holds', '{"sku": "\\ud800", "quantity": 1}'],
      ];
      const statuses: string[] = [];
      for (const [method, path, body] of requests) {
        const response = await fetch(`${harness.headroom.url}${path}`, {
          method,
          headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body,
        });
        await response.arrayBuffer();
        statuses.push(`${method} ${path.slice(0, 40)} -> ${response.status}`);
      }

      assert.deepEqual(statuses.filter((line) => / -> 5\d\d$/.test(line)), [], statuses.join('\n'));
      assert.deepEqual(await harness.headroom.store.listActiveHolds(new Date().toISOString()), []);
    });

    for (const reason of TRICKY_REASONS) {
      it(`keeps a reason with ${reason.name} exactly as sent, in the answer and the store`, async () => {
        const taken = await api.postHold({ sku: 'SPE_E3', quantity: 1, reason: reason.text });
        assert.equal(taken.status, 201);
        const id = String(taken.body?.id);

        const listed = await api.listHolds();
        const holds = listed.body?.holds as { id: string; reason: string | null }[];
        const stored = await harness.headroom.store.listActiveHolds(new Date().toISOString());

        assert.equal(holds.find((hold) => hold.id === id)?.reason, reason.text);
        assert.equal(stored.find((hold) => hold.id === id)?.reason, reason.text);
        assert.equal((await api.releaseHold(id)).status, 204);
      });
    }
  });
}

describeOn('SQLite');
describeOn('PostgreSQL');
