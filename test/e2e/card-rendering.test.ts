import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cardMessage } from '../../src/bot/card-message';
import { CARD_TEMPLATE_NAMES, type CardDataByTemplate, type CardTemplateName } from '../../src/cards/card-data-by-template';
import { renderCard } from '../../src/cards/render-card';
import { launchBrowser, type BrowserSession } from '../support/browser';
import { CardRendererPage } from './support/card-renderer-page';
import { findDisplayedTexts } from './support/find-displayed-texts';

const REPOSITORY = path.resolve(__dirname, '..', '..');
const SCREENSHOT_DIRECTORY = path.join(REPOSITORY, 'docs', 'cards');
/** Teams refuses a bot message over about 28 KB, card and envelope together; proactive sends have no fallback. */
const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;
/** Pane widths close to a Teams desktop chat: a normal card, and one that asks for `msteams.width: Full`. */
const CARD_WIDTH = 480;
const FULL_CARD_WIDTH = 760;

function readSample<Name extends CardTemplateName>(name: Name): CardDataByTemplate[Name] {
  const file = path.join(REPOSITORY, 'cards', 'samples', `${name}.data.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as CardDataByTemplate[Name];
}

function paneWidth(card: Record<string, unknown>): number {
  const msteams = card.msteams as { width?: unknown } | undefined;
  return msteams?.width === 'Full' ? FULL_CARD_WIDTH : CARD_WIDTH;
}

/**
 * The one warning allowed: the plain adaptivecards renderer does not know Teams' `Chart.Line` and says
 * so, then renders the chart's fallback (a summary and a dated table), which the text check below
 * requires to be shown. Teams itself draws the chart (see test/e2e/playground.test.ts).
 */
const CHART_FALLBACK_WARNING = 'parse: Unknown element type "Chart.Line". Fallback will be used if present.';

function withoutChartFallbackWarning(problems: readonly string[]): string[] {
  return problems.filter((problem) => problem !== CHART_FALLBACK_WARNING);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

describe('card rendering in Chromium with the official adaptivecards renderer', function () {
  this.timeout(60_000);
  let browser: BrowserSession | undefined;
  let renderer: CardRendererPage;

  before(async function () {
    browser = await launchBrowser(this, { width: FULL_CARD_WIDTH + 64, height: 800 });
    renderer = await CardRendererPage.open(browser.page);
    mkdirSync(SCREENSHOT_DIRECTORY, { recursive: true });
  });

  after(async () => {
    await browser?.close();
  });

  for (const name of CARD_TEMPLATE_NAMES) {
    describe(`${name} with its sample data`, () => {
      it('parses, validates and renders without a single warning, and is screenshotted for the docs', async () => {
        const card = renderCard(name, readSample(name));

        const rendered = await renderer.render(card, paneWidth(card));

        assert.deepEqual(withoutChartFallbackWarning(rendered.problems), []);
        await rendered.element.screenshot({ path: path.join(SCREENSHOT_DIRECTORY, `${name}.png`), animations: 'disabled' });
      });

      it('shows every text and action title of the card, literally and within the pane', async () => {
        const card = renderCard(name, readSample(name));
        const expected = findDisplayedTexts(card);

        const rendered = await renderer.render(card, paneWidth(card));

        const missing = expected.texts.filter((text) => !rendered.text.includes(collapse(text)));
        assert.deepEqual(missing, [], `rendered text: ${rendered.text}`);
        assert.deepEqual(rendered.buttons, expected.actionTitles);
        assert.equal(rendered.overflowPixels, 0, 'something is wider than the pane instead of wrapping');
      });

      it('fits a proactive Teams message (28 KB) with its sample data', () => {
        const message = cardMessage({ card: renderCard(name, readSample(name)), summary: '' });

        const bytes = Buffer.byteLength(JSON.stringify(message), 'utf8');

        assert.ok(bytes <= TEAMS_MESSAGE_LIMIT_BYTES, `${name}: ${bytes} bytes`);
      });
    });
  }

  it('shows the fallback summary and table of every chart instead of the chart', async () => {
    for (const name of ['license-report', 'product-figures'] as const) {
      const card = renderCard(name, readSample(name));
      const json = JSON.stringify(card);
      const charts = json.split('"type":"Chart.Line"').length - 1;

      const rendered = await renderer.render(card, paneWidth(card));

      assert.ok(charts > 0, `${name} has a chart`);
      assert.equal(rendered.problems.filter((problem) => problem === CHART_FALLBACK_WARNING).length, charts, name);
      assert.equal((rendered.text.match(/over the last 90 days/g) ?? []).length, charts, name);
      assert.match(rendered.text, /\d{4}-\d{2}-\d{2} ?[\d,]+ of [\d,]+ assigned/, name);
    }
  });

  it('reports a card the renderer cannot parse cleanly, so the checks above are not vacuous', async () => {
    const broken = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Banner', text: 'x' }, { type: 'TextBlock', text: 'y', color: 'purple' }] };

    const rendered = await renderer.render(broken, CARD_WIDTH);

    assert.equal(rendered.problems.length >= 2, true, rendered.problems.join('\n'));
  });
});
