/** A SKU an admin muted: hidden from overviews and alerts, still answered when asked by name. */
export interface MutedSku {
  skuId: string;
  mutedBy: string;
  mutedAt: string;
}
