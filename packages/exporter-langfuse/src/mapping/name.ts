/**
 * Observation name, as the server's `extractName`: `gen_ai.tool.name` (tool spans are named
 * "execute_tool get_weather" by semconv; Langfuse shows the tool) > Vercel `ai.toolCall.name` >
 * Vercel `<ai.telemetry.functionId>:<ai.operationId>` > the span name.
 */
import type { Attributes } from '@opentelemetry/api';
import { GEN_AI, VERCEL_AI } from '../attributes.js';
import { readString } from './read.js';

/** The Langfuse observation name of a span. */
export function nameOf(spanName: string, attributes: Attributes): string {
  const tool = readString(attributes, GEN_AI.TOOL_NAME) ?? readString(attributes, VERCEL_AI.TOOL_CALL_NAME);
  if (tool !== undefined) return tool;
  const operationId = readString(attributes, VERCEL_AI.OPERATION_ID);
  if (operationId !== undefined) {
    const functionId = readString(attributes, VERCEL_AI.FUNCTION_ID);
    return functionId === undefined ? operationId : `${functionId}:${operationId}`;
  }
  return spanName;
}
