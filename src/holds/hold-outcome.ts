/** The answer to a hold request that named exactly one product. */
export type HoldOutcome =
  | {
      ok: true;
      id: string;
      /** The SKU part number the request resolved to. */
      sku: string;
      skuId: string;
      quantity: number;
      expiresAt: string;
      /** Unheld seats left after this hold: available - every active hold, this one included. */
      availableAfter: number;
    }
  | {
      ok: false;
      /** The SKU part number the request resolved to. */
      sku: string;
      skuId: string;
      /** Seats available per Graph's freshest read (purchased - assigned); negative when over-assigned. */
      available: number;
      /** Seats already under active holds for this SKU. */
      held: number;
    };
