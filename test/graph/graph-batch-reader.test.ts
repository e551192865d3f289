import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import type { DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { ForbiddenError, UnavailableError } from '../../src/errors';
import { GraphBatchReader } from '../../src/graph/graph-batch-reader';
import type { BatchRead } from '../../src/graph/graph-batch-reader';
import { createGraphClient } from '../../src/graph/graph-client';
import { GraphRequester } from '../../src/graph/graph-requester';
import type { GraphCall } from '../../src/graph/graph-requester';
import { RetryPolicy } from '../../src/graph/retry-policy';
import type { RetryOptions } from '../../src/graph/retry-policy';
import { silentLogger } from '../../src/logger';
import { createRecordingSleep } from './create-recording-sleep';
import { createRequester } from './create-requester';

/** A real requester that also notes how many of its calls were in flight at once. */
class ConcurrencyRecordingRequester extends GraphRequester {
  private current = 0;
  highest = 0;

  override async send(call: GraphCall): Promise<unknown> {
    this.current += 1;
    this.highest = Math.max(this.highest, this.current);
    try {
      return await super.send(call);
    } finally {
      this.current -= 1;
    }
  }
}

const idOf = (item: unknown): string => String((item as { id: unknown }).id);

describe('GraphBatchReader', () => {
  let server: DemoGraphServer;
  let recorder: ReturnType<typeof createRecordingSleep>;

  before(async () => {
    server = await startDemoGraphServer();
  });

  after(async () => {
    await server.close();
  });

  beforeEach(() => {
    server.stats.reset();
    server.faults.clear();
    recorder = createRecordingSleep();
  });

  function createBatchReader(retry: RetryOptions = {}): GraphBatchReader {
    return new GraphBatchReader(createRequester(server.baseUrl, { sleep: recorder.sleep, ...retry }));
  }

  /** `count` reads of users by id, cycling through the tenant's users. */
  function userReads(count: number): BatchRead[] {
    return Array.from({ length: count }, (_, index) => ({
      key: `read-${index}`,
      path: `users/${server.tenant.userAt(index % server.tenant.userCount).id}?$select=id,licenseAssignmentStates`,
    }));
  }

  it('sends at most 20 reads per $batch request', async () => {
    const reads = userReads(45);

    const results = await createBatchReader().readEntities(reads);

    assert.equal(results.size, 45);
    assert.equal(server.stats.batchParts, 45);
    assert.equal(server.stats.httpRequests, Math.ceil(45 / 20));
  });

  it('answers each read under its own key', async () => {
    const reads = userReads(3);

    const results = await createBatchReader().readEntities(reads);

    assert.deepEqual(
      reads.map((read) => idOf(results.get(read.key))),
      [0, 1, 2].map((index) => server.tenant.userAt(index).id),
    );
  });

  it("follows each collection's next pages in later batches", async () => {
    const groups = server.tenant.groupsWithLicenseErrors();
    const reads = groups.map((group) => ({ key: group.id, path: `groups/${group.id}/membersWithLicenseErrors?$select=id&$top=1` }));

    const results = await createBatchReader().readCollections(reads);

    assert.deepEqual(
      groups.map((group) => (results.get(group.id) ?? []).map(idOf)),
      groups.map((group) => server.tenant.membersWithLicenseErrors(group.id).map((user) => user.id)),
    );
    assert.ok(server.stats.httpRequests > 1);
  });

  it('retries only the throttled item, after the Retry-After of that item', async () => {
    server.faults.inject({ status: 429, insideBatch: true, retryAfterSeconds: 4, pathIncludes: CONTOSO_IDS.tempStaffGroupId });
    const reads = [CONTOSO_IDS.contractorsGroupId, CONTOSO_IDS.tempStaffGroupId].map((id) => ({
      key: id,
      path: `groups/${id}/membersWithLicenseErrors?$select=id`,
    }));

    const results = await createBatchReader().readCollections(reads);

    assert.deepEqual(recorder.waits, [4000]);
    assert.equal(server.stats.batchParts, 3);
    assert.deepEqual(
      (results.get(CONTOSO_IDS.tempStaffGroupId) ?? []).map(idOf),
      server.tenant.membersWithLicenseErrors(CONTOSO_IDS.tempStaffGroupId).map((user) => user.id),
    );
  });

  it('retries an item answered 503 inside the batch', async () => {
    server.faults.inject({ status: 503, insideBatch: true, pathIncludes: CONTOSO_IDS.contractorsGroupId });

    const results = await createBatchReader({ baseDelayMs: 10 }).readCollections([
      { key: 'c', path: `groups/${CONTOSO_IDS.contractorsGroupId}/membersWithLicenseErrors?$select=id` },
    ]);

    assert.equal(recorder.waits.length, 1);
    assert.equal(results.get('c')?.length, server.tenant.membersWithLicenseErrors(CONTOSO_IDS.contractorsGroupId).length);
  });

  it('fails with UnavailableError when an item stays throttled beyond the attempts', async () => {
    server.faults.inject({ status: 429, insideBatch: true, retryAfterSeconds: 1, times: 10, pathIncludes: CONTOSO_IDS.contractorsGroupId });

    await assert.rejects(
      createBatchReader({ maxAttempts: 3 }).readCollections([{ key: 'c', path: `groups/${CONTOSO_IDS.contractorsGroupId}/membersWithLicenseErrors` }]),
      UnavailableError,
    );
    assert.equal(server.stats.batchParts, 3);
  });

  it('retries the whole $batch when the batch request itself is throttled', async () => {
    server.faults.inject({ status: 429, retryAfterSeconds: 2, pathIncludes: '$batch' });

    const results = await createBatchReader().readEntities(userReads(2));

    assert.deepEqual(recorder.waits, [2000]);
    assert.equal(results.size, 2);
  });

  it('leaves out a read Graph answers 404 when asked to skip missing ones', async () => {
    const missing = '00000000-0000-4000-8000-000000000001';

    const results = await createBatchReader().readCollections(
      [
        { key: 'missing', path: `groups/${missing}/membersWithLicenseErrors` },
        { key: 'present', path: `groups/${CONTOSO_IDS.contractorsGroupId}/membersWithLicenseErrors` },
      ],
      { skipNotFound: () => true },
    );

    assert.deepEqual([...results.keys()], ['present']);
  });

  it('turns an item answered 403 into ForbiddenError', async () => {
    server.faults.inject({ status: 403, insideBatch: true, code: 'Authorization_RequestDenied', message: 'Insufficient privileges' });

    await assert.rejects(createBatchReader().readEntities(userReads(1)), ForbiddenError);
  });

  it('keeps at most two $batch requests in flight', async () => {
    const requester = new ConcurrencyRecordingRequester(createGraphClient({ baseUrl: server.baseUrl, credential: null }), server.baseUrl, new RetryPolicy(), silentLogger);
    server.setLatency(20);
    try {
      await new GraphBatchReader(requester).readEntities(userReads(120));
    } finally {
      server.setLatency(0);
    }

    assert.equal(server.stats.httpRequests, 6);
    assert.equal(requester.highest, 2);
  });

  it('sends the given headers on the batch and on every item', async () => {
    await createBatchReader().readEntities(userReads(1), { headers: { 'x-ms-throttle-priority': 'low' } });

    assert.equal(server.stats.headersSeen['x-ms-throttle-priority'], 'low');
  });
});
