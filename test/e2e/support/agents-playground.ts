import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A person in the Playground's config file; `aadObjectId` must be a real GUID. */
export interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
}

/** Who and where the Playground pretends to be (written to its `.m365agentsplayground.yml`). */
export interface PlaygroundIdentities {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  /** The Playground's schema wants exactly five other users. */
  users: readonly [PlaygroundUser, PlaygroundUser, PlaygroundUser, PlaygroundUser, PlaygroundUser];
  groupChat: { id: string; name: string };
  /** The team's id is also its General channel's id. */
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

/** A running Microsoft 365 Agents Playground. */
export interface AgentsPlayground {
  /** Where its web UI is served, e.g. http://127.0.0.1:41234 */
  url: string;
  /** What it says as `serviceUrl`: its mocked Bot Connector. */
  serviceUrl: string;
  /** Forwards `activity` to the bot as is, as if the Playground had sent it. */
  postActivity(activity: Record<string, unknown>): Promise<void>;
  /** Stops the process and removes its working directory; safe to call twice. */
  stop(): Promise<void>;
}

const CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

function asConfigUser(user: PlaygroundUser): Record<string, string> {
  const [givenName = user.name, ...rest] = user.name.split(' ');
  const email = `${givenName.toLowerCase()}@contoso.example`;
  return { id: user.id, name: user.name, aadObjectId: user.aadObjectId, userPrincipleName: email, email, givenName, surname: rest.join(' ') || givenName };
}

/** JSON is valid YAML, so the config file needs no YAML writer. */
function writeConfig(directory: string, identities: PlaygroundIdentities): string {
  const file = path.join(directory, '.m365agentsplayground.yml');
  const config = {
    version: '0.1.1',
    tenantId: identities.tenantId,
    bot: identities.bot,
    currentUser: asConfigUser(identities.currentUser),
    users: identities.users.map(asConfigUser),
    personalChat: { id: 'a:headroom-personal-chat' },
    groupChat: identities.groupChat,
    team: identities.team,
  };
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

function waitForPort(child: ChildProcess, output: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`the Playground did not say "Listening on" within ${START_TIMEOUT_MS} ms:\n${output()}`));
    }, START_TIMEOUT_MS);
    const onData = (): void => {
      const match = /Listening on (\d+)/.exec(output());
      if (match) {
        cleanup();
        resolve(Number(match[1]));
      }
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`the Playground exited with code ${String(code)} before listening:\n${output()}`));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

async function waitForPing(url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/_debug/ping`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the Playground at ${url} did not answer /_debug/ping within ${START_TIMEOUT_MS} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the Agents Playground (`@microsoft/m365agentsplayground`) for the bot at `botEndpoint`, on a
 * random port, in a temporary working directory that holds its config and log file (so nothing lands
 * in the repository), with the browser launch and telemetry off.
 */
export async function startAgentsPlayground(botEndpoint: string, identities: PlaygroundIdentities): Promise<AgentsPlayground> {
  const directory = mkdtempSync(path.join(tmpdir(), 'headroom-playground-'));
  const configFile = writeConfig(directory, identities);
  // The node process itself, not an npm wrapper, so SIGTERM reaches the server.
  const child = spawn(process.execPath, [CLI, '-e', botEndpoint, '-c', 'msteams', '--disable-telemetry', '-p', '0'], {
    cwd: directory,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(directory, 'playground.log'),
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) {
      return;
    }
    stopped = true;
    await stopChild(child);
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    const port = await waitForPort(child, () => output);
    const url = `http://127.0.0.1:${port}`;
    await waitForPing(url);
    return {
      url,
      serviceUrl: `http://localhost:${port}/_connector`,
      postActivity: async (activity) => {
        const response = await fetch(`${url}/_internal/v1/customActivities`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity),
        });
        if (!response.ok) {
          throw new Error(`the Playground refused a custom activity: HTTP ${response.status} ${await response.text()}`);
        }
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
