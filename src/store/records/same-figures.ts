import type { HistoryFigures } from '../store';

/** True when two history rows hold the same figures, whatever their SKU and time. */
export function sameFigures(a: Omit<HistoryFigures, 'skuId'>, b: Omit<HistoryFigures, 'skuId'>): boolean {
  return a.purchased === b.purchased && a.assigned === b.assigned && a.available === b.available && a.waiting === b.waiting;
}
