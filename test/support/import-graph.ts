import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One import statement of one file: who imports what. */
export interface ImportEdge {
  /** The importing file, relative to the root, with forward slashes. */
  file: string;
  /** The module specifier as written. */
  specifier: string;
  /** The top-level unit of the importing file: its folder under the root, or its own name for a root file. */
  from: string;
  /** The top-level unit the specifier resolves to; null for a package. */
  to: string | null;
}

function listSourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      return listSourceFiles(full);
    }
    return /\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `alerts` for `<root>/alerts/x/y.ts`, `config` for `<root>/config.ts`; null outside the root. */
function unitOf(root: string, file: string): string | null {
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return null;
  }
  const [first, ...rest] = relative.split(path.sep);
  return rest.length > 0 ? first : first.replace(/\.[^.]+$/, '');
}

/**
 * Every import of every TypeScript file under `root`, parsed by the TypeScript compiler: static imports
 * and re-exports (type-only ones included), `import()` and `require()`.
 */
export function readImports(root: string): ImportEdge[] {
  return listSourceFiles(root).flatMap((file) => {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const from = unitOf(root, file) ?? '';
    return info.importedFiles.map(({ fileName: specifier }) => ({
      file: path.relative(root, file).split(path.sep).join('/'),
      specifier,
      from,
      to: specifier.startsWith('.') ? unitOf(root, path.resolve(path.dirname(file), specifier)) : null,
    }));
  });
}

/**
 * The groups of top-level units that import each other, directly or round a longer loop (strongly
 * connected components of more than one unit, Tarjan's algorithm), each sorted, with the imports that
 * close them.
 */
export function findUnitCycles(edges: readonly ImportEdge[]): { units: string[]; imports: ImportEdge[] }[] {
  const graph = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (edge.to === null || edge.to === edge.from) {
      continue;
    }
    graph.set(edge.from, (graph.get(edge.from) ?? new Set()).add(edge.to));
    graph.set(edge.to, graph.get(edge.to) ?? new Set());
  }
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (unit: string): void => {
    index.set(unit, next);
    low.set(unit, next);
    next += 1;
    stack.push(unit);
    onStack.add(unit);
    for (const target of graph.get(unit) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(unit, Math.min(low.get(unit) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(unit, Math.min(low.get(unit) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(unit) === index.get(unit)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member !== undefined) {
          onStack.delete(member);
          component.push(member);
        }
      } while (member !== undefined && member !== unit);
      components.push(component);
    }
  };
  for (const unit of [...graph.keys()].sort()) {
    if (!index.has(unit)) {
      visit(unit);
    }
  }
  return components
    .filter((component) => component.length > 1)
    .map((component) => {
      const units = [...component].sort();
      const imports = edges.filter((edge) => edge.to !== null && edge.to !== edge.from && units.includes(edge.from) && units.includes(edge.to));
      return { units, imports };
    });
}
