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
  // Leaving a key out of a copy (`const { [key]: _dropped, ...rest } = value`) needs a name
  // for the key that is left out.
  '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
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
    extends: [
      js.configs.recommended,
      tseslint.configs.strictTypeChecked,
      tseslint.configs.stylisticTypeChecked,
    ],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      ...projectRules,
      // Port numbers and counts go into generated text all the time; a number prints the same in
      // a template as through String(), and everything else (objects, undefined) is still refused.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => resolve()` and `return this.#show(message)` in a function that returns nothing are
      // the project's way of writing a one-line callback or an early exit; what the rule guards
      // against, a void value used as if it meant something, stays an error everywhere else.
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true },
      ],
    },
  },
  {
    // The scripts and servers written in plain JavaScript run in Node. TypeScript does not
    // check them (no `checkJs`), so every parameter and every import of an untyped package is
    // `any` there: the rules about `any` would flag each use of them and say nothing about a
    // mistake. The other type-aware rules (promises, conditions, templates) still apply.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-unary-minus': 'off',
      '@typescript-eslint/restrict-plus-operands': ['error', { allowAny: true }],
    },
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
  {
    // The <script> tags of .astro files, which ESLint sees as virtual files under the
    // component's path: the same rules as the frontmatter, for the same reason.
    files: ['**/*.astro/*.ts', '**/*.astro/*.js'],
    extends: [js.configs.recommended, tseslint.configs.strict, tseslint.configs.stylistic],
    rules: projectRules,
  },
  // Parser, processor and rules for .astro files; after typescript-eslint's blocks so that its
  // parser, not typescript-eslint's, reads them.
  astro.configs['flat/recommended'],
  prettier,
);
