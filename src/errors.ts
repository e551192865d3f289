/**
 * Errors Headroom knows how to explain. Each carries a message that is safe and useful to show an
 * admin in chat or in an API response; anything else is a bug and is logged, not shown.
 */
export class HeadroomError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Input that does not make sense: chat text, a card action, an API body. Nothing was changed. */
export class ValidationError extends HeadroomError {}

/** Something asked for by name or id does not exist. */
export class NotFoundError extends HeadroomError {}

/** The acting user, or Headroom's own identity in Graph, lacks a permission. */
export class ForbiddenError extends HeadroomError {}

/** A dependency (Graph, the connector, a webhook) is down or throttling beyond our retries. */
export class UnavailableError extends HeadroomError {}

/** A conditional change lost: the state moved on since it was read. */
export class ConflictError extends HeadroomError {}

/** The environment is misconfigured; `problems` lists every problem found, one per entry. */
export class ConfigError extends HeadroomError {
  constructor(readonly problems: readonly string[]) {
    super(`Headroom cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Microsoft Graph refused a call because Headroom's own app registration lacks an application
 * permission. `permissions` names what an admin must grant (all of them), from the permission table.
 */
export class MissingPermissionError extends ForbiddenError {
  constructor(
    message: string,
    readonly permissions: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Microsoft Graph refused a read because the tenant lacks a license the data needs (for
 * `signInActivity`: Microsoft Entra ID P1 or P2). Granting a permission does not help.
 */
export class PremiumLicenseRequiredError extends ForbiddenError {}
