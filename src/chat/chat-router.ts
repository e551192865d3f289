import { HeadroomError } from '../errors';
import type { Logger } from '../logger';
import type { ChatReply } from '../cards/chat-reply';
import type { ChatRequest } from './chat-request';
import type { ChatResponder } from './chat-responder';
import type { Command } from './command';
import { MAX_CHAT_TEXT_LENGTH } from './chat-text-limit';
import { ParsedCommands } from './parsed-commands';
import { replyForError } from './reply-for-error';

const TOO_LONG: Command = {
  kind: 'invalid',
  message: `That message is too long for me: I read questions of up to ${MAX_CHAT_TEXT_LENGTH.toLocaleString('en-US')} characters. Ask something short, such as "how many E3 left?", or say "help".`,
};

/** Answers one kind of command. */
export type CommandHandler<Kind extends Command['kind']> = (
  command: Extract<Command, { kind: Kind }>,
  request: ChatRequest,
) => Promise<ChatReply>;

/** The handlers for every command Headroom understands; each feature contributes its own. */
export type CommandHandlers = { [Kind in Command['kind']]: CommandHandler<Kind> };

/**
 * Parses a message and hands it to the handler for its command. Errors Headroom can explain become a
 * plain reply; anything else is rethrown to the bot's turn error handler, which logs and apologises.
 */
export class ChatRouter implements ChatResponder {
  private readonly commands = new ParsedCommands();

  constructor(
    private readonly handlers: CommandHandlers,
    private readonly logger: Logger,
  ) {}

  async respond(request: ChatRequest): Promise<ChatReply> {
    const command: Command = request.tooLong === true ? TOO_LONG : this.commands.parse(request.text);
    try {
      return await this.dispatch(command, request);
    } catch (error) {
      if (error instanceof HeadroomError) {
        this.logger.info('answered a chat command with an explanation', { command: command.kind, error: error.name });
        return replyForError(error);
      }
      throw error;
    }
  }

  private dispatch<Kind extends Command['kind']>(command: Extract<Command, { kind: Kind }>, request: ChatRequest): Promise<ChatReply> {
    const handler = this.handlers[command.kind] as CommandHandler<Kind>;
    return handler(command, request);
  }
}
