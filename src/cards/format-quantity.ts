import { formatCount } from './format-count';

/** Formats a count with its noun in singular or plural: (1, 'minute') -> "1 minute", (3, 'minute') -> "3 minutes". */
export function formatQuantity(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(value)} ${value === 1 ? singular : plural}`;
}
