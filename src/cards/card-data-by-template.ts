import type { AlertDigestCard } from './alert-digest-card';
import type { AlertsStatusCard } from './alerts-status-card';
import type { HelpCard } from './help-card';
import type { LicenseErrorsCard } from './license-errors-card';
import type { LicenseOverviewCard } from './license-overview-card';
import type { LicenseReportCard } from './license-report-card';
import type { MessageCard } from './message-card';
import type { NoMatchCard } from './no-match-card';
import type { PreflightCard } from './preflight-card';
import type { ProductFiguresCard } from './product-figures-card';
import type { ReclaimRequestCard } from './reclaim-request-card';
import type { ReclaimAnswerCard } from './reclaim-answer-card';
import type { ReservationSuggestionCard } from './reservation-suggestion-card';
import type { ReservationsListCard } from './reservations-list-card';
import type { ShortfallsCard } from './shortfalls-card';
import type { WelcomeCard } from './welcome-card';

/** Each card template in `cards/` (file name without `.json`) and the data it is expanded with. */
export interface CardDataByTemplate {
  help: HelpCard;
  'license-overview': LicenseOverviewCard;
  'product-figures': ProductFiguresCard;
  shortfalls: ShortfallsCard;
  'license-errors': LicenseErrorsCard;
  'no-match': NoMatchCard;
  message: MessageCard;
  preflight: PreflightCard;
  welcome: WelcomeCard;
  'alerts-status': AlertsStatusCard;
  'alert-digest': AlertDigestCard;
  'reservation-suggestion': ReservationSuggestionCard;
  'reservations-list': ReservationsListCard;
  'license-report': LicenseReportCard;
  'reclaim-request': ReclaimRequestCard;
  'reclaim-answer': ReclaimAnswerCard;
}

/** The name of a card template. */
export type CardTemplateName = keyof CardDataByTemplate;

/** Every card template name, for tests and tools that go through all of them. */
export const CARD_TEMPLATE_NAMES: readonly CardTemplateName[] = [
  'help',
  'license-overview',
  'product-figures',
  'shortfalls',
  'license-errors',
  'no-match',
  'message',
  'preflight',
  'welcome',
  'alerts-status',
  'alert-digest',
  'reservation-suggestion',
  'reservations-list',
  'license-report',
  'reclaim-request',
  'reclaim-answer',
];
