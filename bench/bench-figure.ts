/** One line of the benchmark table. */
export interface BenchFigure {
  /** Which part of the benchmark it belongs to, e.g. "chat turn". */
  section: string;
  /** What was measured, e.g. "Headroom turns/s". */
  figure: string;
  value: number;
  /** Unit of `value`, e.g. "ms", "MB", "x", "" for counts. */
  unit: string;
  /** The target in words, or "" when the figure is context for another. */
  target: string;
  /** Whether the target was met; null when the figure has no target. */
  met: boolean | null;
}

/** A figure that only gives context: no target. */
export function contextFigure(section: string, figure: string, value: number, unit: string): BenchFigure {
  return { section, figure, value, unit, target: '', met: null };
}

/** A figure checked against a target. */
export function targetFigure(section: string, figure: string, value: number, unit: string, target: string, met: boolean): BenchFigure {
  return { section, figure, value, unit, target, met };
}
