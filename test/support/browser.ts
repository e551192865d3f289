import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; `.ci/run` installs it when it is missing. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A headless Chromium with its own throwaway profile. */
export interface BrowserSession {
  context: BrowserContext;
  /** The window Chromium opened with. */
  page: Page;
  /** Closes the browser and deletes the profile; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Launches headless Chromium for a browser test. When Chromium is not installed the test is skipped
 * with the reason, except under CI (`CI=true`), where a missing browser fails the run instead.
 */
export async function launchBrowser(test: Mocha.Context, viewport = { width: 1280, height: 900 }): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM_PATH)) {
    const reason = `Chromium is not installed at ${CHROMIUM_PATH}; install Debian's package (apt-get install -y chromium) to run the browser tests`;
    if (process.env.CI === 'true') {
      throw new Error(`${reason}. CI=true, so this fails instead of skipping.`);
    }
    console.warn(`skipping: ${reason}`);
    test.skip();
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'headroom-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  return {
    context,
    page,
    close: async () => {
      if (closed) {
        return;
      }
      closed = true;
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
