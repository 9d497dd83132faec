// An ESM app on openai 4.x: `import 'openai'` from this folder resolves to its own
// node_modules/openai (4.x), not the 6.x hoisted at the repository root.
import OpenAI from 'openai';
import { VERSION } from 'openai/version';
import { exercise } from '../exercise.cjs';

await exercise(OpenAI, VERSION, 'esm');
