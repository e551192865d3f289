import type { AlertSettingsStore } from '../alerts/alert-settings-store';
import type { AlertStateStore } from '../alerts/alert-state-store';
import type { LeaseStore } from '../alerts/lease-store';
import type { WatchedPlaceStore } from '../delivery/watched-place-store';
import type { ConversationReferenceStore } from '../delivery/conversation-reference-store';
import type { Outbox } from '../delivery/outbox';
import type { HoldLedger } from '../holds/hold-ledger';
import type { SkuHistoryStore } from '../licenses/sku-history-store';
import type { SuggestionStore } from '../reservations/suggestion-store';
import type { ReclaimScanStore } from '../reclaim/reclaim-scan-store';
import type { Store } from './store';

/** The modules a `ComposedStore` joins into one `Store`: one per port (suggestions in two). */
export interface StoreParts {
  lifecycle: Pick<Store, 'migrate' | 'close'>;
  conversations: ConversationReferenceStore;
  watchedPlaces: WatchedPlaceStore;
  settings: AlertSettingsStore;
  history: SkuHistoryStore;
  alerts: AlertStateStore;
  outbox: Outbox;
  holds: HoldLedger;
  suggestions: Pick<SuggestionStore, 'createSuggestion' | 'getSuggestion' | 'getOpenSuggestion' | 'listSuggestions' | 'setCardActivity'>;
  suggestionChanges: Pick<SuggestionStore, 'updateSuggestionProposal' | 'transitionSuggestion' | 'listAudit'>;
  lease: LeaseStore;
  reclaimScans: ReclaimScanStore;
}
