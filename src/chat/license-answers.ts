import { buildHelpCard, summarizeHelp } from '../cards/help-card';
import { buildLicenseErrorsCard, summarizeLicenseErrors } from '../cards/license-errors-card';
import { buildLicenseOverviewCard, summarizeLicenseOverview } from '../cards/license-overview-card';
import { buildNoMatchCard, summarizeNoMatch } from '../cards/no-match-card';
import { buildProductFiguresCard, summarizeProductFigures } from '../cards/product-figures-card';
import { renderCard } from '../cards/render-card';
import { buildShortfallsCard, summarizeShortfalls } from '../cards/shortfalls-card';
import { buildMessageCard, summarizeMessage } from '../cards/message-card';
import { sortTightestFirst } from '../licenses/availability';
import type { LicenseService } from '../licenses/license-service';
import { matchSkus } from '../licenses/sku-matcher';
import type { SkuFigures } from '../licenses/sku-figures';
import { describeDataAge } from '../cards/describe-data-age';
import type { ServedFigures } from '../licenses/license-service';
import type { TrendSample } from '../cards/trend-chart';
import type { ChatReply } from '../cards/chat-reply';
import { describeSnapshotProblems } from './describe-snapshot-problems';
import type { CommandHandler } from './chat-router';
import { ReplyMemo } from './reply-memo';

/** Describes the run-out forecast of a SKU for the product card; null when there is none. */
export type ForecastLookup = (figures: readonly SkuFigures[], now: Date) => Promise<ReadonlyMap<string, string | null>>;

/** Daily trend samples of each SKU for the product card's chart; a SKU missing gets no chart. */
export type TrendLookup = (figures: readonly SkuFigures[], now: Date) => Promise<ReadonlyMap<string, readonly TrendSample[]>>;

/** What the tenant-wide cards are told besides the figures. */
interface TenantMeta {
  tenantName: string;
  asOf: string;
  now: Date;
  stale: boolean;
  notice: ReturnType<typeof describeSnapshotProblems>;
}

export interface LicenseAnswerDependencies {
  licenses: LicenseService;
  now?: () => Date;
  forecasts?: ForecastLookup;
  trends?: TrendLookup;
}

/** The read-only questions: help, the overview, shortfalls, license errors, one product, and commands with bad arguments. */
export function licenseAnswers(deps: LicenseAnswerDependencies): {
  help: () => Promise<ChatReply>;
  licenses: CommandHandler<'licenses'>;
  shortfalls: CommandHandler<'shortfalls'>;
  errors: CommandHandler<'errors'>;
  product: CommandHandler<'product'>;
  invalid: CommandHandler<'invalid'>;
} {
  const now = deps.now ?? (() => new Date());
  const memo = new ReplyMemo();
  /** What, besides the figures, shapes a reply: the question and how the data's and the reclaim scan's ages read now. */
  const keyOf = (question: string, served: ServedFigures, at: Date): string =>
    `${question}|${served.stale ? `stale:${served.staleReason ?? ''}` : 'fresh'}|${describeDataAge(served.snapshot.takenAt, at)}|${scanAgeOf(served.figures, at)}`;
  /** A question about the whole tenant: its reply is built once per figures, question and data age, and names any missing permission. */
  const tenantWide =
    (question: string, reply: (figures: readonly SkuFigures[], meta: TenantMeta) => ChatReply) =>
    async (): Promise<ChatReply> => {
      const served = await deps.licenses.figures();
      const at = now();
      return memo.reply(served.figures, keyOf(question, served, at), async () => {
        const notice = describeSnapshotProblems(served.snapshot);
        const meta = { tenantName: served.snapshot.tenant.displayName, asOf: served.snapshot.takenAt, now: at, stale: served.stale, notice };
        const built = reply(served.figures, meta);
        return { card: built.card, summary: withNotice(built.summary, notice) };
      });
    };
  return {
    help: async () => ({ card: renderCard('help', buildHelpCard()), summary: summarizeHelp() }),

    licenses: tenantWide('licenses', (figures, meta) => {
      const visible = sortTightestFirst(figures.filter((sku) => !sku.hidden));
      return { card: renderCard('license-overview', buildLicenseOverviewCard(visible, meta)), summary: summarizeLicenseOverview(visible, meta) };
    }),

    shortfalls: tenantWide('shortfalls', (figures, meta) => ({
      card: renderCard('shortfalls', buildShortfallsCard(figures, meta)),
      summary: summarizeShortfalls(figures, meta),
    })),

    errors: tenantWide('errors', (figures, meta) => ({
      card: renderCard('license-errors', buildLicenseErrorsCard(figures, meta)),
      summary: summarizeLicenseErrors(figures, meta),
    })),

    product: async (command) => {
      const served = await deps.licenses.figures();
      const at = now();
      return memo.reply(served.figures, keyOf(`product:${command.query}`, served, at), async () => {
        const { matches, suggestions } = matchSkus(command.query, served.figures);
        if (matches.length === 0) {
          return { card: renderCard('no-match', buildNoMatchCard(command.query, suggestions)), summary: summarizeNoMatch(command.query, suggestions) };
        }
        const [forecasts, trends] = await Promise.all([deps.forecasts?.(matches, at), deps.trends?.(matches, at)]);
        const notice = describeSnapshotProblems(served.snapshot);
        const card = buildProductFiguresCard(matches, { asOf: served.snapshot.takenAt, now: at, stale: served.stale, forecasts, trends, notice });
        return { card: renderCard('product-figures', card), summary: withNotice(summarizeProductFigures(matches), notice) };
      });
    },

    invalid: async (command) => {
      const message = { title: "I didn't quite get that", text: command.message, tone: 'warning' as const };
      return { card: renderCard('message', buildMessageCard(message)), summary: summarizeMessage(message) };
    },
  };
}

function withNotice(summary: string, notice: string | null): string {
  return notice === null ? summary : `${summary} ${notice}.`;
}

/** How the reclaim scan's age reads now ("3 hours ago"); empty before the first scan. Every SKU shares one scan. */
function scanAgeOf(figures: readonly SkuFigures[], at: Date): string {
  const asOf = figures[0]?.reclaimable?.asOf;
  return asOf === undefined || Number.isNaN(Date.parse(asOf)) ? '' : describeDataAge(asOf, at);
}
