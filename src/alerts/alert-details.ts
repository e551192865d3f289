/**
 * What an alert state remembers in `AlertState.details` (JSON): the SKU's figures when the state was
 * last written, for the `alerts` command and for operators. Older rows may lack fields; read with care.
 */
export interface AlertDetails {
  displayName: string;
  skuPartNumber: string;
  purchased: number;
  available: number;
  /** Null when waiting was unknown (a missing Graph permission). */
  waiting: number | null;
  shortfall: number | null;
  expiring: number;
  /** Users beyond every usable seat (older rows lack it). */
  overAssigned?: number;
  /** Users who still hold a suspended, locked-out or deleted subscription (older rows lack it). */
  lostService?: number;
  /** The other licensing errors when written, as `code:users` pairs; '' when none, null when unknown (older rows lack it). */
  errorsFingerprint?: string | null;
  threshold: number;
  /** The subscription end that made the SKU expiring, if any. */
  endsAt: string | null;
  /** Why the state resolved without a notice (`hidden`, `muted`, `gone`, `de-escalated`); null otherwise. */
  silentReason: string | null;
}
