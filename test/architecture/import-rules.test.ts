import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findUnitCycles, readImports, type ImportEdge } from '../support/import-graph';

const SRC = path.resolve(__dirname, '../../src');
/** The Bot Framework SDK's packages: botbuilder, botbuilder-*, botframework-*. */
const BOT_FRAMEWORK = /^(botbuilder|botbuilder-[^/]+|botframework-[^/]+)(\/|$)/;

function describeImports(imports: readonly ImportEdge[]): string {
  return imports.map((edge) => `  ${edge.file} imports '${edge.specifier}' (${edge.from} -> ${edge.to ?? edge.specifier})`).join('\n');
}

/** Only the Bot Framework imports of files outside `bot/`. */
function botFrameworkOutsideBot(edges: readonly ImportEdge[]): ImportEdge[] {
  return edges.filter((edge) => BOT_FRAMEWORK.test(edge.specifier) && edge.from !== 'bot');
}

describe('import rules of src/', () => {
  const edges = readImports(SRC);

  it('reads the imports of every file, type-only and dynamic ones included', () => {
    assert.ok(edges.some((edge) => edge.file === 'app.ts' && edge.specifier === './demo-tenant/demo-graph-server'), 'the dynamic import in app.ts');
    assert.ok(edges.some((edge) => edge.file === 'config.ts' && edge.specifier === './logger'), 'the type-only import in config.ts');
    assert.ok(edges.some((edge) => edge.file.startsWith('bot/') && edge.specifier === 'botbuilder'));
  });

  it('has no two top-level folders (or root files) that import each other, directly or round a loop', () => {
    const cycles = findUnitCycles(edges);

    assert.deepEqual(
      cycles.map((cycle) => cycle.units),
      [],
      cycles.map((cycle) => `${cycle.units.join(' <-> ')}:\n${describeImports(cycle.imports)}`).join('\n'),
    );
  });

  it('imports botbuilder and botframework-* only in src/bot/', () => {
    const outside = botFrameworkOutsideBot(edges);

    assert.deepEqual(outside, [], describeImports(outside));
  });
});

describe('the import checker', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'headroom-imports-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  function write(file: string, text: string): void {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }

  it('finds a cycle of two folders through a type-only import', () => {
    write('cards/card.ts', "import type { Thing } from '../alerts/thing';\nexport type Card = Thing;\n");
    write('alerts/thing.ts', "import { render } from '../cards/render';\nexport type Thing = string;\n");
    write('cards/render.ts', 'export const render = 1;\n');

    const cycles = findUnitCycles(readImports(root));

    assert.deepEqual(cycles.map((cycle) => cycle.units), [['alerts', 'cards']]);
    assert.deepEqual(cycles[0].imports.map((edge) => edge.file).sort(), ['alerts/thing.ts', 'cards/card.ts']);
  });

  it('finds a loop round three folders, and a root file in it, and nothing in a one-way chain', () => {
    write('a/x.ts', "export * from '../b/y';\n");
    write('b/y.ts', "export const y = import('../c/z');\n");
    write('c/z.ts', "const w = require('../wiring');\nexport default w;\n");
    write('wiring.ts', "import '../outside/nothing';\nimport { x } from './a/x';\nexport { x };\n");
    write('d/one.ts', "import { y } from '../b/y';\nexport { y };\n");

    const cycles = findUnitCycles(readImports(root));

    assert.deepEqual(cycles.map((cycle) => cycle.units), [['a', 'b', 'c', 'wiring']]);
  });

  it('flags botbuilder and botframework-* packages imported outside bot/, and not a mention in text', () => {
    write('bot/edge.ts', "import { TurnContext } from 'botbuilder';\nexport type T = TurnContext;\n");
    write('delivery/send.ts', "import type { ConnectorClient } from 'botframework-connector';\nexport type C = ConnectorClient;\n");
    write('chat/hint.ts', "// botbuilder retries on its own\nexport const note = 'import from \"botbuilder\" is for bot/';\n");
    write('cards/dialogs.ts', "export * from 'botbuilder-dialogs/lib/x';\n");

    const flagged = botFrameworkOutsideBot(readImports(root));

    assert.deepEqual(flagged.map((edge) => edge.file).sort(), ['cards/dialogs.ts', 'delivery/send.ts']);
  });
});
