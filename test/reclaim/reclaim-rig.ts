import { DirectoryAccessPolicy } from '../../src/access/directory-access-policy';
import type { TickContext } from '../../src/alerts/tick-hook';
import type { ChatReply } from '../../src/cards/chat-reply';
import type { ChannelSender } from '../../src/delivery/channel-sender';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { createDemoGuid } from '../../src/demo-tenant/demo-guid';
import { createGraphAccess } from '../../src/graph/graph-access';
import { LicenseService } from '../../src/licenses/license-service';
import type { Logger } from '../../src/logger';
import { MissingPermissions } from '../../src/missing-permissions';
import { createReclaimFeature, type ReclaimFeature, type ReclaimFeatureDependencies } from '../../src/reclaim/reclaim-feature';
import type { ReclaimScan } from '../../src/reclaim/reclaim-scan';
import type { ReclaimScanStore } from '../../src/reclaim/reclaim-scan-store';
import { storeAdjustments } from '../../src/store/store-adjustments';
import type { Store } from '../../src/store/store';
import { captureLogger } from '../support/capture-logger';

export const APPROVER = { aadObjectId: CONTOSO_IDS.adminUserId, name: 'Megan Bowen' };
export const SECOND_APPROVER = { aadObjectId: CONTOSO_IDS.approverUserId, name: 'Alex Wilber' };
export const REGULAR = { aadObjectId: CONTOSO_IDS.regularUserId, name: 'Adele Vance' };
export const E3 = CONTOSO_IDS.skus.SPE_E3;
export const BEN = CONTOSO_IDS.directLicenseUserId;
export const CECIL = CONTOSO_IDS.dependencyUserId;
/** Holds E3 through M365 E3 Standard. */
export const IRVIN = 'irvin.sayers';

/** A channel edge that records what it posts and updates. */
export class RecordingChannels implements ChannelSender {
  readonly sent: { conversationId: string; reply: ChatReply }[] = [];
  readonly updates: { conversationId: string; activityId: string; reply: ChatReply }[] = [];
  send(conversationId: string, reply: ChatReply): Promise<{ activityId: string }> {
    this.sent.push({ conversationId, reply });
    return Promise.resolve({ activityId: `activity-${this.sent.length}` });
  }
  update(conversationId: string, activityId: string, reply: ChatReply): Promise<void> {
    this.updates.push({ conversationId, activityId, reply });
    return Promise.resolve();
  }
}

/** The stored-scan port, in memory: the scan helper owns the real one; this feature only reads the latest scan. */
export class MemoryScanStore implements ReclaimScanStore {
  constructor(private scan: ReclaimScan | null) {}
  saveReclaimScan(scan: ReclaimScan): Promise<void> {
    this.scan = scan;
    return Promise.resolve();
  }
  latestReclaimScan(): Promise<ReclaimScan | null> {
    return Promise.resolve(this.scan);
  }
}

/** A scan that found Ben Walters and Cecil Folk (direct E3) and Irvin Sayers (E3 from a group) disabled. */
export function contosoLeaversScan(server: DemoGraphServer, asOf: string): ReclaimScan {
  const irvinId = createDemoGuid(`contoso:user:${IRVIN}`);
  const person = (userId: string) => {
    const user = server.tenant.findUser(userId);
    return { userId, userPrincipalName: user?.userPrincipalName ?? userId, displayName: user?.displayName ?? userId };
  };
  return {
    asOf,
    inactiveDays: 90,
    inactiveUnknown: null,
    candidates: [
      { ...person(BEN), skuId: E3, reason: 'disabled', lastSignIn: '2025-01-14T08:00:00.000Z', assignedBy: 'direct' },
      { ...person(CECIL), skuId: E3, reason: 'disabled', lastSignIn: null, assignedBy: 'direct' },
      { ...person(irvinId), skuId: E3, reason: 'disabled', lastSignIn: null, assignedBy: { groupId: CONTOSO_IDS.e3StandardGroupId, displayName: 'M365 E3 Standard' } },
    ],
  };
}

export interface ReclaimRig {
  server: DemoGraphServer;
  licenses: LicenseService;
  feature: ReclaimFeature;
  channels: RecordingChannels;
  scans: MemoryScanStore;
  logger: Logger;
  lines: Record<string, unknown>[];
  /** A tick context from a fresh read of the demo tenant. */
  tick(): Promise<TickContext>;
  /** A second feature on the same store and tenant: another instance. */
  anotherInstance(overrides?: Partial<ReclaimFeatureDependencies>): ReclaimFeature;
}

/** The reclaim feature over a real store and the demo tenant over HTTP. */
export async function startReclaimRig(store: Store, now: () => Date, overrides: Partial<ReclaimFeatureDependencies> = {}, server?: DemoGraphServer): Promise<ReclaimRig> {
  const demo = server ?? (await startDemoGraphServer({ enableControl: true }));
  const { logger, lines } = captureLogger();
  const graph = createGraphAccess({ baseUrl: demo.baseUrl, auth: { kind: 'none' }, retry: { maxAttempts: 2, baseDelayMs: 1, sleep: () => Promise.resolve() } }, logger);
  const missing = new MissingPermissions(logger);
  const licenses = new LicenseService({ missingPermissions: missing, reader: graph.licenseReader, cacheSeconds: 0, logger, adjustments: storeAdjustments(store), now: () => now().getTime() });
  const access = new DirectoryAccessPolicy({ adminUserIds: [APPROVER.aadObjectId, SECOND_APPROVER.aadObjectId], adminGroupId: null, approverGroupId: null, memberChecker: graph.memberChecker, missingPermissions: missing });
  const channels = new RecordingChannels();
  const scans = new MemoryScanStore(contosoLeaversScan(demo, now().toISOString()));
  const build = (more: Partial<ReclaimFeatureDependencies>): ReclaimFeature =>
    createReclaimFeature({
      actionsEnabled: true,
      refreshUserIds: [APPROVER.aadObjectId],
      defaultThreshold: { kind: 'absolute', value: 5 },
      store,
      scans,
      suggestions: store,
      access,
      licenses,
      channels,
      writer: graph.licenseWriter,
      lookup: graph.directLicenses,
      logger,
      clock: now,
      ...overrides,
      ...more,
    });
  return {
    server: demo,
    licenses,
    feature: build({}),
    channels,
    scans,
    logger,
    lines,
    tick: async () => {
      const served = await licenses.figures({ fresh: true });
      return { figures: served.figures, snapshot: served.snapshot, now: now() };
    },
    anotherInstance: (more = {}) => build(more),
  };
}
