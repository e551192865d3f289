import assert from 'node:assert/strict';
import { describeAvailability } from '../../src/cards/describe-availability';
import { makeGroups, makeSkuFigures } from './support/sku-figures-factory';

describe('describeAvailability', () => {
  it('gives available of purchased for a SKU with room', () => {
    assert.deepEqual(describeAvailability(makeSkuFigures({ purchased: 1_500, assigned: 266 })), { text: '1,234 of 1,500 available', color: 'default' });
  });

  it('warns when nothing or under 5% is left', () => {
    assert.equal(describeAvailability(makeSkuFigures({ purchased: 100, assigned: 100 })).color, 'warning');
    assert.equal(describeAvailability(makeSkuFigures({ purchased: 100, assigned: 96 })).color, 'warning');
    assert.equal(describeAvailability(makeSkuFigures({ purchased: 100, assigned: 95 })).color, 'default');
  });

  it('calls attention to users waiting for seats that do not exist', () => {
    assert.equal(describeAvailability(makeSkuFigures({ purchased: 100, assigned: 50, waitingGroups: makeGroups(1, 51) })).color, 'attention');
  });

  it('states over-assignment in words', () => {
    assert.deepEqual(describeAvailability(makeSkuFigures({ purchased: 10, assigned: 1_010 })), { text: 'Over-assigned by 1,000', color: 'attention' });
  });
});
