import { maskKey } from '../config/resolve-options.js';
import { ReportOnce } from '../diagnostics/report-once.js';
import type { FatalCause, RejectedEvent } from './response.js';

/**
 * Turns delivery failures into diag lines a user can act on, each distinct cause said once
 * (not once per batch). Messages name the base URL and a masked public key, never the secret.
 */
export class DeliveryErrors {
  private readonly once = new ReportOnce();
  private readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly publicKey: string,
  ) {
    this.baseUrl = withoutCredentials(baseUrl);
  }

  /** A request that cannot succeed by retrying. */
  fatal(cause: FatalCause, status: number, reason: string, endpoint: string): void {
    const where = `${this.baseUrl}${endpoint}`;
    switch (cause) {
      case 'unauthorized':
        this.once.report(
          'unauthorized',
          'error',
          `Langfuse rejected the keys (LANGFUSE_PUBLIC_KEY ${maskKey(this.publicKey)}) at ${this.baseUrl}: check LANGFUSE_PUBLIC_KEY / LANGFUSE_SECRET_KEY belong to a project on this server. Observations are dropped.`,
        );
        return;
      case 'forbidden':
        this.once.report(
          'forbidden',
          'error',
          `Langfuse refused access (HTTP 403) for LANGFUSE_PUBLIC_KEY ${maskKey(this.publicKey)} at ${where}. Observations are dropped.`,
        );
        return;
      case 'not-found':
        this.once.report(
          `not-found:${endpoint}`,
          'error',
          `Langfuse answered 404 at ${where}: check LANGFUSE_BASE_URL (${this.baseUrl}) points at a Langfuse server.`,
        );
        return;
      case 'too-large':
        this.once.report(
          'too-large',
          'error',
          `Langfuse refused a request as too large (HTTP 413) at ${where}: lower maxBatchBytes or maxValueBytes.`,
        );
        return;
      default:
        this.once.report(
          `fatal:${status}`,
          'error',
          `Langfuse refused a batch at ${where}: ${reason}. Observations of that batch are dropped.`,
        );
    }
  }

  /** Retries were used up. `code` is the network error code or the HTTP status. */
  gaveUp(code: string, reason: string, count: number): void {
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      this.once.report(
        `network:${code}`,
        'error',
        `Cannot resolve the Langfuse host of LANGFUSE_BASE_URL=${this.baseUrl} (${code}): check the URL. Dropping ${count} observation(s).`,
      );
      return;
    }
    if (code === 'ECONNREFUSED') {
      this.once.report(
        `network:${code}`,
        'error',
        `Nothing listens at LANGFUSE_BASE_URL=${this.baseUrl} (ECONNREFUSED): is Langfuse running? Dropping ${count} observation(s); further failures are counted, not logged.`,
      );
      return;
    }
    this.once.report(
      `gave-up:${code}`,
      'error',
      `Could not deliver to Langfuse at ${this.baseUrl} after retries (${reason}). Dropping ${count} observation(s); further failures of this kind are counted, not logged.`,
    );
  }

  /** Events Langfuse refused individually (207). One line per distinct status. */
  rejected(events: RejectedEvent[]): void {
    for (const e of events) {
      this.once.report(
        `rejected:${e.status}`,
        'warn',
        `Langfuse refused an event with status ${e.status}${e.message ? `: ${e.message}` : ''} (further refusals with this status are counted, not logged).`,
      );
    }
  }

  /** OTLP path absent: falling back to the ingestion API. */
  fallback(): void {
    this.once.report(
      'fallback',
      'warn',
      `Langfuse at ${this.baseUrl} has no OTLP endpoint (404 on /api/public/otel/v1/traces, server older than v3.22?): switching to the legacy ingestion API for this process. Set protocol: 'ingestion' to skip the probe, or upgrade Langfuse.`,
    );
  }
}

/** The URL without `user:password@`, should someone have put credentials there. */
function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '(invalid URL)';
  }
}
