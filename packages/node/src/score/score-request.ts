/** A Langfuse score (POST /api/public/scores, `CreateScoreRequest` in Langfuse's OpenAPI spec). */
export interface ScoreInput {
  /** Score name, e.g. `"helpfulness"`. */
  name: string;
  /** Number for NUMERIC and BOOLEAN (1/0), string for CATEGORICAL. */
  value: number | string;
  comment?: string;
  /** @defaultValue the active span's trace id */
  traceId?: string;
  /** @defaultValue the active span's span id (when `traceId` is not given either) */
  observationId?: string;
  dataType?: 'NUMERIC' | 'CATEGORICAL' | 'BOOLEAN';
}

/** The request body for a score. Pure. */
export function scoreRequestBody(
  input: ScoreInput,
  target: { traceId: string; observationId?: string },
  environment?: string,
): Record<string, unknown> {
  const body: Record<string, unknown> = { traceId: target.traceId, name: input.name, value: input.value };
  if (target.observationId) body.observationId = target.observationId;
  if (input.comment !== undefined) body.comment = input.comment;
  if (input.dataType) body.dataType = input.dataType;
  if (environment) body.environment = environment;
  return body;
}
