import type { Command } from './command';
import { parseCommand } from './parse-command';

const MAX_TEXTS = 256;
/** Longer messages are parsed every time: the few questions people repeat are short. */
const MAX_TEXT_LENGTH = 200;

/**
 * `parseCommand` with the commands of recent messages kept, oldest dropped first. Most turns are the
 * same few questions, and parsing is pure, so the text is the whole key. The commands are frozen
 * because every turn that asks the same thing shares one.
 */
export class ParsedCommands {
  private readonly byText = new Map<string, Command>();

  parse(text: string): Command {
    const known = this.byText.get(text);
    if (known !== undefined) {
      return known;
    }
    const command = parseCommand(text);
    if (text.length > MAX_TEXT_LENGTH) {
      return command;
    }
    if (command.kind === 'set-threshold') {
      Object.freeze(command.threshold);
    }
    Object.freeze(command);
    if (this.byText.size >= MAX_TEXTS) {
      const oldest = this.byText.keys().next();
      if (oldest.done !== true) {
        this.byText.delete(oldest.value);
      }
    }
    this.byText.set(text, command);
    return command;
  }
}
