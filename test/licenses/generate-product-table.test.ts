import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildProductTable, formatProductTable, parseCsv } from '../../scripts/generate-product-table';

const SOURCE_CSV = path.resolve(__dirname, '../../data/product-names-and-service-plans.csv');
const GENERATED = path.resolve(__dirname, '../../src/licenses/product-names.json');

describe('parseCsv', () => {
  const cases: { name: string; text: string; expected: string[][] }[] = [
    { name: 'splits plain fields and LF records', text: 'a,b\nc,d\n', expected: [['a', 'b'], ['c', 'd']] },
    { name: 'accepts CRLF record ends', text: 'a,b\r\nc,d\r\n', expected: [['a', 'b'], ['c', 'd']] },
    { name: 'reads a last record without a line break', text: 'a,b\nc,d', expected: [['a', 'b'], ['c', 'd']] },
    { name: 'drops a leading byte-order mark', text: '\uFEFFGUID,Name\n', expected: [['GUID', 'Name']] },
    { name: 'keeps commas inside quotes', text: '"Dynamics 365, Enterprise",X\n', expected: [['Dynamics 365, Enterprise', 'X']] },
    { name: 'reads doubled quotes as one quote', text: '"say ""hi""",b\n', expected: [['say "hi"', 'b']] },
    { name: 'keeps line breaks inside quotes', text: '"one\r\ntwo",b\n', expected: [['one\r\ntwo', 'b']] },
    { name: 'keeps empty fields', text: 'a,,\n,b,\n', expected: [['a', '', ''], ['', 'b', '']] },
    { name: 'reads a quoted empty field as a record', text: '""\n', expected: [['']] },
    { name: 'keeps spaces around fields for the caller to trim', text: ' a , b\t\n', expected: [[' a ', ' b\t']] },
  ];
  for (const { name, text, expected } of cases) {
    it(name, () => {
      assert.deepEqual(parseCsv(text), expected);
    });
  }

  it('refuses a quote left open', () => {
    assert.throws(() => parseCsv('a,"b\nc'), /quoted field/);
  });
});

describe('buildProductTable', () => {
  const header = ['Product_Display_Name', 'String_Id', 'GUID', 'Service_Plan_Name'];

  it('keeps one entry per GUID, lower-cased and trimmed', () => {
    const build = buildProductTable([
      header,
      [' Microsoft 365 E3 ', 'SPE_E3\t', '05E9A617-0261-4CEE-BB44-138D3EF5D965\u00a0', 'EXCHANGE_S_ENTERPRISE'],
      ['Microsoft 365 E3', 'SPE_E3', '05e9a617-0261-4cee-bb44-138d3ef5d965', 'SHAREPOINTENTERPRISE'],
    ]);
    assert.deepEqual(build.table, { '05e9a617-0261-4cee-bb44-138d3ef5d965': ['Microsoft 365 E3', 'SPE_E3'] });
  });

  it('keeps the ordinally first of two names whatever the row order', () => {
    const guid = '4b74a65c-8b4a-4fc8-9f6b-5177ed11ddfa';
    const older = ['Power Virtual Agent User License', 'VIRTUAL_AGENT_USL', guid, 'A'];
    const newer = ['Microsoft Copilot Studio User License', 'VIRTUAL_AGENT_USL', guid, 'B'];
    const forward = buildProductTable([header, older, newer]);
    const backward = buildProductTable([header, newer, older]);
    assert.deepEqual([forward.table[guid], backward.table[guid]], [
      ['Microsoft Copilot Studio User License', 'VIRTUAL_AGENT_USL'],
      ['Microsoft Copilot Studio User License', 'VIRTUAL_AGENT_USL'],
    ]);
  });

  it('skips rows without a GUID and reports them', () => {
    const build = buildProductTable([header, ['Orphan', 'ORPHAN', '', 'X'], ['Broken', 'BROKEN', 'not-a-guid', 'X']]);
    assert.deepEqual([Object.keys(build.table).length, build.skippedRows], [0, 2]);
  });

  it('refuses a table without the GUID column', () => {
    assert.throws(() => buildProductTable([['Product_Display_Name', 'String_Id']]), /GUID/);
  });
});

describe('product-names.json', () => {
  const table = JSON.parse(readFileSync(GENERATED, 'utf8')) as Record<string, [string, string]>;

  it("holds the 619 products of Microsoft's table", () => {
    assert.equal(Object.keys(table).length, 619);
  });

  it('names Microsoft 365 E3 by its GUID', () => {
    assert.deepEqual(table['05e9a617-0261-4cee-bb44-138d3ef5d965'], ['Microsoft 365 E3', 'SPE_E3']);
  });

  it('is sorted by GUID', () => {
    const keys = Object.keys(table);
    assert.deepEqual(keys, [...keys].sort());
  });

  it('is what the generator makes from the source table', () => {
    const build = buildProductTable(parseCsv(readFileSync(SOURCE_CSV, 'utf8')));
    assert.equal(formatProductTable(build.table), readFileSync(GENERATED, 'utf8'));
  });

  it('finds the three renamed products of the source table', () => {
    const build = buildProductTable(parseCsv(readFileSync(SOURCE_CSV, 'utf8')));
    assert.deepEqual(
      build.conflicts.map((conflict) => conflict.guid),
      ['4b74a65c-8b4a-4fc8-9f6b-5177ed11ddfa', '606b54a9-78d8-4298-ad8b-df6ef4481c80', 'f1de227b-f1bd-4959-bd80-b80547095e6d'],
    );
  });
});
