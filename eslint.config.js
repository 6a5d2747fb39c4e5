// ESLint for the whole project (README, "Quality gates"). TypeScript and plain JavaScript are
// linted with typescript-eslint's strict and stylistic type-checked rules, so mistakes that only
// the types reveal (a promise nobody awaits, an object printed into a template) fail the lint.
// Formatting is Prettier's job alone: eslint-config-prettier comes last and switches off every
// rule that would argue with it.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Rule settings shared by the type-checked files and the .astro frontmatter. */
const projectRules = {
  // The project compiles with `noUncheckedIndexedAccess`, so an index that the code has just proved
  // in range still reads as possibly undefined; a `!` there is how the code states what it knows.
  // Replacing each one with a throw or a cast would change behaviour or hide the same claim.
  '@typescript-eslint/no-non-null-assertion': 'off',
};

export default defineConfig(
  {
    // Build output, caches, reports, and the fixtures: bad data for the failure tests and a
    // separate stock Starlight site that is built as the page-weight yardstick.
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
      'tests/fixtures/',
    ],
  },
  {
    files: ['**/*.{ts,mts,js,mjs}'],
    // The scripts of .astro files reach ESLint as virtual files under the component's path;
    // they have no type information and are linted by the .astro block below.
    ignores: ['**/*.astro/*'],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      ...projectRules,
      // Port numbers and counts go into generated text all the time; a number prints the same in
      // a template as through String(), and everything else (objects, undefined) is still refused.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // The scripts and servers written in plain JavaScript run in Node.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // typescript-eslint cannot type-check the frontmatter of .astro files: the project service
    // reads them as plain TypeScript, and through the astro parser the `Astro` global, imports
    // of other components and `astro:content` have no types, so the type-checked rules report
    // false positives on every page. The frontmatter gets the rules that need no types, and
    // `astro check` type-checks it.
    files: ['**/*.astro'],
    extends: [tseslint.configs.strict, tseslint.configs.stylistic],
    rules: projectRules,
  },
  // Parser, processor and rules for .astro files; after typescript-eslint's blocks so that its
  // parser, not typescript-eslint's, reads them.
  astro.configs['flat/recommended'],
  prettier,
);
