import assert from 'node:assert/strict';
import { checkPreflight } from '../../src/holds/check-preflight';
import { makeSkuFigures } from '../cards/support/sku-figures-factory';

describe('checkPreflight', () => {
  it('fits when the quantity equals the unheld seats exactly', () => {
    const check = checkPreflight(makeSkuFigures({ purchased: 50, assigned: 40, held: 4 }), 6);

    assert.deepEqual(check, { available: 10, held: 4, unheld: 6, after: 0, fits: true });
  });

  it('does not fit one seat more than is unheld', () => {
    const check = checkPreflight(makeSkuFigures({ purchased: 50, assigned: 40, held: 4 }), 7);

    assert.equal(check.fits, false);
    assert.equal(check.after, -1);
  });

  it('counts held seats against an over-assigned SKU too', () => {
    const check = checkPreflight(makeSkuFigures({ purchased: 50, assigned: 52, held: 1 }), 1);

    assert.deepEqual(check, { available: -2, held: 1, unheld: -3, after: -4, fits: false });
  });

  it('ignores users waiting when deciding, since they are reported beside the answer', () => {
    const sku = makeSkuFigures({ purchased: 50, assigned: 45, waitingGroups: [{ groupId: 'g', displayName: 'Sales', waiting: 9 }] });

    assert.equal(checkPreflight(sku, 5).fits, true);
  });
});
