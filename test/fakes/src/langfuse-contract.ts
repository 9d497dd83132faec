// Langfuse's ingestion and score contract as zod schemas, written from Langfuse's OpenAPI spec
// (`IngestionEvent`, `TraceBody`, `CreateSpanBody`, `CreateGenerationBody`, `ObservationBody`,
// `ScoreBody`, `CreateScoreRequest`; langfuse/langfuse 2026-08). Bodies are `.strict()`: a field
// the spec does not know is a bug in the client, even though the real server would strip it.
import { z } from 'zod';

const isoDateTime = z.string().datetime({ offset: true });
const nullish = <T extends z.ZodTypeAny>(t: T) => t.nullish();

export const ObservationLevelSchema = z.enum(['DEBUG', 'DEFAULT', 'WARNING', 'ERROR']);
export const ObservationTypeSchema = z.enum([
  'SPAN',
  'GENERATION',
  'EVENT',
  'AGENT',
  'TOOL',
  'CHAIN',
  'RETRIEVER',
  'EVALUATOR',
  'EMBEDDING',
  'GUARDRAIL',
]);

/** OpenAPI `MapValue`. */
const MapValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).nullable();

/** OpenAPI `Usage` (deprecated, still the only usage of `ObservationBody`). */
const UsageSchema = z
  .object({
    input: z.number().int(),
    output: z.number().int(),
    total: z.number().int(),
    unit: z.string().nullable(),
    inputCost: nullish(z.number()),
    outputCost: nullish(z.number()),
    totalCost: nullish(z.number()),
  })
  .strict();

const OpenAiUsageSchema = z
  .object({
    promptTokens: z.number().int().optional(),
    completionTokens: z.number().int().optional(),
    totalTokens: z.number().int().optional(),
  })
  .strict();

const tokenDetails = nullish(z.record(z.number().int().nullable()));
/** OpenAPI `UsageDetails`: `map<string, integer>` or one of OpenAI's usage shapes. */
const UsageDetailsSchema = z.union([
  z.record(z.number().int()),
  z.object({
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    total_tokens: z.number().int(),
    prompt_tokens_details: tokenDetails,
    completion_tokens_details: tokenDetails,
  }),
  z.object({
    input_tokens: z.number().int(),
    output_tokens: z.number().int(),
    total_tokens: z.number().int(),
    input_tokens_details: tokenDetails,
    output_tokens_details: tokenDetails,
  }),
]);

export const TraceBodySchema = z
  .object({
    id: nullish(z.string()),
    timestamp: nullish(isoDateTime),
    name: nullish(z.string()),
    userId: nullish(z.string()),
    input: z.unknown().optional(),
    output: z.unknown().optional(),
    sessionId: nullish(z.string()),
    release: nullish(z.string()),
    version: nullish(z.string()),
    metadata: z.unknown().optional(),
    tags: nullish(z.array(z.string())),
    environment: nullish(z.string()),
    public: nullish(z.boolean()),
  })
  .strict();

const optionalObservationFields = {
  traceId: nullish(z.string()),
  name: nullish(z.string()),
  startTime: nullish(isoDateTime),
  metadata: z.unknown().optional(),
  input: z.unknown().optional(),
  output: z.unknown().optional(),
  level: nullish(ObservationLevelSchema),
  statusMessage: nullish(z.string()),
  parentObservationId: nullish(z.string()),
  version: nullish(z.string()),
  environment: nullish(z.string()),
};

export const CreateEventBodySchema = z
  .object({ ...optionalObservationFields, id: nullish(z.string()) })
  .strict();
export const CreateSpanBodySchema = CreateEventBodySchema.extend({ endTime: nullish(isoDateTime) }).strict();
export const CreateGenerationBodySchema = CreateSpanBodySchema.extend({
  completionStartTime: nullish(isoDateTime),
  model: nullish(z.string()),
  modelParameters: nullish(z.record(MapValueSchema)),
  usage: nullish(z.union([UsageSchema, OpenAiUsageSchema])),
  usageDetails: nullish(UsageDetailsSchema),
  costDetails: nullish(z.record(z.number())),
  promptName: nullish(z.string()),
  promptVersion: nullish(z.number().int()),
}).strict();

export const ObservationBodySchema = z
  .object({
    id: nullish(z.string()),
    traceId: nullish(z.string()),
    type: ObservationTypeSchema,
    name: nullish(z.string()),
    startTime: nullish(isoDateTime),
    endTime: nullish(isoDateTime),
    completionStartTime: nullish(isoDateTime),
    model: nullish(z.string()),
    modelParameters: nullish(z.record(MapValueSchema)),
    input: z.unknown().optional(),
    version: nullish(z.string()),
    metadata: z.unknown().optional(),
    output: z.unknown().optional(),
    usage: nullish(UsageSchema),
    level: nullish(ObservationLevelSchema),
    statusMessage: nullish(z.string()),
    parentObservationId: nullish(z.string()),
    environment: nullish(z.string()),
  })
  .strict();

const ScoreDataTypeSchema = z.enum(['NUMERIC', 'BOOLEAN', 'CATEGORICAL', 'CORRECTION', 'TEXT']);

export const ScoreBodySchema = z
  .object({
    id: nullish(z.string()),
    traceId: nullish(z.string()),
    sessionId: nullish(z.string()),
    observationId: nullish(z.string()),
    datasetRunId: nullish(z.string()),
    name: z.string(),
    environment: nullish(z.string()),
    queueId: nullish(z.string()),
    value: z.union([z.number(), z.string()]),
    comment: nullish(z.string()),
    metadata: z.unknown().optional(),
    dataType: nullish(ScoreDataTypeSchema),
    configId: nullish(z.string()),
  })
  .strict();

/** OpenAPI `CreateScoreRequest` (`POST /api/public/scores`). */
export const CreateScoreRequestSchema = ScoreBodySchema.extend({
  metadata: nullish(z.record(z.unknown())),
  source: nullish(z.enum(['ANNOTATION', 'API', 'EVAL'])),
}).strict();

const envelope = <T extends string, B extends z.ZodTypeAny>(type: T, body: B) =>
  z
    .object({
      id: z.string().min(1),
      timestamp: z.string().min(1),
      metadata: z.unknown().optional(),
      type: z.literal(type),
      body,
    })
    .strict();

/** OpenAPI `IngestionEvent`, discriminated by `type`. */
export const IngestionEventSchema = z.discriminatedUnion('type', [
  envelope('trace-create', TraceBodySchema),
  envelope('score-create', ScoreBodySchema),
  envelope('span-create', CreateSpanBodySchema),
  envelope('span-update', CreateSpanBodySchema.extend({ id: z.string() }).strict()),
  envelope('generation-create', CreateGenerationBodySchema),
  envelope('generation-update', CreateGenerationBodySchema.extend({ id: z.string() }).strict()),
  envelope('event-create', CreateEventBodySchema),
  envelope('sdk-log', z.object({ log: z.unknown() }).strict()),
  envelope('observation-create', ObservationBodySchema),
  envelope('observation-update', ObservationBodySchema),
]);

/** The request envelope of `POST /api/public/ingestion`: events are checked one by one. */
export const IngestionRequestEnvelopeSchema = z.object({
  batch: z.array(z.object({ id: z.string() }).passthrough()),
  metadata: z.unknown().optional(),
});

export type IngestionEventRecord = z.infer<typeof IngestionEventSchema>;
export type CreateScoreRecord = z.infer<typeof CreateScoreRequestSchema>;
