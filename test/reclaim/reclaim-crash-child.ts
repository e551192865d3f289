// A Headroom instance in a child process that approves a reclaim request and kills itself with SIGKILL
// at a chosen point between Graph calls, for reclaim-restart.test.ts. Settings come through the environment.
import { DirectoryAccessPolicy } from '../../src/access/directory-access-policy';
import { createGraphAccess } from '../../src/graph/graph-access';
import { LicenseService } from '../../src/licenses/license-service';
import { silentLogger } from '../../src/logger';
import { MissingPermissions } from '../../src/missing-permissions';
import { RECLAIM_VERBS } from '../../src/reclaim/card-verbs';
import { createReclaimFeature } from '../../src/reclaim/reclaim-feature';
import type { RemovalIntent } from '../../src/reclaim/reclaim-request';
import { SqliteStore } from '../../src/store/sqlite-store';
import { storeAdjustments } from '../../src/store/store-adjustments';

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (value === undefined || value === '') {
      throw new Error(`${name} is not set`);
    }
    return value;
  };
  const point = env('CRASH_AT');
  const victim = env('CRASH_USER');
  const approver = env('CRASH_APPROVER');
  const die = (intent: RemovalIntent): void => {
    if (intent.userId === victim) {
      process.kill(process.pid, 'SIGKILL');
    }
  };
  const store = new SqliteStore({ filename: env('CRASH_DB') });
  const logger = silentLogger;
  const graph = createGraphAccess({ baseUrl: env('CRASH_GRAPH_URL'), auth: { kind: 'none' }, retry: { maxAttempts: 1 } }, logger);
  const missing = new MissingPermissions(logger);
  const licenses = new LicenseService({ missingPermissions: missing, reader: graph.licenseReader, cacheSeconds: 0, logger, adjustments: storeAdjustments(store) });
  const feature = createReclaimFeature({
    actionsEnabled: true,
    refreshUserIds: [],
    defaultThreshold: { kind: 'absolute', value: 5 },
    store,
    scans: { saveReclaimScan: () => Promise.resolve(), latestReclaimScan: () => Promise.resolve(null) },
    suggestions: store,
    access: new DirectoryAccessPolicy({ adminUserIds: [approver], adminGroupId: null, approverGroupId: null, memberChecker: graph.memberChecker }),
    licenses,
    channels: null,
    writer: graph.licenseWriter,
    lookup: graph.directLicenses,
    logger,
    clock: () => new Date(),
    executor: {
      instanceId: 'crashing-child',
      claimMs: 300,
      beforeRemoval: point === 'before-call' ? die : undefined,
      afterRemoval: point === 'after-call' ? die : undefined,
    },
  });
  await feature.decisions.decide({ verb: RECLAIM_VERBS.approve, data: { requestId: env('CRASH_REQUEST_ID') }, tenantId: 'tenant', actor: { aadObjectId: approver, name: 'Megan Bowen' } });
  await feature.executor?.idle();
  await store.close();
  process.exitCode = 3;
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 2;
});
