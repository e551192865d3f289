import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { createDemoGuid } from '../../src/demo-tenant/demo-guid';
import { MissingPermissionError, UnavailableError, ValidationError } from '../../src/errors';
import { createGraphAccess } from '../../src/graph/graph-access';
import { silentLogger } from '../../src/logger';
import { LicenseWriteError, type LicenseWriter } from '../../src/reclaim/license-writer';

const { skus } = CONTOSO_IDS;
const READS = ['Organization.Read.All', 'GroupMember.Read.All', 'User.Read.All'];
const contoso = (key: string): string => createDemoGuid(`contoso:user:${key}`);

describe('GraphLicenseWriter', () => {
  let server: DemoGraphServer;
  let writer: LicenseWriter;
  let waits: number[];

  beforeEach(async () => {
    server = await startDemoGraphServer();
    waits = [];
    const sleep = (ms: number): Promise<void> => {
      waits.push(ms);
      return Promise.resolve();
    };
    writer = createGraphAccess({ baseUrl: server.baseUrl, auth: { kind: 'none' }, retry: { sleep } }, silentLogger).licenseWriter;
  });
  afterEach(async () => {
    await server.close();
  });

  const consumed = (skuId: string): number => server.tenant.findSku(skuId)?.consumedUnits ?? Number.NaN;
  const holdsDirectly = (userId: string, skuId: string): boolean =>
    server.tenant.findUser(userId)?.licenseAssignmentStates.some((s) => s.skuId === skuId && s.assignedByGroup === null && s.state === 'Active') ?? false;
  const assignLicenseCalls = (): number => server.stats.byEndpoint['POST /v1.0/users/{id}/assignLicense'] ?? 0;

  describe('removeDirectLicense', () => {
    it('removes a direct assignment, and the SKU counts one seat fewer', async () => {
      const before = consumed(skus.SPE_E3);

      await writer.removeDirectLicense(CONTOSO_IDS.directLicenseUserId, skus.SPE_E3);

      assert.equal(holdsDirectly(CONTOSO_IDS.directLicenseUserId, skus.SPE_E3), false);
      assert.equal(consumed(skus.SPE_E3), before - 1);
      assert.equal(assignLicenseCalls(), 1);
    });

    it("refuses a seat inherited from a group with Graph's code and message, and changes nothing", async () => {
      const before = consumed(skus.SPE_E3);

      const error = await writer.removeDirectLicense(CONTOSO_IDS.approverUserId, skus.SPE_E3).catch((e: unknown) => e);

      assert.ok(error instanceof LicenseWriteError, String(error));
      assert.equal(error.code, 'Request_BadRequest');
      assert.equal(error.status, 400);
      assert.match(error.message, /inherited from a group membership/);
      assert.equal(consumed(skus.SPE_E3), before);
    });

    it('surfaces a dependency refusal with its code, per user, and keeps the license', async () => {
      const error = await writer.removeDirectLicense(CONTOSO_IDS.dependencyUserId, skus.SPE_E3).catch((e: unknown) => e);

      assert.ok(error instanceof LicenseWriteError, String(error));
      assert.equal(error.code, 'Request_BadRequest');
      assert.match(error.message, /depends on the service plan/);
      assert.match(error.message, new RegExp(CONTOSO_IDS.dependencyUserId));
      assert.equal(holdsDirectly(CONTOSO_IDS.dependencyUserId, skus.SPE_E3), true);
    });

    it('names LicenseAssignment.ReadWrite.All from the permission table when it is not granted', async () => {
      server.grants.grantOnly(READS);

      const error = await writer.removeDirectLicense(CONTOSO_IDS.directLicenseUserId, skus.SPE_E3).catch((e: unknown) => e);

      assert.ok(error instanceof MissingPermissionError, String(error));
      assert.deepEqual(error.permissions, ['LicenseAssignment.ReadWrite.All']);
      assert.match(error.message, /LicenseAssignment\.ReadWrite\.All/);
      assert.equal(holdsDirectly(CONTOSO_IDS.directLicenseUserId, skus.SPE_E3), true);
    });

    it('waits out a 429 and sends the removal again: Graph did nothing the first time', async () => {
      server.faults.inject({ status: 429, retryAfterSeconds: 2, pathIncludes: 'assignLicense' });

      await writer.removeDirectLicense(CONTOSO_IDS.directLicenseUserId, skus.SPE_E3);

      assert.deepEqual(waits, [2000]);
      assert.equal(assignLicenseCalls(), 2);
      assert.equal(holdsDirectly(CONTOSO_IDS.directLicenseUserId, skus.SPE_E3), false);
    });

    it('does not send the removal again after a 503: the outcome is unknown', async () => {
      server.faults.inject({ status: 503, times: 3, pathIncludes: 'assignLicense' });

      const error = await writer.removeDirectLicense(CONTOSO_IDS.directLicenseUserId, skus.SPE_E3).catch((e: unknown) => e);

      assert.ok(error instanceof UnavailableError, String(error));
      assert.match(error.message, /may or may not have been made/);
      assert.equal(assignLicenseCalls(), 1);
      assert.deepEqual(waits, []);
    });

    it('gives up on a 429 that outlasts the attempts, saying nothing was changed', async () => {
      server.faults.inject({ status: 429, times: 10, retryAfterSeconds: 1, pathIncludes: 'assignLicense' });

      const error = await writer.removeDirectLicense(CONTOSO_IDS.directLicenseUserId, skus.SPE_E3).catch((e: unknown) => e);

      assert.ok(error instanceof UnavailableError, String(error));
      assert.match(error.message, /nothing was changed/);
      assert.equal(assignLicenseCalls(), 4);
    });

    it('does not send the removal again when the connection is lost', async () => {
      const address = server.baseUrl;
      await server.close();
      const lost = createGraphAccess({ baseUrl: address, auth: { kind: 'none' }, retry: { sleep: () => Promise.resolve() } }, silentLogger).licenseWriter;

      const error = await lost.removeDirectLicense(CONTOSO_IDS.directLicenseUserId, skus.SPE_E3).catch((e: unknown) => e);

      assert.ok(error instanceof UnavailableError, String(error));
      assert.match(error.message, /not sent again/);
      server = await startDemoGraphServer();
    });

    it('refuses ids that are not GUIDs before calling Graph', async () => {
      await assert.rejects(writer.removeDirectLicense('megan@contoso.com', skus.SPE_E3), ValidationError);
      await assert.rejects(writer.removeDirectLicense(CONTOSO_IDS.directLicenseUserId, 'SPE_E3'), ValidationError);
      assert.equal(server.stats.httpRequests, 0);
    });
  });

  describe('reprocessGroup', () => {
    it("reprocesses each member of the group once, and waiting users become Active while seats are free", async () => {
      // Microsoft 365 E3: 497 of 500 used; Contractors holds Diego, Isaiah and Johanna waiting, and two usage-location errors.
      await writer.reprocessGroup(CONTOSO_IDS.contractorsGroupId);

      const waiting = ['diego.siciliani', 'isaiah.langer', 'johanna.lorenz'].map(contoso);
      for (const userId of waiting) {
        const e3 = server.tenant.findUser(userId)?.licenseAssignmentStates.filter((s) => s.skuId === skus.SPE_E3) ?? [];
        assert.ok(e3.length > 0 && e3.every((s) => s.state === 'Active'), userId);
      }
      assert.equal(consumed(skus.SPE_E3), 500);
      const members = [...waiting, contoso('cameron.white'), contoso('christie.cline')];
      assert.deepEqual(server.stats.reprocessByUser, Object.fromEntries(members.map((id) => [id, 1])));
      assert.deepEqual(server.tenant.membersWithLicenseErrors(CONTOSO_IDS.contractorsGroupId).map((u) => u.id).sort(), [contoso('cameron.white'), contoso('christie.cline')].sort());
    });

    it('leaves the rest waiting once the seats are gone', async () => {
      server.tenant.updateSku(skus.SPE_E3, { consumedUnits: 499 });

      await writer.reprocessGroup(CONTOSO_IDS.tempStaffGroupId);

      const active = ['johanna.lorenz', 'lee.gu', 'lynne.robbins'].filter((key) =>
        server.tenant.findUser(contoso(key))?.licenseAssignmentStates.some((s) => s.skuId === skus.SPE_E3 && s.state === 'Active'),
      );
      assert.equal(active.length, 1);
      assert.equal(consumed(skus.SPE_E3), 500);
      assert.equal(server.tenant.waitingUserIds(skus.SPE_E3).length, 4);
    });

    it('names User.ReadWrite.All when only LicenseAssignment.ReadWrite.All is granted', async () => {
      server.grants.grantOnly([...READS, 'LicenseAssignment.ReadWrite.All']);

      const error = await writer.reprocessGroup(CONTOSO_IDS.contractorsGroupId).catch((e: unknown) => e);

      assert.ok(error instanceof MissingPermissionError, String(error));
      assert.deepEqual(error.permissions, ['User.ReadWrite.All']);
      assert.equal(server.tenant.waitingUserIds(skus.SPE_E3).length, 5);
    });

    it('answers an unknown group with a LicenseWriteError carrying Graph\'s 404', async () => {
      const error = await writer.reprocessGroup('99999999-9999-4999-8999-999999999999').catch((e: unknown) => e);

      assert.ok(error instanceof LicenseWriteError, String(error));
      assert.equal(error.status, 404);
      assert.equal(error.code, 'Request_ResourceNotFound');
    });

    it('reprocesses the other members when Graph refuses one, then reports the refusal', async () => {
      server.faults.inject({ status: 400, code: 'Request_BadRequest', message: 'Invalid user.', pathIncludes: contoso('diego.siciliani') });

      const error = await writer.reprocessGroup(CONTOSO_IDS.contractorsGroupId).catch((e: unknown) => e);

      assert.ok(error instanceof LicenseWriteError, String(error));
      assert.equal(error.code, 'Request_BadRequest');
      assert.equal(Object.keys(server.stats.reprocessByUser).length, 4);
    });

    it('retries a reprocess Graph answered 503: reprocessing twice is harmless', async () => {
      server.faults.inject({ status: 503, pathIncludes: 'reprocessLicenseAssignment' });

      await writer.reprocessGroup(CONTOSO_IDS.rdInternsGroupId);

      assert.equal(waits.length, 1);
      assert.equal(Object.keys(server.stats.reprocessByUser).length, 2);
    });
  });
});
