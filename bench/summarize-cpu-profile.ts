import { readFileSync } from 'node:fs';

/*
 * Prints where a V8 CPU profile (from `npm run bench -- --cpu-prof`) spent its self time, by function
 * and by package: `tsx bench/summarize-cpu-profile.ts bench-profiles/<file>.cpuprofile [top]`.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

function packageOf(url: string): string {
  const at = url.lastIndexOf('node_modules/');
  if (at === -1) {
    if (url.startsWith('node:') || url === '') {
      return url === '' ? '(native/gc)' : 'node';
    }
    const src = url.indexOf('/src/');
    return src === -1 ? url : `headroom ${url.slice(src + 1)}`;
  }
  const rest = url.slice(at + 'node_modules/'.length).split('/');
  return rest[0]?.startsWith('@') === true ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? url);
}

function main(): void {
  const file = process.argv[2];
  if (file === undefined) {
    throw new Error('usage: tsx bench/summarize-cpu-profile.ts <file.cpuprofile> [top]');
  }
  const top = Number(process.argv[3] ?? 25);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (const [index, id] of samples.entries()) {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (deltas[index] ?? 0) / 1000);
  }
  const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id);
    if (node === undefined) {
      continue;
    }
    const frame = node.callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${packageOf(frame.url)}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    const pkg = frame.url === '' ? frame.functionName || '(native)' : packageOf(frame.url).replace(/:.*$/, '');
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
  }
  const print = (title: string, map: Map<string, number>): void => {
    console.log(`\n${title} (of ${total.toFixed(0)} ms sampled)`);
    for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${((ms / total) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
    }
  };
  print('self time by package', byPackage);
  print('self time by function', byFunction);
}

main();
