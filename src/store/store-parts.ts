import type { Store } from './store';

/**
 * The `Store` port cut by concern. Each driver implements every part in a module of its own; a
 * `ComposedStore` joins them back into one `Store`.
 */
export interface StoreParts {
  lifecycle: LifecyclePart;
  conversations: ConversationsPart;
  watchedPlaces: WatchedPlacesPart;
  settings: SettingsPart;
  history: HistoryPart;
  alerts: AlertsPart;
  outbox: OutboxPart;
  holds: HoldsPart;
  suggestions: SuggestionsPart;
  suggestionChanges: SuggestionChangesPart;
  lease: LeasePart;
}

export type LifecyclePart = Pick<Store, 'migrate' | 'close'>;
export type ConversationsPart = Pick<Store, 'saveConversationReference' | 'getConversationReference'>;
export type WatchedPlacesPart = Pick<Store, 'watchPlace' | 'unwatchPlace' | 'listWatchedPlaces' | 'markPlaceInactive' | 'reactivatePlace'>;
export type SettingsPart = Pick<Store, 'setThreshold' | 'clearThreshold' | 'listThresholds' | 'setMuted' | 'listMuted'>;
export type HistoryPart = Pick<Store, 'recordSnapshot' | 'listHistory' | 'latestHistory' | 'pruneHistory'>;
export type AlertsPart = Pick<Store, 'listAlertStates' | 'commitAlertTransitions'>;
export type OutboxPart = Pick<Store, 'enqueueOutbox' | 'claimDueOutbox' | 'markOutboxSent' | 'markOutboxFailed' | 'listOutbox'>;
export type HoldsPart = Pick<Store, 'tryTakeHold' | 'releaseHold' | 'listActiveHolds' | 'heldBySku'>;
export type SuggestionsPart = Pick<Store, 'createSuggestion' | 'getSuggestion' | 'getOpenSuggestion' | 'listSuggestions' | 'setCardActivity'>;
export type SuggestionChangesPart = Pick<Store, 'updateSuggestionProposal' | 'transitionSuggestion' | 'listAudit'>;
export type LeasePart = Pick<Store, 'tryAcquireLease' | 'releaseLease' | 'getLease'>;
