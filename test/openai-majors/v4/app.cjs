// A CommonJS app on openai 4.x: `require('openai')` from this folder resolves to its own
// node_modules/openai (4.x), not the 6.x hoisted at the repository root.
const OpenAI = require('openai');
const { VERSION } = require('openai/version');
const { exercise } = require('../exercise.cjs');

exercise(OpenAI, VERSION, 'cjs');
