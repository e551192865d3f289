import { HeadroomError, NotFoundError, UnavailableError, ValidationError } from '../errors';
import type { ServedFigures } from '../licenses/license-service';
import type { SkuFigures } from '../licenses/sku-figures';
import type { Logger } from '../logger';
import { matchSkus } from '../licenses/sku-matcher';
import type { HoldLedger } from './hold-ledger';
import type { ActiveHold } from './active-hold';
import type { HoldOrder } from './hold-order';
import type { HoldOutcome } from './hold-outcome';

/** The figures a hold is checked against; `LicenseService` provides them. */
export interface HoldFigures {
  figures(request: { fresh?: boolean }): Promise<ServedFigures>;
  /** Tells the figures' cache that holds changed. */
  adjustmentsChanged(): void;
}

/** The store operations seat holds need. */

export interface SeatHoldServiceOptions {
  licenses: HoldFigures;
  store: HoldLedger;
  /** Decides when holds start and expire; tests pass their own. */
  now?: () => Date;
  /** Records holds taken, refused and released, for operators. */
  logger?: Logger;
}

/** Stored as the reason of a hold whose caller gave none (the store requires one). */
export const NO_REASON = 'No reason given';

/** How many candidate names an ambiguous request lists. */
const MAX_CANDIDATES = 10;

/**
 * Seat holds for automation: a script holds seats before it assigns licenses, so two scripts that
 * both see "1 left" cannot both assign it. A hold counts against `available - active holds`, computed
 * from Graph's freshest read and checked and written in one store transaction.
 */
export class SeatHoldService {
  private readonly clock: () => Date;

  constructor(private readonly options: SeatHoldServiceOptions) {
    this.clock = options.now ?? (() => new Date());
  }

  /**
   * Holds `quantity` seats of the one SKU `order.sku` names (part number, GUID or display name) until
   * `now + ttlSeconds`, if that many seats are unheld per a fresh Graph read.
   *
   * @throws ValidationError when the name matches several SKUs (the message lists them).
   * @throws NotFoundError when it matches none (the message suggests close names).
   * @throws UnavailableError when Graph cannot be read now: a hold is never based on old figures.
   */
  async takeHold(order: HoldOrder, now: Date = this.clock()): Promise<HoldOutcome> {
    const served = await this.options.licenses.figures({ fresh: true });
    if (served.stale) {
      throw new UnavailableError(
        `Microsoft Graph could not be read just now, so no hold was taken (${served.staleReason ?? 'no reason given'}). Try again shortly.`,
      );
    }
    const sku = resolveOneSku(order.sku, served.figures);
    const result = await this.options.store.tryTakeHold({
      skuId: sku.skuId,
      quantity: order.quantity,
      reason: order.reason ?? NO_REASON,
      expiresAt: new Date(now.getTime() + order.ttlSeconds * 1000).toISOString(),
      now: now.toISOString(),
      unheldLimit: Math.max(0, sku.available),
    });
    if (!result.ok) {
      this.options.logger?.info('seat hold refused: not enough unheld seats', {
        skuId: sku.skuId,
        quantity: order.quantity,
        available: sku.available,
        held: result.held,
      });
      return { ok: false, sku: sku.skuPartNumber, skuId: sku.skuId, available: sku.available, held: result.held };
    }
    this.options.licenses.adjustmentsChanged();
    this.options.logger?.info('seat hold taken', {
      holdId: result.hold.id,
      skuId: sku.skuId,
      quantity: result.hold.quantity,
      expiresAt: result.hold.expiresAt,
      heldAfter: result.heldAfter,
    });
    return {
      ok: true,
      id: result.hold.id,
      sku: sku.skuPartNumber,
      skuId: sku.skuId,
      quantity: result.hold.quantity,
      expiresAt: result.hold.expiresAt,
      availableAfter: Math.max(0, sku.available) - result.heldAfter,
    };
  }

  /**
   * Releases an active hold, freeing its seats at once.
   *
   * @throws NotFoundError when no active hold has this id (unknown, already released or expired).
   */
  async releaseHold(id: string, now: Date = this.clock()): Promise<void> {
    const released = await this.options.store.releaseHold(id, now.toISOString());
    if (!released) {
      throw new NotFoundError(`No active hold with id ${JSON.stringify(id)}: it does not exist, was released, or has expired.`);
    }
    this.options.licenses.adjustmentsChanged();
    this.options.logger?.info('seat hold released', { holdId: id });
  }

  /**
   * The holds active at `now`, oldest first, named after their SKUs as the last Graph read knows
   * them. The list is served even when Graph cannot be read; the names are then null.
   */
  async listActiveHolds(now: Date = this.clock()): Promise<ActiveHold[]> {
    const holds = await this.options.store.listActiveHolds(now.toISOString());
    const skus = holds.length === 0 ? [] : await this.knownSkus();
    return holds.map((hold) => {
      const sku = skus.find((candidate) => candidate.skuId.toLowerCase() === hold.skuId.toLowerCase());
      return {
        id: hold.id,
        skuId: hold.skuId,
        sku: sku?.skuPartNumber ?? null,
        displayName: sku?.displayName ?? null,
        quantity: hold.quantity,
        reason: hold.reason,
        createdAt: hold.createdAt,
        expiresAt: hold.expiresAt,
      };
    });
  }

  private async knownSkus(): Promise<SkuFigures[]> {
    try {
      return (await this.options.licenses.figures({})).figures;
    } catch (error) {
      if (error instanceof HeadroomError) {
        return [];
      }
      throw error;
    }
  }
}

function resolveOneSku(query: string, figures: readonly SkuFigures[]): SkuFigures {
  const { matches, suggestions } = matchSkus(query, figures);
  const [only] = matches;
  if (only !== undefined && matches.length === 1) {
    return only;
  }
  if (matches.length === 0) {
    const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map(quoteName).join(', ')}?` : '';
    throw new NotFoundError(`No license in this tenant matches ${JSON.stringify(query)}.${hint}`);
  }
  const listed = matches.slice(0, MAX_CANDIDATES).map((sku) => `${sku.displayName} (${sku.skuPartNumber})`);
  const more = matches.length > MAX_CANDIDATES ? ` and ${matches.length - MAX_CANDIDATES} more` : '';
  throw new ValidationError(
    `${JSON.stringify(query)} matches ${matches.length} licenses: ${listed.join(', ')}${more}. Name one by its part number or SKU id.`,
  );
}

function quoteName(name: string): string {
  return JSON.stringify(name);
}
