import type * as AdaptiveCardsModule from 'adaptivecards';
import type { Locator, Page } from 'playwright-core';
import type { PageElement, PageGlobals } from './page-dom';
import { TEAMS_LIGHT_THEME } from './teams-light-theme';

/** What the official renderer made of one card in the page. */
export interface RenderedCard {
  /** Parse events (SerializationContext) and validateProperties() failures, as the library words them. */
  problems: string[];
  /** The card's visible text, whitespace collapsed. */
  text: string;
  /** Titles of the action buttons shown. */
  buttons: string[];
  /** How far the card is wider than the pane it sits in (0 when everything wraps). */
  overflowPixels: number;
  /** The rendered card in the page, for screenshots. */
  element: Locator;
}

interface PageResult {
  problems: string[];
  text: string;
  buttons: string[];
  overflowPixels: number;
}

const RENDERER_SCRIPT = require.resolve('adaptivecards/dist/adaptivecards.min.js');

/**
 * A blank page with the official `adaptivecards` bundle and the Teams-like theme loaded, which renders
 * one card at a time into a chat-width pane. Nothing is fetched from the network.
 */
export class CardRendererPage {
  private readonly pageErrors: string[] = [];

  private constructor(private readonly page: Page) {
    page.on('pageerror', (error) => this.pageErrors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        this.pageErrors.push(`console ${message.type()}: ${message.text()}`);
      }
    });
  }

  static async open(page: Page): Promise<CardRendererPage> {
    const renderer = new CardRendererPage(page);
    await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${TEAMS_LIGHT_THEME.css}</style></head><body><div id="host"></div></body></html>`);
    await page.addScriptTag({ path: RENDERER_SCRIPT });
    return renderer;
  }

  /** Parses, validates and renders `card` in a pane `width` pixels wide. */
  async render(card: unknown, width: number): Promise<RenderedCard> {
    this.pageErrors.length = 0;
    // Runs in the page: no helpers or named functions from this module are available there.
    const result = await this.page.evaluate(
      ({ payload, hostConfig, paneWidth }): PageResult => {
        const page = globalThis as unknown as PageGlobals & { AdaptiveCards: typeof AdaptiveCardsModule };
        const library = page.AdaptiveCards;
        const host = page.document.getElementById('host');
        if (host === null) {
          throw new Error('the page has no #host');
        }
        host.replaceChildren();
        host.style.width = `${paneWidth}px`;
        const problems: string[] = [];
        const adaptiveCard = new library.AdaptiveCard();
        adaptiveCard.hostConfig = new library.HostConfig(hostConfig);
        const context = new library.SerializationContext();
        adaptiveCard.parse(payload, context);
        for (let index = 0; index < context.eventCount; index += 1) {
          problems.push(`parse: ${context.getEventAt(index).message}`);
        }
        for (const event of adaptiveCard.validateProperties().validationEvents) {
          problems.push(`validate: ${event.message}`);
        }
        const rendered = adaptiveCard.render() as unknown as PageElement | undefined;
        if (rendered === undefined) {
          problems.push('render: the library rendered nothing');
          return { problems, text: '', buttons: [], overflowPixels: 0 };
        }
        host.appendChild(rendered);
        const buttons = Array.from(rendered.querySelectorAll('button.ac-pushButton')).map((button) => button.getAttribute('title') ?? button.textContent ?? '');
        return {
          problems,
          text: rendered.innerText.replace(/\s+/g, ' ').trim(),
          buttons,
          overflowPixels: Math.max(0, rendered.scrollWidth - rendered.clientWidth),
        };
      },
      { payload: card, hostConfig: TEAMS_LIGHT_THEME.hostConfig, paneWidth: width },
    );
    return { ...result, problems: [...result.problems, ...this.pageErrors], element: this.page.locator('#host') };
  }
}
