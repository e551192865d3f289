import type { Store } from './store';
import type { StoreParts } from './store-parts';

type Args<K extends keyof Store> = Parameters<Store[K]>;

/**
 * A `Store` made of one module per port (see {@link StoreParts}): every method hands over to the
 * module that owns it.
 */
export class ComposedStore implements Store {
  constructor(private readonly parts: StoreParts) {}

  migrate(...a: Args<'migrate'>) { return this.parts.lifecycle.migrate(...a); }
  close(...a: Args<'close'>) { return this.parts.lifecycle.close(...a); }

  saveConversationReference(...a: Args<'saveConversationReference'>) { return this.parts.conversations.saveConversationReference(...a); }
  getConversationReference(...a: Args<'getConversationReference'>) { return this.parts.conversations.getConversationReference(...a); }

  watchPlace(...a: Args<'watchPlace'>) { return this.parts.watchedPlaces.watchPlace(...a); }
  unwatchPlace(...a: Args<'unwatchPlace'>) { return this.parts.watchedPlaces.unwatchPlace(...a); }
  listWatchedPlaces(...a: Args<'listWatchedPlaces'>) { return this.parts.watchedPlaces.listWatchedPlaces(...a); }
  markPlaceInactive(...a: Args<'markPlaceInactive'>) { return this.parts.watchedPlaces.markPlaceInactive(...a); }
  reactivatePlace(...a: Args<'reactivatePlace'>) { return this.parts.watchedPlaces.reactivatePlace(...a); }

  setThreshold(...a: Args<'setThreshold'>) { return this.parts.settings.setThreshold(...a); }
  clearThreshold(...a: Args<'clearThreshold'>) { return this.parts.settings.clearThreshold(...a); }
  listThresholds(...a: Args<'listThresholds'>) { return this.parts.settings.listThresholds(...a); }
  setMuted(...a: Args<'setMuted'>) { return this.parts.settings.setMuted(...a); }
  listMuted(...a: Args<'listMuted'>) { return this.parts.settings.listMuted(...a); }

  recordSnapshot(...a: Args<'recordSnapshot'>) { return this.parts.history.recordSnapshot(...a); }
  listHistory(...a: Args<'listHistory'>) { return this.parts.history.listHistory(...a); }
  latestHistory(...a: Args<'latestHistory'>) { return this.parts.history.latestHistory(...a); }
  pruneHistory(...a: Args<'pruneHistory'>) { return this.parts.history.pruneHistory(...a); }

  listAlertStates(...a: Args<'listAlertStates'>) { return this.parts.alerts.listAlertStates(...a); }
  commitAlertTransitions(...a: Args<'commitAlertTransitions'>) { return this.parts.alerts.commitAlertTransitions(...a); }

  enqueueOutbox(...a: Args<'enqueueOutbox'>) { return this.parts.outbox.enqueueOutbox(...a); }
  claimDueOutbox(...a: Args<'claimDueOutbox'>) { return this.parts.outbox.claimDueOutbox(...a); }
  markOutboxSent(...a: Args<'markOutboxSent'>) { return this.parts.outbox.markOutboxSent(...a); }
  markOutboxFailed(...a: Args<'markOutboxFailed'>) { return this.parts.outbox.markOutboxFailed(...a); }
  listOutbox(...a: Args<'listOutbox'>) { return this.parts.outbox.listOutbox(...a); }

  tryTakeHold(...a: Args<'tryTakeHold'>) { return this.parts.holds.tryTakeHold(...a); }
  releaseHold(...a: Args<'releaseHold'>) { return this.parts.holds.releaseHold(...a); }
  listActiveHolds(...a: Args<'listActiveHolds'>) { return this.parts.holds.listActiveHolds(...a); }
  heldBySku(...a: Args<'heldBySku'>) { return this.parts.holds.heldBySku(...a); }

  createSuggestion(...a: Args<'createSuggestion'>) { return this.parts.suggestions.createSuggestion(...a); }
  getSuggestion(...a: Args<'getSuggestion'>) { return this.parts.suggestions.getSuggestion(...a); }
  getOpenSuggestion(...a: Args<'getOpenSuggestion'>) { return this.parts.suggestions.getOpenSuggestion(...a); }
  listSuggestions(...a: Args<'listSuggestions'>) { return this.parts.suggestions.listSuggestions(...a); }
  setCardActivity(...a: Args<'setCardActivity'>) { return this.parts.suggestions.setCardActivity(...a); }

  updateSuggestionProposal(...a: Args<'updateSuggestionProposal'>) { return this.parts.suggestionChanges.updateSuggestionProposal(...a); }
  transitionSuggestion(...a: Args<'transitionSuggestion'>) { return this.parts.suggestionChanges.transitionSuggestion(...a); }
  listAudit(...a: Args<'listAudit'>) { return this.parts.suggestionChanges.listAudit(...a); }

  tryAcquireLease(...a: Args<'tryAcquireLease'>) { return this.parts.lease.tryAcquireLease(...a); }
  releaseLease(...a: Args<'releaseLease'>) { return this.parts.lease.releaseLease(...a); }
  getLease(...a: Args<'getLease'>) { return this.parts.lease.getLease(...a); }

  saveReclaimScan(...a: Args<'saveReclaimScan'>) { return this.parts.reclaimScans.saveReclaimScan(...a); }
  latestReclaimScan(...a: Args<'latestReclaimScan'>) { return this.parts.reclaimScans.latestReclaimScan(...a); }
}
