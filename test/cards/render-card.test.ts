import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CARD_TEMPLATE_NAMES, type CardDataByTemplate } from '../../src/cards/card-data-by-template';
import { buildProductFiguresCard } from '../../src/cards/product-figures-card';
import { renderCard } from '../../src/cards/render-card';
import helpSample from '../../cards/samples/help.data.json';
import overviewSample from '../../cards/samples/license-overview.data.json';
import messageSample from '../../cards/samples/message.data.json';
import noMatchSample from '../../cards/samples/no-match.data.json';
import preflightSample from '../../cards/samples/preflight.data.json';
import productSample from '../../cards/samples/product-figures.data.json';
import shortfallsSample from '../../cards/samples/shortfalls.data.json';
import licenseErrorsSample from '../../cards/samples/license-errors.data.json';
import welcomeSample from '../../cards/samples/welcome.data.json';
import alertsStatusSample from '../../cards/samples/alerts-status.data.json';
import alertDigestSample from '../../cards/samples/alert-digest.data.json';
import reservationSuggestionSample from '../../cards/samples/reservation-suggestion.data.json';
import reservationsListSample from '../../cards/samples/reservations-list.data.json';
import licenseReportSample from '../../cards/samples/license-report.data.json';
import reclaimRequestSample from '../../cards/samples/reclaim-request.data.json';
import reclaimAnswerSample from '../../cards/samples/reclaim-answer.data.json';
import { checkAdaptiveCard, markdownRequests } from './support/check-adaptive-card';
import { findTexts } from './support/find-texts';
import { makeSkuFigures } from './support/sku-figures-factory';

/** The data types with string literal unions widened, as JSON imports are typed. */
type Loose<T> = T extends string
  ? string
  : T extends readonly (infer Item)[]
    ? Loose<Item>[]
    : T extends object
      ? { [Key in keyof T]: Loose<T[Key]> }
      : T;

// Compile-time check that each sample has every field of its data type; colours are checked at run time by the parser.
const samples: { [Name in keyof CardDataByTemplate]: Loose<CardDataByTemplate[Name]> } = {
  help: helpSample,
  'license-overview': overviewSample,
  'product-figures': productSample,
  shortfalls: shortfallsSample,
  'license-errors': licenseErrorsSample,
  'no-match': noMatchSample,
  message: messageSample,
  preflight: preflightSample,
  welcome: welcomeSample,
  'alerts-status': alertsStatusSample,
  'alert-digest': alertDigestSample,
  'reservation-suggestion': reservationSuggestionSample,
  'reservations-list': reservationsListSample,
  'license-report': licenseReportSample,
  'reclaim-request': reclaimRequestSample,
  'reclaim-answer': reclaimAnswerSample,
};

const TEMPLATE_DIRECTORY = path.resolve(__dirname, '..', '..', 'cards');

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Every `text` property in a template that binds data, with the type of the element that holds it. */
function textBindings(node: unknown, found: { type: unknown; text: string }[] = []): { type: unknown; text: string }[] {
  if (Array.isArray(node)) {
    for (const item of node) {
      textBindings(item, found);
    }
  } else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    if (typeof record.text === 'string' && record.text.includes('${')) {
      found.push({ type: record.type, text: record.text });
    }
    for (const value of Object.values(record)) {
      textBindings(value, found);
    }
  }
  return found;
}

describe('renderCard', () => {
  for (const name of CARD_TEMPLATE_NAMES) {
    describe(`${name} with its sample data`, () => {
      const render = () => renderCard(name, samples[name] as CardDataByTemplate[typeof name]);

      it('expands to an Adaptive Card 1.5 with the schema reference', () => {
        const card = render();

        assert.equal(card.type, 'AdaptiveCard');
        assert.equal(card.version, '1.5');
        assert.equal(card.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
      });

      it('parses in the Adaptive Cards library without errors, warnings or unknown types and properties', () => {
        assert.deepEqual(checkAdaptiveCard(render()), []);
      });

      it('leaves no template binding unexpanded', () => {
        const json = JSON.stringify(render());

        assert.ok(!json.includes('${'), json.slice(Math.max(0, json.indexOf('${') - 80), json.indexOf('${') + 80));
        assert.ok(!json.includes('"$data"') && !json.includes('"$when"'));
      });

      it('binds data into text only through TextRuns, which clients never read as Markdown', () => {
        const template = readJson(path.join(TEMPLATE_DIRECTORY, `${name}.json`));

        const outsideTextRuns = textBindings(template).filter((binding) => binding.type !== 'TextRun');

        assert.deepEqual(outsideTextRuns, []);
      });
    });
  }

  it('has a sample for every template and a template for every sample', () => {
    const templates = readdirSync(TEMPLATE_DIRECTORY).filter((file) => file.endsWith('.json')).map((file) => file.replace(/\.json$/, ''));
    const sampleFiles = readdirSync(path.join(TEMPLATE_DIRECTORY, 'samples')).map((file) => file.replace(/\.data\.json$/, ''));

    assert.deepEqual([...templates].sort(), [...CARD_TEMPLATE_NAMES].sort());
    assert.deepEqual([...sampleFiles].sort(), [...CARD_TEMPLATE_NAMES].sort());
  });

  it('keeps Markdown and ${...} in tenant strings literal and puts them in TextRuns', () => {
    const groupName = '*Interns* [click](https://evil.example) ${tenantName} ${1+1} `code`';
    const productName = '**Microsoft 365 E3** ${freshness.asOf}';
    const figures = makeSkuFigures({
      displayName: productName,
      purchased: 10,
      assigned: 10,
      waitingGroups: [{ groupId: 'g1', displayName: groupName, waiting: 2 }],
    });

    const card = renderCard('product-figures', buildProductFiguresCard([figures], { asOf: '2025-05-01T09:00:00Z', now: new Date('2025-05-01T09:05:00Z'), stale: false }));

    const texts = findTexts(card);
    assert.deepEqual(texts.filter((text) => text.text === groupName).map((text) => text.type), ['TextRun']);
    assert.deepEqual(texts.filter((text) => text.text === productName).map((text) => text.type), ['TextRun']);
    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.deepEqual(markdownRequests, []);
  });

  it('returns a new card each time, so changing one reply does not change the next', () => {
    const first = renderCard('message', { title: 'Saved', color: 'good', text: 'Done.', details: [] });
    first.body.length = 0;

    const second = renderCard('message', { title: 'Saved', color: 'good', text: 'Done.', details: [] });

    assert.notEqual(second.body.length, 0);
  });
});
