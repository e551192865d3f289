import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import type { DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { ForbiddenError, NotFoundError, UnavailableError } from '../../src/errors';
import { createRecordingSleep } from './create-recording-sleep';
import { createRequester } from './create-requester';

const SKUS = 'GET /v1.0/subscribedSkus';

/** A loopback URL on which nothing listens: a port that was free a moment ago. */
async function findClosedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => {
    probe.listen(0, '127.0.0.1', resolve);
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    probe.close((error) => (error === undefined ? resolve() : reject(error)));
  });
  return `http://127.0.0.1:${port}`;
}

describe('GraphRequester', () => {
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

  it('resolves with the JSON body of a successful GET', async () => {
    const body = await createRequester(server.baseUrl).send({ method: 'GET', path: 'organization?$select=id,displayName' });

    assert.deepEqual((body as { value: unknown }).value, [
      { id: server.tenant.organization.id, displayName: server.tenant.organization.displayName },
    ]);
  });

  it('waits the Retry-After of a 429 and then succeeds', async () => {
    server.faults.inject({ status: 429, retryAfterSeconds: 5, pathIncludes: 'subscribedSkus' });

    const body = await createRequester(server.baseUrl, { sleep: recorder.sleep }).send({ method: 'GET', path: 'subscribedSkus' });

    assert.deepEqual(recorder.waits, [5000]);
    assert.equal(server.stats.byEndpoint[SKUS], 2);
    assert.equal((body as { value: unknown[] }).value.length, server.tenant.skus.length);
  });

  it('retries a 503 with growing backoff and then succeeds', async () => {
    server.faults.inject({ status: 503, times: 2, pathIncludes: 'subscribedSkus' });

    await createRequester(server.baseUrl, { sleep: recorder.sleep, baseDelayMs: 100, random: () => 0 }).send({ method: 'GET', path: 'subscribedSkus' });

    assert.equal(recorder.waits.length, 2);
    assert.ok((recorder.waits[1] ?? 0) > (recorder.waits[0] ?? 0));
    assert.equal(server.stats.byEndpoint[SKUS], 3);
  });

  it('retries a 504 like a 503', async () => {
    server.faults.inject({ status: 504, pathIncludes: 'subscribedSkus' });

    await createRequester(server.baseUrl, { sleep: recorder.sleep }).send({ method: 'GET', path: 'subscribedSkus' });

    assert.equal(server.stats.byEndpoint[SKUS], 2);
  });

  it('fails with UnavailableError once 503s outlast the attempts', async () => {
    server.faults.inject({ status: 503, times: 10, pathIncludes: 'subscribedSkus' });
    const requester = createRequester(server.baseUrl, { sleep: recorder.sleep, maxAttempts: 4 });

    await assert.rejects(requester.send({ method: 'GET', path: 'subscribedSkus' }), (error: unknown) => {
      assert.ok(error instanceof UnavailableError);
      assert.match(error.message, /4 attempts/);
      return true;
    });
    assert.equal(server.stats.byEndpoint[SKUS], 4);
    assert.equal(recorder.waits.length, 3);
  });

  it('fails at once when Retry-After is longer than it accepts', async () => {
    server.faults.inject({ status: 429, retryAfterSeconds: 3600, pathIncludes: 'subscribedSkus' });
    const requester = createRequester(server.baseUrl, { sleep: recorder.sleep, maxRetryAfterSeconds: 60 });

    await assert.rejects(requester.send({ method: 'GET', path: 'subscribedSkus' }), UnavailableError);
    assert.deepEqual(recorder.waits, []);
  });

  it('does not retry a 500 and names the Graph error code', async () => {
    server.faults.inject({ status: 500, code: 'generalException', pathIncludes: 'subscribedSkus' });
    const requester = createRequester(server.baseUrl, { sleep: recorder.sleep });

    await assert.rejects(requester.send({ method: 'GET', path: 'subscribedSkus' }), (error: unknown) => {
      assert.ok(error instanceof UnavailableError);
      assert.match(error.message, /generalException/);
      return true;
    });
    assert.equal(server.stats.byEndpoint[SKUS], 1);
  });

  it('turns a 403 into ForbiddenError naming the permission the endpoint needs', async () => {
    server.faults.inject({
      status: 403,
      pathIncludes: 'membersWithLicenseErrors',
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });
    const groupId = server.tenant.groupsWithLicenseErrors()[0]?.id ?? '';

    await assert.rejects(createRequester(server.baseUrl).send({ method: 'GET', path: `groups/${groupId}/membersWithLicenseErrors` }), (error: unknown) => {
      assert.ok(error instanceof ForbiddenError);
      assert.match(error.message, /needs the application permission GroupMember\.Read\.All/);
      return true;
    });
  });

  it('turns a 401 into ForbiddenError about the credentials', async () => {
    server.faults.inject({ status: 401, code: 'InvalidAuthenticationToken', pathIncludes: 'organization' });

    await assert.rejects(createRequester(server.baseUrl).send({ method: 'GET', path: 'organization' }), (error: unknown) => {
      assert.ok(error instanceof ForbiddenError);
      assert.match(error.message, /credentials/);
      return true;
    });
  });

  it('turns a 404 for an unknown group into NotFoundError', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';

    await assert.rejects(createRequester(server.baseUrl).send({ method: 'GET', path: `groups/${unknown}` }), NotFoundError);
  });

  it('turns a request Graph refuses into UnavailableError with the status and code', async () => {
    await assert.rejects(
      createRequester(server.baseUrl).send({ method: 'GET', path: 'subscribedSkus?$filter=capabilityStatus eq true' }),
      (error: unknown) => {
        assert.ok(error instanceof UnavailableError);
        assert.match(error.message, /HTTP 400 \w+/);
        return true;
      },
    );
  });

  it('posts a JSON body', async () => {
    const body = await createRequester(server.baseUrl).send({
      method: 'POST',
      path: `users/${server.tenant.userAt(0).id}/checkMemberGroups`,
      body: { groupIds: [...server.tenant.userAt(0).groupIds] },
    });

    assert.deepEqual((body as { value: string[] }).value, [...server.tenant.userAt(0).groupIds]);
  });

  it('retries an unreachable Graph and then fails with UnavailableError', async () => {
    const requester = createRequester(await findClosedPortUrl(), { sleep: recorder.sleep, maxAttempts: 3 });

    await assert.rejects(requester.send({ method: 'GET', path: 'organization' }), (error: unknown) => {
      assert.ok(error instanceof UnavailableError);
      assert.match(error.message, /could not reach Microsoft Graph/);
      return true;
    });
    assert.equal(recorder.waits.length, 2);
  });
});
