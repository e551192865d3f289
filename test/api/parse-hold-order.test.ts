import assert from 'node:assert/strict';
import { parseHoldOrder } from '../../src/api/parse-hold-order';
import { ValidationError } from '../../src/errors';

/** The ValidationError message `parseHoldOrder` throws for `body`. */
function problemWith(body: unknown): string {
  try {
    parseHoldOrder(body);
  } catch (error) {
    assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
    return error.message;
  }
  assert.fail(`expected ${JSON.stringify(body)} to be refused`);
}

describe('parseHoldOrder', () => {
  it('reads a full order, trimming the texts', () => {
    assert.deepEqual(parseHoldOrder({ sku: '  SPE_E3 ', quantity: 20, ttlSeconds: 3600, reason: ' onboarding batch 7 ' }), {
      sku: 'SPE_E3',
      quantity: 20,
      ttlSeconds: 3600,
      reason: 'onboarding batch 7',
    });
  });

  it('defaults the lifetime to 900 seconds and the reason to null', () => {
    assert.deepEqual(parseHoldOrder({ sku: 'SPE_E3', quantity: 1 }), { sku: 'SPE_E3', quantity: 1, ttlSeconds: 900, reason: null });
    assert.equal(parseHoldOrder({ sku: 'SPE_E3', quantity: 1, reason: null }).reason, null);
    assert.equal(parseHoldOrder({ sku: 'SPE_E3', quantity: 1, reason: '   ' }).reason, null);
  });

  it('accepts the bounds themselves', () => {
    assert.equal(parseHoldOrder({ sku: 'x', quantity: 100_000, ttlSeconds: 86_400 }).quantity, 100_000);
    assert.equal(parseHoldOrder({ sku: 'x', quantity: 1, ttlSeconds: 1 }).ttlSeconds, 1);
    assert.equal(parseHoldOrder({ sku: 'x'.repeat(200), quantity: 1, reason: 'é'.repeat(200) }).sku.length, 200);
  });

  it('refuses a body that is not an object, saying what it was', () => {
    for (const [body, said] of [
      [null, 'null'],
      [[{ sku: 'x', quantity: 1 }], 'an array'],
      ['SPE_E3', 'string "SPE_E3"'],
      [20, 'number 20'],
      [undefined, 'undefined'],
    ] as const) {
      const message = problemWith(body);
      assert.match(message, /must be a JSON object/);
      assert.ok(message.includes(said), `${message} should say ${said}`);
    }
  });

  it('names a missing sku and quantity together', () => {
    const message = problemWith({});

    assert.match(message, /"sku" is missing/);
    assert.match(message, /"quantity" is missing/);
  });

  it('refuses numbers given as text instead of converting them', () => {
    assert.match(problemWith({ sku: 'SPE_E3', quantity: '20' }), /"quantity" must be a whole number from 1 to 100000, not string "20"/);
    assert.match(problemWith({ sku: 'SPE_E3', quantity: 1, ttlSeconds: '60' }), /"ttlSeconds" must be a whole number/);
  });

  it('refuses fractions, out-of-range numbers and non-finite values', () => {
    for (const quantity of [0, -1, 1.5, 100_001, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.match(problemWith({ sku: 'SPE_E3', quantity }), /"quantity" must be/, String(quantity));
    }
    for (const ttlSeconds of [0, 86_401, 2.5, null]) {
      assert.match(problemWith({ sku: 'SPE_E3', quantity: 1, ttlSeconds }), /"ttlSeconds" must be/, String(ttlSeconds));
    }
  });

  it('refuses an empty, over-long or non-text sku and reason', () => {
    assert.match(problemWith({ sku: '   ', quantity: 1 }), /"sku" must not be empty/);
    assert.match(problemWith({ sku: 'x'.repeat(201), quantity: 1 }), /"sku" must be at most 200 characters/);
    assert.match(problemWith({ sku: { $ne: null }, quantity: 1 }), /"sku" must be text, not an object/);
    assert.match(problemWith({ sku: 'x', quantity: 1, reason: 'r'.repeat(201) }), /"reason" must be at most 200 characters/);
    assert.match(problemWith({ sku: 'x', quantity: 1, reason: 42 }), /"reason" must be text, not number 42/);
  });

  it('counts characters, not UTF-16 units, against the length limits', () => {
    assert.equal(parseHoldOrder({ sku: 'x', quantity: 1, reason: '😀'.repeat(200) }).reason?.length, 400);
    assert.match(problemWith({ sku: 'x', quantity: 1, reason: '😀'.repeat(201) }), /"reason" must be at most 200 characters/);
  });

  it('refuses unknown fields by name, listing the allowed ones', () => {
    const message = problemWith({ sku: 'x', quantity: 1, owner: 'me', priority: 1 });

    assert.match(message, /unknown fields "owner", "priority" \(allowed: sku, quantity, ttlSeconds, reason\)/);
  });

  it('lists every problem of one body in one message', () => {
    const message = problemWith({ sku: '', quantity: 0, ttlSeconds: -5, extra: true });

    assert.equal(message.split('; ').length, 4, message);
    assert.match(message, /^Invalid hold request: /);
  });
});
