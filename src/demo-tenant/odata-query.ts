import { GraphRequestError } from './graph-request-error';

/** What an endpoint accepts. */
export interface QueryRules {
  /** Known `$select` properties (canonical casing); absent means `$select` is refused. */
  selectable?: readonly string[];
  /** Paging: default and maximum page size; absent means `$top` and `$skiptoken` are refused. */
  paging?: { defaultTop: number; maxTop: number };
  /** Accepts `$filter` and returns nothing; throws to refuse the given filter. */
  filter?: (filter: string) => void;
  /** Accepts `$count=true|false` (Graph then adds `@odata.count`); absent means `$count` is refused. */
  count?: boolean;
}

/** The understood OData options of one request. */
export interface ODataQuery {
  /** Selected properties in canonical casing, or undefined when there was no `$select`. */
  select: string[] | undefined;
  top: number;
  offset: number;
  filter: string | undefined;
  /** `$count=true` was asked for. */
  count: boolean;
  /** The query string as sent, without `?`. */
  raw: string;
}

const KNOWN_OPTIONS = new Set(['$select', '$top', '$skiptoken', '$filter', '$count', '$orderby', '$search', '$expand', '$skip', '$format', '$levels']);

/** Parses and validates the OData query options of a request against the endpoint's rules. */
export function parseODataQuery(rawQuery: string, rules: QueryRules): ODataQuery {
  const params = new URLSearchParams(rawQuery);
  const seen = new Set<string>();
  for (const key of params.keys()) {
    const option = key.toLowerCase();
    if (!option.startsWith('$')) {
      continue; // Graph ignores custom query parameters.
    }
    if (seen.has(option)) {
      throw new GraphRequestError(400, 'BadRequest', `Query option '${key}' was specified more than once, but it must be specified at most once.`);
    }
    seen.add(option);
    if (!KNOWN_OPTIONS.has(option)) {
      throw new GraphRequestError(400, 'BadRequest', `The query parameter '${key}' is not supported.`);
    }
  }
  const get = (option: string): string | undefined => {
    for (const [key, value] of params) {
      if (key.toLowerCase() === option) {
        return value;
      }
    }
    return undefined;
  };
  const countText = get('$count');
  if (countText !== undefined && rules.count !== true) {
    throw new GraphRequestError(400, 'Request_UnsupportedQuery', "Unsupported query option '$count' on this resource.");
  }
  if (countText !== undefined && countText !== 'true' && countText !== 'false') {
    throw new GraphRequestError(400, 'BadRequest', `Invalid value '${countText}' for $count: use true or false.`);
  }
  const count = countText === 'true';
  for (const option of ['$orderby', '$search', '$expand', '$skip', '$format', '$levels']) {
    if (get(option) !== undefined) {
      throw new GraphRequestError(400, 'Request_UnsupportedQuery', `Unsupported query option '${option}' on this resource.`);
    }
  }
  const select = parseSelect(get('$select'), rules.selectable);
  const filter = get('$filter');
  if (filter !== undefined) {
    if (rules.filter === undefined) {
      throw new GraphRequestError(400, 'Request_UnsupportedQuery', `Filtering is not supported on this resource: '${filter}'.`);
    }
    rules.filter(filter);
  }
  const topText = get('$top');
  const token = get('$skiptoken');
  if (rules.paging === undefined) {
    if (topText !== undefined || token !== undefined) {
      throw new GraphRequestError(400, 'Request_UnsupportedQuery', 'Paging ($top, $skiptoken) is not supported on this resource.');
    }
    return { select, top: Number.MAX_SAFE_INTEGER, offset: 0, filter, count, raw: rawQuery };
  }
  return { select, top: parseTop(topText, rules.paging), offset: parseSkipToken(token), filter, count, raw: rawQuery };
}

/** The opaque `$skiptoken` for a page starting at `offset`. */
export function createSkipToken(offset: number): string {
  return Buffer.from(`demo-offset:${offset}`, 'utf8').toString('base64url');
}

function parseSelect(text: string | undefined, selectable: readonly string[] | undefined): string[] | undefined {
  if (text === undefined) {
    return undefined;
  }
  if (selectable === undefined) {
    throw new GraphRequestError(400, 'Request_UnsupportedQuery', '$select is not supported on this resource.');
  }
  const names = text.split(',').map((name) => name.trim());
  return names.map((name) => {
    const known = selectable.find((property) => property.toLowerCase() === name.toLowerCase());
    if (known === undefined) {
      throw new GraphRequestError(400, 'BadRequest', `Could not find a property named '${name}' on this type.`);
    }
    return known;
  });
}

function parseTop(text: string | undefined, paging: { defaultTop: number; maxTop: number }): number {
  if (text === undefined) {
    return paging.defaultTop;
  }
  const top = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(top) || top < 1 || top > paging.maxTop) {
    throw new GraphRequestError(400, 'Request_UnsupportedQuery', `Invalid page size specified: '${text}'. Must be between 1 and ${paging.maxTop} inclusive.`);
  }
  return top;
}

function parseSkipToken(token: string | undefined): number {
  if (token === undefined) {
    return 0;
  }
  const match = /^demo-offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (match === null) {
    throw new GraphRequestError(400, 'BadRequest', 'The specified page token value has expired or is invalid.');
  }
  return Number(match[1]);
}
