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
}

const TRIGGERS: readonly ReservationTrigger[] = ['shortfall', 'below-threshold', 'runs-out-soon'];

/**
 * The reasoning as lines for a card: the first term as it is, every later one with its sign, and the
 * total: ["5 users waiting in Contractors", "+ 9 expected in 30 days", "- 3 seats still free", "= 11"].
 */
export function describeReasoning(reasoning: ReservationReasoning): string[] {
  const lines = reasoning.terms.map((term, index) => {
    const sign = term.seats < 0 ? '- ' : index === 0 ? '' : '+ ';
    return `${sign}${term.label}`;
  });
  return [...lines, `= ${reasoning.total}`];
}

/** The reasoning on one line: "5 users waiting in Contractors + 9 expected in 30 days = 14". */
export function reasoningText(reasoning: ReservationReasoning): string {
  return describeReasoning(reasoning).join(' ');
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
  return { triggers, terms, total };
}

function readTerm(value: unknown): ReasoningTerm[] {
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  const { seats, label } = value as Record<string, unknown>;
  return typeof seats === 'number' && Number.isFinite(seats) && typeof label === 'string' ? [{ seats, label }] : [];
}
