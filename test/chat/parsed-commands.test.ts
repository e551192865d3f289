import assert from 'node:assert/strict';
import { parseCommand } from '../../src/chat/parse-command';
import { ParsedCommands } from '../../src/chat/parsed-commands';

describe('ParsedCommands', () => {
  it('answers what parseCommand answers, for every kind of message', () => {
    const parsed = new ParsedCommands();
    for (const text of ['how many E3 left?', 'licenses', 'alert E3 below 5%', 'can I assign 0 E3?', 'mute Visio', '']) {
      assert.deepEqual(parsed.parse(text), parseCommand(text));
    }
  });

  it('gives a repeated message the same frozen command', () => {
    const parsed = new ParsedCommands();
    const first = parsed.parse('alert E3 below 10');

    const again = parsed.parse('alert E3 below 10');

    assert.equal(again, first);
    assert.ok(Object.isFrozen(first));
    assert.ok(first.kind === 'set-threshold' && Object.isFrozen(first.threshold));
  });

  it('keeps the 256 most recent messages and parses an older one afresh', () => {
    const parsed = new ParsedCommands();
    const first = parsed.parse('how many E3 left?');
    for (let index = 0; index < 256; index += 1) {
      parsed.parse(`how many product${index} left?`);
    }

    const again = parsed.parse('how many E3 left?');

    assert.notEqual(again, first);
    assert.deepEqual(again, first);
  });

  it('does not keep a long message', () => {
    const parsed = new ParsedCommands();
    const long = `how many ${'E3 '.repeat(100)}left?`;

    assert.notEqual(parsed.parse(long), parsed.parse(long));
  });
});
