import { CamelCasePlugin, Kysely, type Dialect, type KyselyPlugin } from 'kysely';
import { ComposedStore } from './composed-store';
import type { Database } from './database';
import { KyselyAlertSettings } from './kysely/kysely-alert-settings';
import { KyselyAlertStates } from './kysely/kysely-alert-states';
import { KyselyConversationReferences } from './kysely/kysely-conversation-references';
import { KyselyHoldLedger } from './kysely/kysely-hold-ledger';
import { KyselyLeaseStore } from './kysely/kysely-lease-store';
import { KyselyOutbox } from './kysely/kysely-outbox';
import { KyselyReclaimScans } from './kysely/kysely-reclaim-scans';
import { KyselySkuHistory } from './kysely/kysely-sku-history';
import { KyselySuggestionChanges } from './kysely/kysely-suggestion-changes';
import { KyselySuggestions } from './kysely/kysely-suggestions';
import { KyselyWatchedPlaces } from './kysely/kysely-watched-places';
import type { StoreContext } from './kysely/store-context';
import type { Clock } from './store';
import type { StoreDialect } from './store-dialect';
import { storeInput } from './store-input';

export interface KyselyStoreParts {
  /** Kysely's dialect: the driver and its connection(s). */
  dialect: Dialect;
  /** The store's few differences between databases. */
  storeDialect: StoreDialect;
  /** Plugins after the camelCase mapping (SQLite's value conversions). */
  plugins?: KyselyPlugin[];
  clock?: Clock;
}

/** The one store implementation: the modules in `kysely/` over one Kysely instance, for either database. */
export class KyselyStore extends ComposedStore {
  constructor(parts: KyselyStoreParts) {
    const db = new Kysely<Database>({ dialect: parts.dialect, plugins: [new CamelCasePlugin(), ...(parts.plugins ?? [])] });
    const clock = parts.clock ?? (() => new Date());
    const ctx: StoreContext = { db, dialect: parts.storeDialect, now: () => storeInput.iso(clock(), 'clock') };
    super({
      lifecycle: {
        migrate: () => parts.storeDialect.migrate(db),
        close: () => db.destroy(),
      },
      conversations: new KyselyConversationReferences(ctx),
      watchedPlaces: new KyselyWatchedPlaces(ctx),
      settings: new KyselyAlertSettings(ctx),
      history: new KyselySkuHistory(ctx),
      alerts: new KyselyAlertStates(ctx),
      outbox: new KyselyOutbox(ctx),
      holds: new KyselyHoldLedger(ctx),
      suggestions: new KyselySuggestions(ctx),
      suggestionChanges: new KyselySuggestionChanges(ctx),
      lease: new KyselyLeaseStore(ctx),
      reclaimScans: new KyselyReclaimScans(ctx),
    });
  }
}
