import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchFigure } from './bench-figure';
import { benchChatTurn } from './chat-turn-bench';
import { benchColdCache } from './cold-cache-bench';
import { benchGraphCost } from './graph-cost-bench';
import { benchGrowth } from './growth-bench';
import { benchReclaimScan } from './reclaim-scan-bench';
import { benchWatcherTick, watcherExists } from './watcher-tick-bench';
import { formatMarkdownTable, formatTable } from './format-table';
import { describeMachine, startMachineInfo } from './machine-info';

interface RunOptions {
  json: boolean;
  markdown: boolean;
  quick: boolean;
  only: string | null;
  cpuProfileDir: string | undefined;
}

const SECTIONS = ['chat', 'cold', 'graph', 'growth', 'watcher', 'reclaim'] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: readonly string[]): RunOptions {
  const options: RunOptions = { json: false, markdown: false, quick: false, only: null, cpuProfileDir: undefined };
  for (const arg of argv) {
    if (arg === '--json') {
      options.json = true;
    } else if (arg === '--markdown') {
      options.markdown = true;
    } else if (arg === '--quick') {
      options.quick = true;
    } else if (arg === '--cpu-prof') {
      options.cpuProfileDir = path.join(tmpdir(), 'headroom-bench-profiles');
      mkdirSync(options.cpuProfileDir, { recursive: true });
    } else if (arg.startsWith('--only=')) {
      options.only = arg.slice('--only='.length);
    } else {
      throw new Error(`Unknown option ${arg}. Options: --json, --markdown, --quick, --cpu-prof, --only=${SECTIONS.join('|')}`);
    }
  }
  return options;
}

async function runSection(section: Section, options: RunOptions): Promise<BenchFigure[]> {
  switch (section) {
    case 'chat':
      return benchChatTurn(
        options.quick
          ? { concurrency: 8, rounds: 2, roundMs: 2000, warmUpMs: 1000, cpuProfileDir: options.cpuProfileDir }
          : { concurrency: 8, rounds: 5, roundMs: 5000, warmUpMs: 2000, cpuProfileDir: options.cpuProfileDir },
      );
    case 'cold':
      return benchColdCache({ turns: options.quick ? 10 : 30, concurrentAskers: 10, latencyMs: 50 });
    case 'graph':
      return benchGraphCost({ latencyMs: 50, repeats: options.quick ? 1 : 3 });
    case 'growth':
      return benchGrowth({ latencyMs: 50, repeats: options.quick ? 1 : 3 });
    case 'watcher':
      if (!watcherExists()) {
        process.stderr.write('bench: src/alerts/watcher.ts is missing: the watcher tick is not measured.\n');
        return [];
      }
      return benchWatcherTick({ latencyMs: 50, places: 50, steadyTicks: options.quick ? 3 : 5 });
    case 'reclaim':
      return benchReclaimScan({ latencyMs: 50, repeats: options.quick ? 1 : 3 });
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const figures: BenchFigure[] = [];
  const machine = startMachineInfo();
  for (const section of SECTIONS) {
    if (options.only !== null && options.only !== section) {
      continue;
    }
    process.stderr.write(`bench: ${section}...\n`);
    figures.push(...(await runSection(section, options)));
  }
  const ran = machine.finish();
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ machine: ran, figures }, null, 2)}\n`);
  } else if (options.markdown) {
    process.stdout.write(`${describeMachine(ran)}\n\n${formatMarkdownTable(figures)}\n`);
  } else {
    process.stdout.write(`${describeMachine(ran)}\n\n${formatTable(figures)}\n`);
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
