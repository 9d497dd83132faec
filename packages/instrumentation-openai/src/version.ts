/** Package name, used as the instrumentation (tracer and meter) name. */
export const PACKAGE_NAME = '@spanfuse/instrumentation-openai';
/** Kept equal to package.json's version (importing JSON would differ between ESM and CJS). */
export const PACKAGE_VERSION = '0.1.0';
