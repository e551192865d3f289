import type { IncomingMessage } from 'node:http';

/** A request body read as JSON, or why it could not be: the status and message to answer with. */
export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

const JSON_MEDIA_TYPE = 'application/json';

function checkContentType(header: string | undefined): string | null {
  if (header === undefined || header.trim() === '') {
    return `Missing Content-Type: send the body as JSON with "Content-Type: ${JSON_MEDIA_TYPE}".`;
  }
  const [mediaType = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== JSON_MEDIA_TYPE) {
    return `Unsupported Content-Type ${JSON.stringify(mediaType)}: send the body as JSON with "Content-Type: ${JSON_MEDIA_TYPE}".`;
  }
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length).replace(/^"|"$/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return `Unsupported charset ${JSON.stringify(charset)}: send the JSON body as UTF-8.`;
  }
  return null;
}

function tooLarge(maxBytes: number): JsonBody {
  return { ok: false, status: 413, error: `The request body is larger than ${maxBytes} bytes.` };
}

/**
 * Reads a request body that must be JSON in UTF-8, at most `maxBytes` long. Nothing is parsed for
 * the wrong content type (415) or a body over the limit (413, decided from Content-Length when the
 * client declares it, otherwise as soon as the limit is passed; the rest is drained unread).
 * Broken UTF-8, broken JSON and an empty body are 400s. The value is whatever JSON it was; the
 * caller checks its shape.
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<JsonBody> {
  const typeProblem = checkContentType(req.headers['content-type']);
  if (typeProblem !== null) {
    req.resume();
    return Promise.resolve({ ok: false, status: 415, error: typeProblem });
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.resolve(tooLarge(maxBytes));
  }

  return new Promise<JsonBody>((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let settled = false;
    const settle = (body: JsonBody): void => {
      if (!settled) {
        settled = true;
        resolve(body);
      }
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) {
        return;
      }
      length += chunk.length;
      if (length > maxBytes) {
        chunks.length = 0;
        settle(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => settle({ ok: false, status: 400, error: 'The request body could not be read.' }));
    req.on('aborted', () => settle({ ok: false, status: 400, error: 'The request body was cut off.' }));
    req.on('end', () => settle(parseJson(Buffer.concat(chunks))));
  });
}

function parseJson(bytes: Buffer): JsonBody {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, status: 400, error: 'The request body is not valid UTF-8.' };
  }
  if (text.trim() === '') {
    return { ok: false, status: 400, error: 'The request body is empty: send a JSON object.' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : '';
    return { ok: false, status: 400, error: `The request body is not valid JSON${detail}.` };
  }
}
