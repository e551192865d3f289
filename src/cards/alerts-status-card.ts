import { CARD_LIMITS } from './card-limits';
import { formatQuantity } from './format-quantity';
import type { StyledText } from './styled-text';
import { toDisplayText } from './to-display-text';

/** The configured default alert threshold, as the card shows it. */
export interface DefaultThreshold {
  kind: 'absolute' | 'percent';
  value: number;
}

/** One line of a section: a name and what is said about it. */
export interface AlertsStatusRow {
  /** A product or place name, literal. */
  name: string;
  detail: StyledText;
}

/** Data for `cards/alerts-status.json`: where alerts go, the thresholds, mutes and active alerts. */
export interface AlertsStatusCard {
  /** "5% of purchased seats (at least 1 seat)". */
  defaultThreshold: string;
  places: AlertsStatusRow[];
  morePlaces: string | null;
  thresholds: AlertsStatusRow[];
  moreThresholds: string | null;
  muted: AlertsStatusRow[];
  moreMuted: string | null;
  alerts: AlertsStatusRow[];
  moreAlerts: string | null;
}

/** A conversation alerts are sent to. */
export interface AlertsStatusPlace {
  /** The channel name when Teams told it, else null. */
  name: string | null;
  kind: 'channel' | 'groupChat' | 'personal';
  conversationId: string;
  active: boolean;
  inactiveReason: string | null;
  /** The conversation the question came from. */
  isHere: boolean;
}

/** Everything the card reports, with products already named. */
export interface AlertsStatusInput {
  defaultThreshold: DefaultThreshold;
  places: readonly AlertsStatusPlace[];
  thresholds: readonly { productName: string; description: string }[];
  muted: readonly { productName: string; mutedAt: string }[];
  alerts: readonly { productName: string; condition: string; since: string }[];
}

/** Rows shown per section before "and N more". */
const MAX_ROWS = 15;

const CONDITIONS: Record<string, { text: string; color: StyledText['color'] }> = {
  low: { text: 'below its threshold', color: 'warning' },
  exhausted: { text: 'ran out of seats', color: 'attention' },
  'over-assigned': { text: 'over-assigned', color: 'attention' },
  waiting: { text: 'users waiting for seats', color: 'warning' },
  expiring: { text: 'seats or subscription expiring', color: 'warning' },
  suspended: { text: 'subscription suspended, users without service', color: 'attention' },
  'license-errors': { text: "license errors buying won't fix", color: 'default' },
};

const KIND_NAMES: Record<AlertsStatusPlace['kind'], string> = {
  channel: 'Channel',
  groupChat: 'Group chat',
  personal: 'Personal chat',
};

function day(iso: string): string {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : 'an unknown date';
}

function placeName(place: AlertsStatusPlace): string {
  const named = place.name === null || place.name.trim() === '' ? null : toDisplayText(place.name, CARD_LIMITS.nameLength);
  const label = named === null ? `${KIND_NAMES[place.kind]} ${toDisplayText(place.conversationId, 48, '(unknown)')}` : `${KIND_NAMES[place.kind]} ${named}`;
  return place.isHere ? `${label} (this chat)` : label;
}

function placeRow(place: AlertsStatusPlace): AlertsStatusRow {
  const detail: StyledText = place.active
    ? { text: 'active', color: 'good' }
    : { text: `paused: ${toDisplayText(place.inactiveReason ?? 'inactive', 120)}`, color: 'attention' };
  return { name: placeName(place), detail };
}

function conditionOf(condition: string): StyledText {
  return CONDITIONS[condition] ?? { text: toDisplayText(condition, 60), color: 'warning' };
}

function limited<T>(items: readonly T[], toRow: (item: T) => AlertsStatusRow, noun: string): { rows: AlertsStatusRow[]; more: string | null } {
  const rest = items.length - MAX_ROWS;
  return { rows: items.slice(0, MAX_ROWS).map(toRow), more: rest > 0 ? `and ${formatQuantity(rest, noun)}` : null };
}

/** Describes a default threshold: "5% of purchased seats (at least 1 seat)" or "10 seats". */
function describeDefault(threshold: DefaultThreshold): string {
  return threshold.kind === 'percent' ? `${threshold.value}% of purchased seats (at least 1 seat)` : formatQuantity(threshold.value, 'seat');
}

/** Builds the answer to `alerts`. Product and place names are shown literally. */
export function buildAlertsStatusCard(input: AlertsStatusInput): AlertsStatusCard {
  const product = (name: string): string => toDisplayText(name, CARD_LIMITS.nameLength);
  const places = limited(input.places, placeRow, 'more place');
  const thresholds = limited(input.thresholds, (row) => ({ name: product(row.productName), detail: { text: `below ${row.description}`, color: 'default' } }), 'more threshold');
  const muted = limited(input.muted, (row) => ({ name: product(row.productName), detail: { text: `muted since ${day(row.mutedAt)}`, color: 'default' } }), 'more muted product');
  const alerts = limited(
    input.alerts,
    (row) => {
      const condition = conditionOf(row.condition);
      return { name: product(row.productName), detail: { text: `${condition.text} since ${day(row.since)}`, color: condition.color } };
    },
    'more alert',
  );
  return {
    defaultThreshold: describeDefault(input.defaultThreshold),
    places: places.rows,
    morePlaces: places.more,
    thresholds: thresholds.rows,
    moreThresholds: thresholds.more,
    muted: muted.rows,
    moreMuted: muted.more,
    alerts: alerts.rows,
    moreAlerts: alerts.more,
  };
}

/** The answer in one line: "Alerts go to 1 place; default threshold 5%…; 2 active alerts". */
export function summarizeAlertsStatus(input: AlertsStatusInput): string {
  const active = input.places.filter((place) => place.active).length;
  const where = input.places.length === 0 ? 'No chat is watched' : `Alerts go to ${formatQuantity(active, 'place')}`;
  return (
    `${where}; default threshold ${describeDefault(input.defaultThreshold)}; ` +
    `${formatQuantity(input.thresholds.length, 'product threshold')}, ${formatQuantity(input.muted.length, 'muted product')}, ` +
    `${formatQuantity(input.alerts.length, 'active alert')}.`
  );
}
