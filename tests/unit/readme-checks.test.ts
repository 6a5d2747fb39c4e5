/**
 * The README's "How each platform's output is checked" table is made from the
 * checks in tests/snippet-checks, so it says exactly what runs. After changing a
 * check, rewrite it with: UPDATE_README=1 npx vitest run tests/unit/readme-checks.test.ts
 */
import { test } from 'vitest';
import { expectReadmeSection } from './helpers/readme-section';
import { CHECKS } from '../snippet-checks';
import { checkTable } from '../snippet-checks/readme-table';

test("the README's table of snippet checks matches the checks", () => {
  expectReadmeSection('snippet-checks', checkTable(CHECKS));
});
