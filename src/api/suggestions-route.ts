import type { Request, Response } from 'restify';
import { ValidationError } from '../errors';
import { readReasoning, reasoningText } from '../reservations/reservation-reasoning';
import type { SuggestionStore } from '../reservations/suggestion-store';
import type { Suggestion, SuggestionAuditEntry, SuggestionStatus } from '../reservations/suggestion';
import { sendJson } from './send-json';

const STATUSES: readonly SuggestionStatus[] = ['proposed', 'approved', 'declined', 'snoozed', 'superseded', 'expired', 'fulfilled'];
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

/** One suggestion as `GET /api/v1/suggestions` returns it. */
export interface ApiSuggestion {
  id: string;
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  quantity: number;
  /** The quantity's sum on one line. */
  reasoning: string;
  status: SuggestionStatus;
  createdAt: string;
  /** The approver's display name (their object id when Teams gave no name); null while undecided. */
  decidedBy: string | null;
  decidedAt: string | null;
  history: { at: string; actor: string; action: string; quantity: number | null }[];
}

function toApiSuggestion(suggestion: Suggestion, audit: readonly SuggestionAuditEntry[]): ApiSuggestion {
  return {
    id: suggestion.id,
    skuId: suggestion.skuId,
    skuPartNumber: suggestion.skuPartNumber,
    displayName: suggestion.displayName,
    quantity: suggestion.quantity,
    reasoning: reasoningText(readReasoning(suggestion.reasoning, suggestion.quantity)),
    status: suggestion.status,
    createdAt: suggestion.createdAt,
    decidedBy: suggestion.decidedByName ?? suggestion.decidedBy,
    decidedAt: suggestion.decidedAt,
    history: audit.map((entry) => ({ at: entry.at, actor: entry.actorName ?? entry.actor, action: entry.action, quantity: entry.quantity })),
  };
}

function readQuery(req: Request): { statuses: SuggestionStatus[] | undefined; limit: number } {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const statusText = params.get('status');
  let statuses: SuggestionStatus[] | undefined;
  if (statusText !== null) {
    const asked = statusText.split(',').map((status) => status.trim().toLowerCase()).filter((status) => status !== '');
    const unknown = asked.filter((status) => !STATUSES.includes(status as SuggestionStatus));
    if (unknown.length > 0) {
      throw new ValidationError(`Unknown status ${unknown.join(', ')}: expected one or more of ${STATUSES.join(', ')}, separated by commas.`);
    }
    statuses = asked as SuggestionStatus[];
  }
  const limitText = params.get('limit');
  const limit = limitText === null ? DEFAULT_LIMIT : /^\d+$/.test(limitText) ? Number(limitText) : Number.NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new ValidationError(`limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  }
  return { statuses, limit };
}

/**
 * `GET /api/v1/suggestions`: reservation suggestions newest first, each with its audit history (actor,
 * action, quantity, time). `?status=proposed,approved` filters by status; `?limit=` (1-500, default
 * 100) caps the list.
 */
export function suggestionsRoute(store: Pick<SuggestionStore, 'listSuggestions' | 'listAudit'>) {
  return async (req: Request, res: Response): Promise<void> => {
    const { statuses, limit } = readQuery(req);
    const suggestions = await store.listSuggestions({ limit, ...(statuses === undefined ? {} : { statuses }) });
    const audits = await Promise.all(suggestions.map((suggestion) => store.listAudit(suggestion.id)));
    sendJson(res, 200, { suggestions: suggestions.map((suggestion, index) => toApiSuggestion(suggestion, audits[index])) });
  };
}
