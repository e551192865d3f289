import { ValidationError } from '../errors';
import { HOLD_LIMITS } from '../holds/hold-limits';
import type { HoldOrder } from '../holds/hold-order';
import { checkTextField } from '../text/check-text-field';

const FIELDS = ['sku', 'quantity', 'ttlSeconds', 'reason'] as const;

function describeType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function checkWholeNumber(value: unknown, field: string, min: number, max: number, problems: string[]): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    problems.push(`"${field}" must be a whole number from ${min} to ${max}, not ${describeType(value)}`);
    return 0;
  }
  if (value < min || value > max) {
    problems.push(`"${field}" must be from ${min} to ${max}, not ${value}`);
  }
  return value;
}

function checkText(value: unknown, field: string, maxLength: number, problems: string[]): string {
  if (typeof value !== 'string') {
    problems.push(`"${field}" must be text, not ${describeType(value)}`);
    return '';
  }
  const unsafe = checkTextField(value, field);
  if (unsafe !== null) {
    problems.push(unsafe);
  }
  if (Array.from(value).length > maxLength) {
    problems.push(`"${field}" must be at most ${maxLength} characters`);
  }
  return value.trim();
}

/**
 * Checks the JSON body of `POST /api/v1/holds`: an object with `sku` (non-empty text, at most 200
 * characters), `quantity` (whole number 1..100,000), optional `ttlSeconds` (whole number 1..86,400,
 * default 900) and optional `reason` (text up to 200 characters, or null) and nothing else. Numbers
 * given as strings are refused, not converted. Text with a control character other than tab, line feed
 * and carriage return, or with a lone surrogate, is refused naming the field (the text rule).
 *
 * @throws ValidationError naming every problem found, in one message.
 */
export function parseHoldOrder(body: unknown): HoldOrder {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError(`The body must be a JSON object like {"sku": "SPE_E3", "quantity": 1}, not ${describeType(body)}.`);
  }
  const record = body as Record<string, unknown>;
  const problems: string[] = [];
  const unknown = Object.keys(record).filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    problems.push(`unknown field${unknown.length === 1 ? '' : 's'} ${unknown.map((key) => JSON.stringify(key)).join(', ')} (allowed: ${FIELDS.join(', ')})`);
  }

  let sku = '';
  if (!('sku' in record)) {
    problems.push('"sku" is missing: name the license by part number, SKU id or product name');
  } else {
    sku = checkText(record.sku, 'sku', HOLD_LIMITS.maxSkuLength, problems);
    if (typeof record.sku === 'string' && sku === '') {
      problems.push('"sku" must not be empty');
    }
  }

  let quantity = 0;
  if (!('quantity' in record)) {
    problems.push('"quantity" is missing');
  } else {
    quantity = checkWholeNumber(record.quantity, 'quantity', HOLD_LIMITS.minQuantity, HOLD_LIMITS.maxQuantity, problems);
  }

  const ttlSeconds =
    record.ttlSeconds === undefined
      ? HOLD_LIMITS.defaultTtlSeconds
      : checkWholeNumber(record.ttlSeconds, 'ttlSeconds', HOLD_LIMITS.minTtlSeconds, HOLD_LIMITS.maxTtlSeconds, problems);

  const reasonText = record.reason === undefined || record.reason === null ? '' : checkText(record.reason, 'reason', HOLD_LIMITS.maxReasonLength, problems);

  if (problems.length > 0) {
    throw new ValidationError(`Invalid hold request: ${problems.join('; ')}.`);
  }
  return { sku, quantity, ttlSeconds, reason: reasonText === '' ? null : reasonText };
}
