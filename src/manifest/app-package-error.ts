import { ValidationError } from '../errors';

/** The Teams app package cannot be built; `problems` lists every problem found, one per entry. */
export class AppPackageError extends ValidationError {
  constructor(readonly problems: readonly string[]) {
    super(`The Teams app package cannot be built:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
