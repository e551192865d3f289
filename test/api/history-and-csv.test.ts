import assert from 'node:assert/strict';
import { prefersCsv } from '../../src/api/prefers-csv';
import { toCsv } from '../../src/api/to-csv';
import { startHarness, type Harness } from '../support/headroom-harness';
import { findTexts } from '../cards/support/find-texts';

const API_KEY = 'test-key-0123456789abcdef0123456789abcdef';

/** A minimal RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else {
      cell += char;
    }
  }
  return rows;
}

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, and ends rows with CRLF', () => {
    const csv = toCsv(['a', 'b'], [{ a: 'x, "y"', b: 'line\nbreak' }, { a: 1, b: null }]);
    assert.equal(csv, 'a,b\r\n"x, ""y""","line\nbreak"\r\n1,\r\n');
  });

  it('neutralises text that starts a formula, but not negative figures', () => {
    const csv = toCsv(['name', 'available'], [
      { name: '=HYPERLINK("http://evil")', available: -4 },
      { name: '+1', available: 0 },
      { name: '-2', available: 0 },
      { name: '@SUM(A1)', available: 0 },
      { name: '\tcmd', available: 0 },
    ]);
    const rows = parseCsv(csv);
    assert.deepEqual(rows.slice(1).map((row) => row[0]), ["'=HYPERLINK(\"http://evil\")", "'+1", "'-2", "'@SUM(A1)", "'\tcmd"]);
    assert.equal(rows[1]?.[1], '-4');
  });
});

describe('prefersCsv', () => {
  it('picks CSV only when text/csv ranks above JSON', () => {
    assert.equal(prefersCsv('text/csv'), true);
    assert.equal(prefersCsv('application/json, text/csv'), false);
    assert.equal(prefersCsv('application/json;q=0.5, text/csv'), true);
    assert.equal(prefersCsv('text/csv;q=0'), false);
    assert.equal(prefersCsv('*/*'), false);
    assert.equal(prefersCsv(undefined), false);
  });
});

describe('GET /api/v1/history and the CSV export', function () {
  this.timeout(30_000);
  let harness: Harness;

  before(async () => {
    harness = await startHarness({ HEADROOM_API_KEY: API_KEY, RESERVATION_SUGGESTIONS: 'off' });
    // The watcher stores the figures it reads as history, as it does every poll.
    await harness.headroom.watcher.tickOnce();
  });
  after(async () => {
    await harness.stop();
  });

  const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${harness.headroom.url}/api/v1${path}`, { headers: { authorization: `Bearer ${API_KEY}`, ...headers } });

  it('needs the API key', async () => {
    for (const path of ['/history?sku=SPE_E3', '/licenses.csv']) {
      const response = await fetch(`${harness.headroom.url}/api/v1${path}`);
      assert.equal(response.status, 401, path);
    }
  });

  it('returns the stored points of a SKU by part number or id, agreeing with the chat answer', async () => {
    const byName = await get('/history?sku=spe_e3&days=30');
    assert.equal(byName.status, 200);
    const body = (await byName.json()) as { skuId: string; skuPartNumber: string; points: Array<Record<string, unknown>> };
    assert.equal(body.skuPartNumber, 'SPE_E3');
    assert.equal(body.points.length, 1);
    const point = body.points[0] as Record<string, number | string>;
    assert.deepEqual(Object.keys(point), ['at', 'purchased', 'assigned', 'available', 'waiting']);

    const { card } = await harness.ask('how many SPE_E3 left?');
    const texts = findTexts(card).map((text) => text.text);
    // The card's figures are a FactSet: each label is followed by its value.
    const figure = (label: string) => texts[texts.indexOf(label) + 1];
    assert.equal(figure('Purchased'), String(point.purchased.toLocaleString('en-US')));
    assert.equal(figure('Assigned'), String(point.assigned.toLocaleString('en-US')));
    assert.equal(figure('Users waiting'), String(point.waiting.toLocaleString('en-US')));

    const byId = (await (await get(`/history?sku=${body.skuId.toUpperCase()}`)).json()) as typeof body;
    assert.deepEqual(byId, body);
  });

  it('refuses a missing or unknown SKU and days outside 1..400 with a clear error', async () => {
    const cases: Array<[string, number, RegExp]> = [
      ['/history', 400, /Say which SKU/],
      ['/history?sku=NOPE', 404, /No subscribed SKU/],
      ['/history?sku=SPE_E3&days=0', 400, /1 to 400/],
      ['/history?sku=SPE_E3&days=401', 400, /1 to 400/],
      ['/history?sku=SPE_E3&days=7.5', 400, /1 to 400/],
      ['/history?sku=SPE_E3&days=ten', 400, /1 to 400/],
    ];
    for (const [path, status, message] of cases) {
      const response = await get(path);
      assert.equal(response.status, status, path);
      assert.match(((await response.json()) as { error: string }).error, message, path);
    }
  });

  it('exports the same rows and figures as the JSON API, as CSV with the JSON field names', async () => {
    const json = (await (await get('/licenses')).json()) as { skus: Array<Record<string, unknown>> };
    for (const response of [await get('/licenses.csv'), await get('/licenses', { accept: 'text/csv' })]) {
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
      const text = await response.text();
      assert.ok(!text.startsWith('\uFEFF'), 'fetch strips the BOM when decoding');
      const [header, ...rows] = parseCsv(text);
      // The list fields (who is blocked by what, the other errors) are JSON only: a cell holds one value.
      // The reclaimable object is three cells: reclaimableDisabled, reclaimableInactive, reclaimableAsOf.
      const LISTS = ['blockedBy', 'otherErrors', 'reclaimable'];
      const scalar = (sku: Record<string, unknown>): [string, unknown][] => {
        const reclaimable = sku.reclaimable as { disabled: number; inactive: number | null; asOf: string } | null;
        return [
          ...Object.entries(sku).filter(([key]) => !LISTS.includes(key)),
          ['reclaimableDisabled', reclaimable?.disabled ?? null],
          ['reclaimableInactive', reclaimable?.inactive ?? null],
          ['reclaimableAsOf', reclaimable?.asOf ?? null],
        ];
      };
      assert.deepEqual(header, scalar(json.skus[0] ?? {}).map(([key]) => key));
      assert.ok(LISTS.every((key) => key in (json.skus[0] ?? {})), 'the JSON has the list fields');
      assert.equal(rows.length, json.skus.length);
      rows.forEach((row, index) => {
        const expected = scalar(json.skus[index] ?? {}).map(([, value]) => (value === null ? '' : String(value)));
        assert.deepEqual(row, expected);
      });
    }
  });

  it('starts the CSV with a UTF-8 byte order mark for Excel', async () => {
    const bytes = new Uint8Array(await (await get('/licenses.csv')).arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  });
});
