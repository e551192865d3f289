import assert from 'node:assert/strict';
import { reclaimViewOf, type ReclaimProduct } from '../../src/reclaim/reclaim-view-of';
import { makeCandidate, makeScan } from './reclaim-scan-factory';

const E3: ReclaimProduct = { skuId: 'e3-id', skuPartNumber: 'SPE_E3', displayName: 'Microsoft 365 E3', hidden: false };
const BI: ReclaimProduct = { skuId: 'bi-id', skuPartNumber: 'POWER_BI_PRO', displayName: 'Power BI Pro', hidden: false };
const FREE: ReclaimProduct = { skuId: 'free-id', skuPartNumber: 'FLOW_FREE', displayName: 'Power Automate Free', hidden: true };
const now = new Date('2026-11-30T18:00:00.000Z');

describe('reclaimViewOf', () => {
  const scan = makeScan(
    [
      makeCandidate({ skuId: E3.skuId, userId: 'a', displayName: 'Zoe', reason: 'inactive' }),
      makeCandidate({ skuId: E3.skuId, userId: 'b', displayName: 'Ann' }),
      makeCandidate({ skuId: E3.skuId, userId: 'c', displayName: 'Bob', assignedBy: { groupId: 'g1', displayName: 'Sales' } }),
      makeCandidate({ skuId: E3.skuId, userId: 'd', displayName: 'Cy', reason: 'inactive', assignedBy: { groupId: 'g1', displayName: 'Sales' } }),
      makeCandidate({ skuId: BI.skuId, userId: 'a', displayName: 'Zoe', reason: 'inactive' }),
      makeCandidate({ skuId: FREE.skuId, userId: 'b' }),
      makeCandidate({ skuId: 'gone-id', userId: 'e' }),
    ],
    { now },
  );

  it('counts per product by reason and by how the seat is held, most first', () => {
    const view = reclaimViewOf(scan, { now, query: null, products: [E3, BI, FREE], names: 'shown' });

    assert.deepEqual(
      view.products.map((product) => [product.partNumber, product.disabled, product.inactive, product.direct, product.groups]),
      [
        ['SPE_E3', 2, 2, 2, [{ id: 'g1', name: 'Sales', seats: 2 }]],
        ['gone-id', 1, 0, 1, []],
        ['POWER_BI_PRO', 0, 1, 1, []],
      ],
    );
  });

  it('leaves out hidden products unless they were asked for', () => {
    const all = reclaimViewOf(scan, { now, query: null, products: [E3, BI, FREE], names: 'shown' });
    const asked = reclaimViewOf(scan, { now, query: 'free', products: [FREE], names: 'shown' });

    assert.ok(!all.products.some((product) => product.partNumber === 'FLOW_FREE'));
    assert.deepEqual(asked.products.map((product) => [product.partNumber, product.disabled]), [['FLOW_FREE', 1]]);
  });

  it('answers a product asked for that has nothing to reclaim, with zeros that are known', () => {
    const other: ReclaimProduct = { skuId: 'visio-id', skuPartNumber: 'VISIOCLIENT', displayName: 'Visio Plan 2', hidden: false };
    const view = reclaimViewOf(scan, { now, query: 'visio', products: [other], names: 'shown' });

    assert.deepEqual(view.products.map((product) => [product.disabled, product.inactive]), [[0, 0]]);
  });

  it('lists people (disabled first, then by name) only when names are shown', () => {
    const shown = reclaimViewOf(scan, { now, query: 'e3', products: [E3], names: 'shown' });
    const hidden = reclaimViewOf(scan, { now, query: 'e3', products: [E3], names: 'not-admin' });

    assert.deepEqual(shown.products[0]?.people.map((person) => person.displayName), ['Ann', 'Bob', 'Cy', 'Zoe']);
    assert.deepEqual(hidden.products[0]?.people, []);
    assert.ok(!JSON.stringify(hidden).includes('Zoe'));
  });

  it('makes the inactive count unknown, never 0, when the scan could not read sign-ins', () => {
    const unknown = makeScan([makeCandidate({ skuId: E3.skuId })], { now, inactiveUnknown: { reason: 'permission', detail: 'AuditLog.Read.All is not granted.' } });

    const view = reclaimViewOf(unknown, { now, query: null, products: [E3], names: 'shown' });

    assert.deepEqual(view.products.map((product) => [product.disabled, product.inactive]), [[1, null]]);
  });
});
