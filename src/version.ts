import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** package.json at the repository root: one level up from src, two from a build in dist/src. */
function packageJsonPath(): string {
  const candidates = [path.join(__dirname, '..', 'package.json'), path.join(__dirname, '..', '..', 'package.json')];
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0];
}

/** Headroom's version, from package.json. */
export const version: string = (JSON.parse(readFileSync(packageJsonPath(), 'utf8')) as { version: string }).version;
