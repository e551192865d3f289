import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startHarness, type Harness } from '../support/headroom-harness';
import { holdsClient, type ApiAnswer, type ApiClient } from '../support/holds-client';

const API_KEY = 'input-key-0123456789abcdef0123456789abcdef';

interface BadInput {
  name: string;
  body: unknown;
  headers?: Record<string, string>;
  status: number;
  error: RegExp;
}

const LONG_201 = 'x'.repeat(201);

const BAD_INPUTS: BadInput[] = [
  { name: 'broken JSON', body: '{"sku": "SPE_E3", "quantity": 1', status: 400, error: /not valid JSON/ },
  { name: 'an empty body', body: '', status: 400, error: /empty/ },
  { name: 'a JSON array', body: [{ sku: 'SPE_E3', quantity: 1 }], status: 400, error: /must be a JSON object.*not an array/ },
  { name: 'JSON null', body: 'null', status: 400, error: /must be a JSON object.*not null/ },
  { name: 'a JSON string', body: '"SPE_E3"', status: 400, error: /must be a JSON object/ },
  { name: 'a missing sku', body: { quantity: 1 }, status: 400, error: /"sku" is missing/ },
  { name: 'an empty sku', body: { sku: '', quantity: 1 }, status: 400, error: /"sku" must not be empty/ },
  { name: 'a blank sku', body: { sku: '   ', quantity: 1 }, status: 400, error: /"sku" must not be empty/ },
  { name: 'a sku that is a number', body: { sku: 42, quantity: 1 }, status: 400, error: /"sku" must be text, not number 42/ },
  { name: 'a sku of 201 characters', body: { sku: LONG_201, quantity: 1 }, status: 400, error: /"sku" must be at most 200 characters/ },
  { name: 'a missing quantity', body: { sku: 'SPE_E3' }, status: 400, error: /"quantity" is missing/ },
  { name: 'quantity 1.5', body: { sku: 'SPE_E3', quantity: 1.5 }, status: 400, error: /"quantity" must be a whole number from 1 to 100000, not number 1.5/ },
  { name: 'quantity "5"', body: { sku: 'SPE_E3', quantity: '5' }, status: 400, error: /"quantity" must be a whole number from 1 to 100000, not string "5"/ },
  { name: 'quantity 0', body: { sku: 'SPE_E3', quantity: 0 }, status: 400, error: /"quantity" must be from 1 to 100000, not 0/ },
  { name: 'quantity -1', body: { sku: 'SPE_E3', quantity: -1 }, status: 400, error: /"quantity" must be from 1 to 100000, not -1/ },
  { name: 'quantity 100001', body: { sku: 'SPE_E3', quantity: 100_001 }, status: 400, error: /"quantity" must be from 1 to 100000, not 100001/ },
  { name: 'quantity null', body: { sku: 'SPE_E3', quantity: null }, status: 400, error: /"quantity" must be a whole number.*not null/ },
  { name: 'quantity true', body: { sku: 'SPE_E3', quantity: true }, status: 400, error: /"quantity" must be a whole number.*not boolean true/ },
  { name: 'quantity 1e400 (infinite)', body: '{"sku": "SPE_E3", "quantity": 1e400}', status: 400, error: /"quantity" must be a whole number/ },
  { name: 'ttlSeconds 0', body: { sku: 'SPE_E3', quantity: 1, ttlSeconds: 0 }, status: 400, error: /"ttlSeconds" must be from 1 to 86400, not 0/ },
  { name: 'ttlSeconds 86401', body: { sku: 'SPE_E3', quantity: 1, ttlSeconds: 86_401 }, status: 400, error: /"ttlSeconds" must be from 1 to 86400, not 86401/ },
  { name: 'ttlSeconds 1.5', body: { sku: 'SPE_E3', quantity: 1, ttlSeconds: 1.5 }, status: 400, error: /"ttlSeconds" must be a whole number/ },
  { name: 'ttlSeconds "900"', body: { sku: 'SPE_E3', quantity: 1, ttlSeconds: '900' }, status: 400, error: /"ttlSeconds" must be a whole number.*not string "900"/ },
  { name: 'ttlSeconds null', body: { sku: 'SPE_E3', quantity: 1, ttlSeconds: null }, status: 400, error: /"ttlSeconds" must be a whole number.*not null/ },
  { name: 'a reason of 201 characters', body: { sku: 'SPE_E3', quantity: 1, reason: LONG_201 }, status: 400, error: /"reason" must be at most 200 characters/ },
  { name: 'a reason that is a number', body: { sku: 'SPE_E3', quantity: 1, reason: 5 }, status: 400, error: /"reason" must be text/ },
  { name: 'an unknown field', body: { sku: 'SPE_E3', quantity: 1, force: true }, status: 400, error: /unknown field "force" \(allowed: sku, quantity, ttlSeconds, reason\)/ },
  { name: 'a __proto__ field', body: '{"sku": "SPE_E3", "quantity": 1, "__proto__": {"admin": true}}', status: 400, error: /unknown field "__proto__"/ },
  {
    name: 'several problems at once',
    body: { quantity: 0, ttlSeconds: 0 },
    status: 400,
    error: /"sku" is missing.*"quantity" must be from 1.*"ttlSeconds" must be from 1/,
  },
  { name: 'Content-Type text/plain', body: '{"sku": "SPE_E3", "quantity": 1}', headers: { 'content-type': 'text/plain' }, status: 415, error: /Unsupported Content-Type "text\/plain".*application\/json/ },
  { name: 'a form body', body: 'sku=SPE_E3&quantity=1', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415, error: /Unsupported Content-Type/ },
  { name: 'a charset other than UTF-8', body: '{"sku": "SPE_E3", "quantity": 1}', headers: { 'content-type': 'application/json; charset=iso-8859-1' }, status: 415, error: /charset "iso-8859-1"/ },
  { name: 'bytes that are not UTF-8', body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), status: 400, error: /not valid UTF-8/ },
  { name: 'a body over 16 KiB', body: { sku: 'SPE_E3', quantity: 1, reason: 'r'.repeat(17 * 1024) }, status: 413, error: /larger than 16384 bytes/ },
];

