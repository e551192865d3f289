import type { Command } from './command';

const MAX_QUANTITY = 100_000;

const HELP = new Set(['', 'help', '?', 'hi', 'hello', 'hey', 'commands', 'what can you do', 'menu']);
const LICENSES = new Set(['licenses', 'license', 'licences', 'licence', 'status', 'overview', 'all', 'all licenses', 'list', 'seats', 'skus']);
const SHORTFALLS = new Set(['shortfalls', 'shortfall', 'short', "what's short", 'what is short', 'shortages', 'waiting']);
const ERRORS = new Set(['errors', 'error', 'license errors', 'licence errors', 'licensing errors', 'license error', 'licence error']);
const WATCH = new Set(['watch here', 'watch', 'watch this channel', 'watch this chat']);
const UNWATCH = new Set(['unwatch', 'unwatch here', 'stop watching', 'stop watching here']);
const RESERVATIONS = new Set(['reservations', 'reservation', 'suggestions', 'orders']);
const REPORT = new Set(['report', 'license report', 'licence report', 'weekly report']);

/** Filler words around a product name in a question such as "how many E3 seats do we have left?". */
const FILLER = new Set([
  'how', 'many', 'much', 'left', 'remaining', 'remain', 'available', 'free', 'spare', 'unused', 'do', 'does',
  'we', 'i', 'you', 'us', 'have', 'has', 'got', 'are', 'is', 'there', 'any', 'what', 'whats', "what's", 'about',
  'show', 'me', 'the', 'of', 'for', 'our', 'seats', 'seat', 'licenses', 'license', 'licences', 'licence',
  'figures', 'numbers', 'status', 'please', 'tell', 'check', 'still', 'a', 'an',
]);

/** The text without the ?, ! and . at its end; a scan, not a `[?!.]+$` pattern, which backtracks quadratically. */
function withoutEndPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && '?!.'.includes(text[end - 1] ?? '')) {
    end -= 1;
  }
  return text.slice(0, end);
}

function normalise(text: string): string {
  return withoutEndPunctuation(
    text
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/\s+/g, ' ')
      .trim(),
  )
    .trim()
    .toLowerCase();
}

function parseQuantity(raw: string): number | null {
  if (!/^\d{1,7}$/.test(raw.replace(/,/g, ''))) {
    return null;
  }
  const value = Number(raw.replace(/,/g, ''));
  return value >= 1 && value <= MAX_QUANTITY ? value : null;
}

function productQuery(words: string): string {
  return words
    .split(' ')
    .filter((word) => word !== '' && !FILLER.has(word))
    .join(' ')
    .trim();
}

function parseThreshold(product: string, amount: string): Command {
  if (product === '') {
    return { kind: 'invalid', message: 'Say which product, for example "alert E3 below 10" or "alert E3 below 5%".' };
  }
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(amount);
  if (percent) {
    const value = Number(percent[1]);
    if (!(value > 0 && value <= 100)) {
      return { kind: 'invalid', message: 'A percentage threshold must be more than 0% and at most 100%.' };
    }
    return { kind: 'set-threshold', query: product, threshold: { kind: 'percent', value } };
  }
  const absolute = parseQuantity(amount);
  if (absolute === null) {
    return {
      kind: 'invalid',
      message: `"${amount}" is not a threshold I understand. Use a whole number of seats from 1 to ${MAX_QUANTITY.toLocaleString('en-US')}, or a percentage such as 5%.`,
    };
  }
  return { kind: 'set-threshold', query: product, threshold: { kind: 'absolute', value: absolute } };
}

/**
 * `reclaim [product]`, `unused [product]`, `reclaimable [product]` and "who can give back E3?" (also
 * "who can give E3 back?"). Anchored patterns with one open-ended group each, so matching stays linear.
 */
function parseReclaim(message: string): Command | null {
  const direct = /^(?:reclaim|reclaimable|unused)(?: (.*))?$/.exec(message);
  const giveBack =
    /^who (?:can|could|should|would) (?:give|hand) back (.+)$/.exec(message) ??
    /^who (?:can|could|should|would) (?:give|hand) (.+) back$/.exec(message) ??
    /^what can (?:we|i) reclaim(?: (.*))?$/.exec(message);
  const found = direct ?? giveBack;
  if (found === null) {
    return null;
  }
  const query = productQuery((found[1] ?? '').replace(/[?!.,;:]/g, ' '));
  return { kind: 'reclaim', query: query === '' ? null : query };
}

/** Parses a chat message (already stripped of the bot's @mention) into a command. */
export function parseCommand(text: string): Command {
  const message = normalise(text);
  if (HELP.has(message)) {
    return { kind: 'help' };
  }
  if (LICENSES.has(message)) {
    return { kind: 'licenses' };
  }
  if (SHORTFALLS.has(message)) {
    return { kind: 'shortfalls' };
  }
  if (ERRORS.has(message)) {
    return { kind: 'errors' };
  }
  if (message === 'alerts' || message === 'alert' || message === 'warnings') {
    return { kind: 'alerts' };
  }
  if (WATCH.has(message)) {
    return { kind: 'watch' };
  }
  if (UNWATCH.has(message)) {
    return { kind: 'unwatch' };
  }
  if (RESERVATIONS.has(message)) {
    return { kind: 'reservations' };
  }
  if (REPORT.has(message)) {
    return { kind: 'report' };
  }

  const reclaim = parseReclaim(message);
  if (reclaim !== null) {
    return reclaim;
  }

  const threshold = /^alert (?:me )?(?:on |for |when )?(.+?) (?:below|under|<) ?(\S+(?: ?%)?)$/.exec(message);
  if (threshold) {
    return parseThreshold(productQuery(threshold[1] ?? ''), (threshold[2] ?? '').replace(/\s+/g, ''));
  }
  if (message.startsWith('alert ')) {
    return { kind: 'invalid', message: 'To set a threshold say "alert <product> below <n>" or "alert <product> below <n>%".' };
  }

  const mute = /^(mute|unmute) ?(.*)$/.exec(message);
  if (mute) {
    const query = productQuery(mute[2] ?? '');
    if (query === '') {
      return { kind: 'invalid', message: `Say which product to ${mute[1] ?? 'mute'}, for example "${mute[1] ?? 'mute'} Visio".` };
    }
    return mute[1] === 'mute' ? { kind: 'mute', query } : { kind: 'unmute', query };
  }

  const assign = /^(?:can|could|may) (?:i|we) (?:assign|give out|hand out|add|license) (\S+) (.+)$/.exec(message)
    ?? /^(?:assign|preflight|pre-flight) (\S+) (.+)$/.exec(message);
  if (assign) {
    const quantity = parseQuantity(assign[1] ?? '');
    const query = productQuery((assign[2] ?? '').replace(/\b(?:to|users?|people|more|new)\b/g, ' '));
    if (quantity === null) {
      return {
        kind: 'invalid',
        message: `"${assign[1] ?? ''}" is not a number of seats I can check. Ask for example "can I assign 20 E3?" with a whole number from 1 to ${MAX_QUANTITY.toLocaleString('en-US')}.`,
      };
    }
    if (query === '') {
      return { kind: 'invalid', message: 'Say which product, for example "can I assign 20 E3?".' };
    }
    return { kind: 'can-assign', quantity, query };
  }

  const query = productQuery(message.replace(/[?!.,;:]/g, ' '));
  if (query === '') {
    return /licen[cs]e|seat/.test(message) ? { kind: 'licenses' } : { kind: 'help' };
  }
  return { kind: 'product', query };
}
