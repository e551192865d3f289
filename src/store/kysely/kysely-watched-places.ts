import type { NewWatchedPlace, WatchedPlace } from '../../delivery/watched-place';
import type { WatchedPlaceStore } from '../../delivery/watched-place-store';
import { storeInput } from '../store-input';
import type { StoreContext } from './store-context';

/** Where alerts go. */
export class KyselyWatchedPlaces implements WatchedPlaceStore {
  constructor(private readonly ctx: StoreContext) {}

  async watchPlace(input: NewWatchedPlace): Promise<WatchedPlace> {
    const values = {
      conversationId: storeInput.text(input.conversationId, 'conversationId'),
      kind: input.kind,
      addedBy: storeInput.text(input.addedBy, 'addedBy'),
      addedAt: this.ctx.now(),
      active: true,
    };
    return this.ctx.dialect.write(this.ctx.db, (trx) =>
      trx
        .insertInto('watchedPlaces')
        .values(values)
        .onConflict((oc) =>
          oc.column('conversationId').doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            addedBy: eb.ref('excluded.addedBy'),
            addedAt: eb.ref('excluded.addedAt'),
            active: true,
            inactiveReason: null,
            inactiveSince: null,
          })),
        )
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  }

  async unwatchPlace(conversationId: string): Promise<boolean> {
    const result = await this.ctx.dialect.write(this.ctx.db, (trx) =>
      trx.deleteFrom('watchedPlaces').where('conversationId', '=', conversationId).executeTakeFirst(),
    );
    return result.numDeletedRows > 0n;
  }

  async listWatchedPlaces(options: { activeOnly?: boolean } = {}): Promise<WatchedPlace[]> {
    let query = this.ctx.db.selectFrom('watchedPlaces').selectAll();
    if (options.activeOnly === true) {
      query = query.where('active', '=', true);
    }
    return query.orderBy('addedAt').orderBy('conversationId').execute();
  }

  async markPlaceInactive(conversationId: string, reason: string): Promise<boolean> {
    const now = this.ctx.now();
    const result = await this.ctx.dialect.write(this.ctx.db, (trx) =>
      trx
        .updateTable('watchedPlaces')
        .set({ active: false, inactiveReason: reason, inactiveSince: now })
        .where('conversationId', '=', conversationId)
        .where('active', '=', true)
        .executeTakeFirst(),
    );
    return result.numUpdatedRows > 0n;
  }

  async reactivatePlace(conversationId: string): Promise<boolean> {
    const result = await this.ctx.dialect.write(this.ctx.db, (trx) =>
      trx
        .updateTable('watchedPlaces')
        .set({ active: true, inactiveReason: null, inactiveSince: null })
        .where('conversationId', '=', conversationId)
        .where('active', '=', false)
        .executeTakeFirst(),
    );
    return result.numUpdatedRows > 0n;
  }
}
