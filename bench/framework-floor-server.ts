import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';
import { EchoBot } from './echo-bot';

/*
 * The framework floor: the echo bot wired the way botbuilder's own restify samples wire a bot, with
 * nothing of Headroom in it. A stock CloudAdapter (no app id, so no token checks, as on loopback),
 * restify's body parser and `adapter.process`. This is the "echo bot on the same botbuilder and
 * restify stack" that issue 11's independent bench measured against. It listens on
 * 127.0.0.1:$PORT until SIGTERM and runs with the same node command line as Headroom.
 */

function main(): void {
  const port = Number(process.env.PORT ?? '0');
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new EchoBot();
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  server.listen(port, '127.0.0.1');
  process.once('SIGTERM', () => {
    server.server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

main();
