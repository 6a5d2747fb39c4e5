/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit tests run through Astro's Vite config so `astro/zod` and `astro:content` resolve as in the build.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 120_000,
    // Vitest leaves one core free by default, which on a 2-core machine runs the files one by one.
    maxWorkers: 2,
    // `npm test` runs a failed test once more and names it if it then passes (scripts/run-tests.mjs).
    retry: process.env.RETRY_ONCE === '1' ? 1 : 0,
  },
});
