import { defineConfig } from 'vitest/config';

// Unit tests live beside each package (packages/*/test), cross-package and end-to-end tests in
// test/. Every test imports packages by name, so it runs against the built dist/ a user gets.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'test/bench/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default'],
  },
});
