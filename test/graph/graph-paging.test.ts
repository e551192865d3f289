import assert from 'node:assert/strict';
import { startDemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import type { DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { UnavailableError } from '../../src/errors';
import { readAllPages } from '../../src/graph/graph-paging';
import { createRequester } from './create-requester';

const idOf = (item: unknown): string => String((item as { id: unknown }).id);

describe('readAllPages', () => {
  let server: DemoGraphServer;

  before(async () => {
    server = await startDemoGraphServer();
  });

  after(async () => {
    await server.close();
  });

  beforeEach(() => {
    server.stats.reset();
  });

  it('follows every next page to the whole collection', async () => {
    const ids = await readAllPages(createRequester(server.baseUrl), 'directory/subscriptions?$select=id&$top=4', idOf);

    assert.deepEqual(ids, server.tenant.subscriptions.map((s) => s.id));
    assert.equal(server.stats.byEndpoint['GET /v1.0/directory/subscriptions'], Math.ceil(server.tenant.subscriptions.length / 4));
  });

  it('sends the given headers on every page', async () => {
    await readAllPages(createRequester(server.baseUrl), 'directory/subscriptions?$select=id&$top=4', idOf, {
      headers: { 'x-ms-throttle-priority': 'low' },
    });

    assert.equal(server.stats.headersSeen['x-ms-throttle-priority'], 'low');
  });

  it('stops a collection that pages beyond the page limit', async () => {
    await assert.rejects(
      readAllPages(createRequester(server.baseUrl), 'directory/subscriptions?$select=id&$top=1', idOf, { maxPages: 3 }),
      UnavailableError,
    );
    assert.equal(server.stats.byEndpoint['GET /v1.0/directory/subscriptions'], 3);
  });

  it('refuses a next page on a host other than the configured one', async () => {
    // The server writes links on 127.0.0.1; the adapter is configured with the name localhost.
    const requester = createRequester(server.baseUrl.replace('127.0.0.1', 'localhost'));

    await assert.rejects(readAllPages(requester, 'directory/subscriptions?$select=id&$top=4', idOf), (error: unknown) => {
      assert.ok(error instanceof UnavailableError);
      assert.match(error.message, /Refused to follow/);
      return true;
    });
    assert.equal(server.stats.byEndpoint['GET /v1.0/directory/subscriptions'], 1);
  });
});
