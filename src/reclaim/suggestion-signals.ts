/** The few facts about reservation suggestions reclaiming needs, as any suggestion store answers them. */
export interface SuggestionSignals {
  /** Newest first. */
  listSuggestions(options: { statuses: readonly ('proposed' | 'approved' | 'fulfilled')[]; limit: number }): Promise<{ id: string; skuId: string; updatedAt: string }[]>;
}
