import type { HistoryFigures, HistoryRow } from '../../licenses/sku-history';
import type { SkuHistoryStore } from '../../licenses/sku-history-store';
import { storeInput } from '../store-input';
import type { StoreContext } from './store-context';

/** Snapshot history for forecasts: one row per SKU per change. */
export class KyselySkuHistory implements SkuHistoryStore {
  constructor(private readonly ctx: StoreContext) {}

  async recordSnapshot(takenAt: string, rows: readonly HistoryFigures[]): Promise<string[]> {
    const at = storeInput.iso(takenAt, 'takenAt');
    const figures = storeInput.history(rows);
    return this.ctx.dialect.write(this.ctx.db, async (trx) => {
      // Two recorders comparing against the same "latest" row would both insert.
      await this.ctx.dialect.serialise(trx, 'headroom:history');
      const stored: string[] = [];
      for (const row of figures) {
        const last = await trx
          .selectFrom('skuHistory')
          .select(['purchased', 'assigned', 'available', 'waiting'])
          .where('skuId', '=', row.skuId)
          .where('takenAt', '<=', at)
          .orderBy('takenAt', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (last !== undefined && sameFigures(last, row)) {
          continue;
        }
        const inserted = await trx
          .insertInto('skuHistory')
          .values({ ...row, takenAt: at })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) {
          stored.push(row.skuId);
        }
      }
      return stored;
    });
  }

  async listHistory(skuId: string, sinceIso: string): Promise<HistoryRow[]> {
    return this.ctx.db
      .selectFrom('skuHistory')
      .selectAll()
      .where('skuId', '=', skuId)
      .where('takenAt', '>=', storeInput.iso(sinceIso, 'sinceIso'))
      .orderBy('takenAt')
      .execute();
  }

  async pruneHistory(beforeIso: string): Promise<number> {
    const before = storeInput.iso(beforeIso, 'beforeIso');
    return this.ctx.dialect.write(this.ctx.db, async (trx) => {
      const deleted = await trx
        .deleteFrom('skuHistory as h')
        .where('h.takenAt', '<', before)
        .where('h.takenAt', '<', (eb) =>
          eb
            .selectFrom('skuHistory as l')
            .select((e) => e.fn.max('l.takenAt').as('kept'))
            .whereRef('l.skuId', '=', 'h.skuId')
            .where('l.takenAt', '<', before),
        )
        .executeTakeFirst();
      return Number(deleted.numDeletedRows);
    });
  }

  async latestHistory(): Promise<HistoryRow[]> {
    return this.ctx.db
      .selectFrom('skuHistory as h')
      .selectAll('h')
      .where('h.takenAt', '=', (eb) => eb.selectFrom('skuHistory as l').select((e) => e.fn.max('l.takenAt').as('latest')).whereRef('l.skuId', '=', 'h.skuId'))
      .orderBy('h.skuId')
      .execute();
  }
}

/** True when two history rows hold the same figures, whatever their SKU and time. */
function sameFigures(a: Omit<HistoryFigures, 'skuId'>, b: Omit<HistoryFigures, 'skuId'>): boolean {
  return a.purchased === b.purchased && a.assigned === b.assigned && a.available === b.available && a.waiting === b.waiting;
}
