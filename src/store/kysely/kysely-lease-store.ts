import type { Lease } from '../../alerts/lease';
import type { LeaseStore } from '../../alerts/lease-store';
import { storeInput } from '../store-input';
import type { StoreContext } from './store-context';

/** Named leases, so one instance of many runs the watcher. */
export class KyselyLeaseStore implements LeaseStore {
  constructor(private readonly ctx: StoreContext) {}

  async tryAcquireLease(name: string, owner: string, ttlMs: number, now: string): Promise<boolean> {
    const at = storeInput.iso(now, 'now');
    const values = { name: storeInput.text(name, 'name'), owner: storeInput.text(owner, 'owner'), acquiredAt: at, expiresAt: storeInput.plus(at, ttlMs, 'ttlMs') };
    // One statement: the lease goes to whoever inserts it, renews it, or finds it expired.
    const row = await this.ctx.dialect.write(this.ctx.db, (trx) =>
      trx
        .insertInto('leases')
        .values(values)
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet((eb) => ({
              acquiredAt: eb.case().when('leases.owner', '=', eb.ref('excluded.owner')).then(eb.ref('leases.acquiredAt')).else(eb.ref('excluded.acquiredAt')).end(),
              owner: eb.ref('excluded.owner'),
              expiresAt: eb.ref('excluded.expiresAt'),
            }))
            .where((eb) => eb.or([eb('leases.owner', '=', eb.ref('excluded.owner')), eb('leases.expiresAt', '<=', at)])),
        )
        .returning('owner')
        .executeTakeFirst(),
    );
    return row !== undefined;
  }

  async releaseLease(name: string, owner: string): Promise<boolean> {
    const result = await this.ctx.dialect.write(this.ctx.db, (trx) => trx.deleteFrom('leases').where('name', '=', name).where('owner', '=', owner).executeTakeFirst());
    return result.numDeletedRows > 0n;
  }

  async getLease(name: string): Promise<Lease | null> {
    const row = await this.ctx.db.selectFrom('leases').selectAll().where('name', '=', name).executeTakeFirst();
    return row ?? null;
  }
}
