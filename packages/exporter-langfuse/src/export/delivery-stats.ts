/** Delivery counters of one processor or exporter, in observations (= spans). */
export interface LangfuseExportStats {
  /** Accepted by Langfuse. */
  exported: number;
  /** Given up on: refused by Langfuse, or retries used up. */
  failed: number;
  /** Sent again after a retriable failure (counted once per observation per retry). */
  retried: number;
  /** Never sent: the queue was full, or the processor was shut down or has no keys. */
  dropped: number;
  /** Waiting in the queue or in flight right now. */
  queued: number;
}

/** Mutable counters shared by the parts of one pipeline. */
export class DeliveryStats {
  exported = 0;
  failed = 0;
  retried = 0;
  dropped = 0;
  inFlight = 0;

  /** A copy, with `queued` = `waiting` + in flight. */
  snapshot(waiting: number): LangfuseExportStats {
    return {
      exported: this.exported,
      failed: this.failed,
      retried: this.retried,
      dropped: this.dropped,
      queued: waiting + this.inFlight,
    };
  }
}
