/** Why a suggestion exists: which of the three conditions held for the SKU. */
export type ReservationTrigger = 'shortfall' | 'below-threshold' | 'runs-out-soon';

/** One term of the quantity sum: seats added (positive) or taken off (negative), and why. */
export interface ReasoningTerm {
  seats: number;
  /** "5 users waiting in Contractors and Temp Staff"; tenant names inside are literal. */
  label: string;
}

/** How a suggested quantity was worked out; stored with the suggestion and shown line by line. */
export interface ReservationReasoning {
  triggers: ReservationTrigger[];
  terms: ReasoningTerm[];
  /** The sum of the terms, the suggested quantity. */
  total: number;
  /**
   * Shown under the sum but not part of it: "12 more on accounts inactive for 90+ days: check those
   * first". Reasonings stored before notes existed read back with none.
   */
  notes: string[];
}

const TRIGGERS: readonly ReservationTrigger[] = ['shortfall', 'below-threshold', 'runs-out-soon'];

function sumLines(reasoning: ReservationReasoning): string[] {
  const lines = reasoning.terms.map((term, index) => {
    const sign = term.seats < 0 ? '- ' : index === 0 ? '' : '+ ';
    return `${sign}${term.label}`;
  });
  return [...lines, `= ${reasoning.total}`];
}

/**
 * The reasoning as lines for a card: the first term as it is, every later one with its sign, the
 * total, then the notes: ["5 users waiting in Contractors", "+ 9 expected in 30 days", "- 3 seats
 * still free", "= 11", "12 more on accounts inactive for 90+ days: check those first"].
 */
export function describeReasoning(reasoning: ReservationReasoning): string[] {
  return [...sumLines(reasoning), ...reasoning.notes];
}

/**
 * The reasoning on one line: "5 users waiting in Contractors + 9 expected in 30 days = 14", each note
 * after it in brackets.
 */
export function reasoningText(reasoning: ReservationReasoning): string {
  return [sumLines(reasoning).join(' '), ...reasoning.notes.map((note) => `(${note})`)].join(' ');
}

/**
 * Reads a reasoning back from the store (where it is plain JSON). Anything malformed is dropped
 * rather than trusted; `fallbackTotal` stands in for a missing total.
 */
export function readReasoning(value: unknown, fallbackTotal: number): ReservationReasoning {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const terms = Array.isArray(record.terms) ? record.terms.flatMap(readTerm) : [];
  const triggers = Array.isArray(record.triggers)
    ? record.triggers.filter((trigger): trigger is ReservationTrigger => TRIGGERS.includes(trigger as ReservationTrigger))
    : [];
  const total = typeof record.total === 'number' && Number.isFinite(record.total) ? record.total : fallbackTotal;
  const notes = Array.isArray(record.notes) ? record.notes.filter((note): note is string => typeof note === 'string') : [];
  return { triggers, terms, total, notes };
}

function readTerm(value: unknown): ReasoningTerm[] {
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  const { seats, label } = value as Record<string, unknown>;
  return typeof seats === 'number' && Number.isFinite(seats) && typeof label === 'string' ? [{ seats, label }] : [];
}
