/**
 * Reads whether a user still holds a SKU by direct assignment. Used only to settle a removal whose
 * outcome is unknown (Headroom stopped during the Graph call) before calling Graph again.
 */
export interface DirectLicenseLookup {
  /** True when the user holds `skuId` assigned directly (not only through a group). `NotFoundError` for an unknown user. */
  holdsDirectly(userId: string, skuId: string): Promise<boolean>;
}