describe('POST /api/v1/holds with bad input', () => {
  let harness: Harness;
  let api: ApiClient;

  before(async () => {
    harness = await startHarness({ HEADROOM_API_KEY: API_KEY });
    api = holdsClient(harness.headroom.url, API_KEY);
  });
  after(async () => {
    await harness.stop();
  });

  for (const input of BAD_INPUTS) {
    it(`answers ${input.status} with a message to ${input.name}, reads nothing from Graph and holds nothing`, async () => {
      const graphRequestsBefore = harness.graph.stats.httpRequests;

      const answer = await api.postHold(input.body, { headers: input.headers });

      assert.equal(answer.status, input.status);
      assert.deepEqual(Object.keys(answer.body ?? {}), ['error']);
      assert.match(String(answer.body?.error), input.error);
      assert.equal(harness.graph.stats.httpRequests, graphRequestsBefore);
      assert.deepEqual(await harness.headroom.store.listActiveHolds(new Date().toISOString()), []);
    });
  }

  it('answers 415 when the Content-Type header is missing', async () => {
    const answer = await postWithoutContentType(`${harness.headroom.url}/api/v1/holds`, '{"sku": "SPE_E3", "quantity": 1}');

    assert.equal(answer.status, 415);
    assert.match(String(answer.body?.error), /Missing Content-Type/);
  });

  it('answers 413 to an oversized body sent in chunks without a Content-Length', async () => {
    const chunks = Array.from({ length: 40 }, () => Buffer.alloc(1024, 0x20));
    const answer = await postChunked(`${harness.headroom.url}/api/v1/holds`, chunks);

    assert.equal(answer.status, 413);
    assert.deepEqual(await harness.headroom.store.listActiveHolds(new Date().toISOString()), []);
  });

  it('answers 404 with suggestions to a SKU the tenant does not have', async () => {
    const answer = await api.postHold({ sku: 'Microsoft 365 E7', quantity: 1 });

    assert.equal(answer.status, 404);
    assert.match(String(answer.body?.error), /No license in this tenant matches "Microsoft 365 E7"\. Did you mean "Microsoft 365 E[35]"/);
    assert.deepEqual(await harness.headroom.store.listActiveHolds(new Date().toISOString()), []);
  });

  it('answers 400 listing the candidates to a name that matches several SKUs', async () => {
    const answer = await api.postHold({ sku: 'E3', quantity: 1 });

    assert.equal(answer.status, 400);
    const error = String(answer.body?.error);
    assert.match(error, /"E3" matches \d+ licenses/);
    assert.match(error, /Microsoft 365 E3 \(SPE_E3\)/);
    assert.match(error, /Office 365 E3 \(ENTERPRISEPACK\)/);
    assert.deepEqual(await harness.headroom.store.listActiveHolds(new Date().toISOString()), []);
  });

  it('accepts a body with a UTF-8 charset, a null reason and a byte order mark', async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"sku": "SPE_E3", "quantity": 1, "reason": null}')]);

    const answer = await api.postHold(body, { headers: { 'content-type': 'application/json; charset=UTF-8' } });

    assert.equal(answer.status, 201);
    assert.equal(await harness.headroom.store.releaseHold(String(answer.body?.id), new Date().toISOString()), true);
  });
});

function postRaw(url: string, headers: Record<string, string>, write: (req: ReturnType<typeof request>) => void): Promise<ApiAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${API_KEY}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: new Headers(), body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    write(req);
  });
}

function postWithoutContentType(url: string, body: string): Promise<ApiAnswer> {
  return postRaw(url, { 'content-length': String(Buffer.byteLength(body)) }, (req) => req.end(body));
}

function postChunked(url: string, chunks: readonly Buffer[]): Promise<ApiAnswer> {
  return postRaw(url, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, (req) => {
    for (const chunk of chunks) {
      req.write(chunk);
    }
    req.end();
  });
}
