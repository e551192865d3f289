import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { PageElement, PageGlobals } from './page-dom';

const ARTIFACT_DIRECTORY = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'e2e');
const WAIT_MS = 15_000;

/**
 * The Agents Playground's web UI as a person uses it. Selectors are roles and aria labels (the app's
 * class names are hashed), plus the adaptivecards library's own `ac-*` classes.
 */
export class PlaygroundPage {
  private replies = 0;

  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {}

  /** Loads the UI; the Playground then tells the bot it was installed in the personal chat. */
  async open(): Promise<void> {
    // The bundle is large and the machine may be busy: allow the first load well over playwright's 30 s default.
    await this.page.goto(this.url, { waitUntil: 'load', timeout: 120_000 });
    await this.chatInput().waitFor({ timeout: WAIT_MS });
  }

  /** Switches to a conversation in the tree: "Personal Chat", the group chat's name, or "<team> - <channel>". */
  async openConversation(name: string): Promise<void> {
    await this.page.getByRole('treeitem', { name, exact: true }).click();
  }

  /**
   * Sends `text` in the personal chat and resolves with the first card the bot posted after it
   * (a welcome that arrives late cannot be mistaken for the answer).
   */
  async ask(text: string): Promise<Locator> {
    this.replies += 1;
    const marker = `reply-${this.replies}`;
    await this.chatInput().fill(text);
    await this.page.getByRole('button', { name: 'Send Message' }).click();
    await this.page.waitForFunction(
      ({ sent, mark }) => {
        const { document } = globalThis as unknown as PageGlobals;
        const messages = Array.from(document.querySelectorAll('div:has(> [aria-label="Message header"])'));
        let own = -1;
        messages.forEach((message, index) => {
          if (message.querySelector('[aria-label="Message author"]') === null && (message.textContent ?? '').includes(sent)) {
            own = index;
          }
        });
        if (own < 0) {
          return false;
        }
        const reply = messages.slice(own + 1).find((message) => message.querySelector('.ac-adaptiveCard') !== null);
        if (reply === undefined) {
          return false;
        }
        reply.setAttribute('data-e2e-reply', mark);
        return true;
      },
      { sent: text, mark: marker },
      { timeout: WAIT_MS },
    );
    return this.page.locator(`[data-e2e-reply="${marker}"] .ac-adaptiveCard`).first();
  }

  /**
   * Starts a new post in the open channel that @mentions `botName` followed by `text`, and resolves
   * with the post's thread (replies land inside it).
   */
  async postMentioning(botName: string, text: string): Promise<Locator> {
    const newPost = this.page.locator('[role="group"]').filter({ has: this.page.getByRole('button', { name: 'Post', exact: true }) });
    await newPost.getByRole('textbox').click();
    await this.page.keyboard.type('@');
    await this.page.getByRole('menuitem', { name: botName }).click();
    await this.page.keyboard.type(` ${text}`);
    await newPost.getByRole('button', { name: 'Post', exact: true }).click();
    return this.page
      .locator('[role="group"]')
      .filter({ hasText: text })
      .filter({ hasNot: this.page.getByRole('button', { name: 'Post', exact: true }) })
      .first();
  }

  /**
   * The card's text as a person reads it: one entry per visual line, each the texts on that line from
   * left to right (so a label and the figure beside it in another column come out together).
   */
  async readLines(card: Locator): Promise<string[][]> {
    return card.evaluate((root) => {
      const element = root as unknown as PageElement;
      const leaves = Array.from(element.querySelectorAll('*'))
        .filter((node) => node.childElementCount === 0 && (node.textContent ?? '').trim() !== '')
        .map((node) => ({ text: (node.textContent ?? '').replace(/\s+/g, ' ').trim(), rect: node.getBoundingClientRect() }))
        .sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
      const lines: { middle: number; items: { text: string; left: number }[] }[] = [];
      for (const leaf of leaves) {
        const middle = (leaf.rect.top + leaf.rect.bottom) / 2;
        const line = lines.find((candidate) => Math.abs(candidate.middle - middle) < 4);
        if (line === undefined) {
          lines.push({ middle, items: [{ text: leaf.text, left: leaf.rect.left }] });
        } else {
          line.items.push({ text: leaf.text, left: leaf.rect.left });
        }
      }
      return lines.map((line) => line.items.sort((a, b) => a.left - b.left).map((item) => item.text));
    });
  }

  /** Saves a full-page screenshot as `test-artifacts/e2e/<step>.png`. */
  async screenshot(step: string): Promise<void> {
    mkdirSync(ARTIFACT_DIRECTORY, { recursive: true });
    await this.page.screenshot({ path: path.join(ARTIFACT_DIRECTORY, `${step}.png`), fullPage: true });
  }

  private chatInput(): Locator {
    return this.page.locator('[role="textbox"][data-lexical-editor="true"]').first();
  }
}
