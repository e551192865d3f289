import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import type { DemoTenant } from '../../src/demo-tenant/demo-tenant';
import type { Store } from '../../src/store/store';
import { BOT_ID } from './activity-factory';

/**
 * Makes a Teams channel a watched place, as `watch here` would: stores the conversation reference a
 * channel message would have given (pointing at `serviceUrl`, the local connector) and watches it.
 */
export async function watchChannel(store: Store, serviceUrl: string, conversationId = '19:alerts@thread.tacv2'): Promise<string> {
  await store.saveConversationReference(
    conversationId,
    {
      activityId: 'activity-1',
      bot: { id: BOT_ID, name: 'Headroom' },
      user: { id: '29:admin', name: 'Ada Admin', aadObjectId: CONTOSO_IDS.adminUserId },
      conversation: { id: conversationId, conversationType: 'channel', tenantId: CONTOSO_IDS.tenantId, isGroup: true },
      channelId: 'msteams',
      locale: 'en-US',
      serviceUrl,
    },
    { tenantId: CONTOSO_IDS.tenantId, conversationType: 'channel', teamId: '19:team@thread.tacv2', channelName: 'Licensing' },
  );
  await store.watchPlace({ conversationId, addedBy: CONTOSO_IDS.adminUserId, kind: 'channel' });
  return conversationId;
}

/** The part numbers of Contoso's visible (alerting) SKUs. */
export const CONTOSO_VISIBLE_SKUS = [
  'SPE_E3', 'ENTERPRISEPACK', 'SPE_E5', 'POWER_BI_PRO', 'EMSPREMIUM', 'VISIOCLIENT', 'PROJECTPROFESSIONAL', 'EXCHANGESTANDARD',
  'ENTERPRISEPREMIUM', 'Microsoft_365_Copilot',
];

/**
 * Puts Contoso in a state that raises no alert: every visible SKU half used (a suspended one with no
 * users left), no license errors, no seats in a grace period and no subscription ending soon. Its
 * leavers have given their direct seats back, so a SKU pushed below its line gets no reclaim card either.
 */
export function calmContoso(tenant: DemoTenant): void {
  for (const leaver of tenant.findUsers((user) => !user.accountEnabled)) {
    const held = leaver.licenseAssignmentStates.filter((state) => state.assignedByGroup === null && (state.state === 'Active' || state.state === 'ActiveWithError'));
    const direct = [...new Set(held.map((state) => state.skuId))];
    if (direct.length > 0) {
      tenant.removeDirectLicenses(leaver.id, direct);
    }
  }
  for (const part of CONTOSO_VISIBLE_SKUS) {
    const sku = tenant.updateSku(part, { warning: 0 });
    tenant.updateSku(part, { consumedUnits: Math.floor(sku.prepaidUnits.enabled / 2) });
    tenant.removeLicenseErrors(part);
    tenant.setSubscriptionLifecycle(part, new Date(Date.now() + 200 * 24 * 60 * 60 * 1000).toISOString());
  }
}

/**
 * Turns Contoso's disabled accounts back on, keeping their seats: the tenant has no leavers, so a SKU
 * short of seats gets a purchase suggestion rather than a reclaim (for tests of the purchase flow).
 */
export function reenableLeavers(tenant: DemoTenant): void {
  for (const leaver of tenant.findUsers((user) => !user.accountEnabled)) {
    tenant.enableAccount(leaver.id);
  }
}
