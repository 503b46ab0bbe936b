// ESLint (flat config): JavaScript's recommended rules and typescript-eslint's type-aware ones, over
// src/ and test/. Rules that do not fit this code are turned off below, each with the reason.
// Boundaries between rooms are dependency-cruiser's (.dependency-cruiser.cjs); formatting is Prettier's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'reports/', 'samples/', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.cjs', '*.ts', 'test/*/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // DESIGN.md's style: no `any`, no @ts-ignore (a @ts-expect-error must say why)
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Rethrowing what a catch caught (typed unknown) after keeping what came before it is how the
      // readers pass damage on; everything thrown here is an Error.
      '@typescript-eslint/only-throw-error': ['error', { allowThrowingUnknown: true }],
      // Finding control characters is part of the job (what a log holds is shown, not obeyed):
      // regular expressions over \x00-\x1f are deliberate here.
      'no-control-regex': 'off',
    },
  },
  {
    // The splitter's tests and fuzzers are kept as they were written when the splitter moved into
    // src/read/splitter/ (issue 14): only their import paths changed.
    files: ['test/read/splitter/**'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    // The HTML page's script (src/render/report-script/): browser code compiled as one classic script
    // (module "none", its own tsconfig), so its files share one scope and call each other without
    // import/export. ESLint sees one file at a time and would call every shared function unused;
    // tsc's noUnusedLocals, over the whole script, is the check that applies.
    files: ['src/render/report-script/**'],
    languageOptions: { globals: globals.browser },
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // Functions these scripts hand to Playwright's page.evaluate run in the browser.
    files: ['test/bench/html-bench.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The bench and tool scripts are plain JavaScript run by node: no types to check them against.
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tests take apart what the program wrote (JSON.parse is `any`) and assert on it: the assertion is
    // the check, so the rules against using an `any` value would only add casts.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      // test doubles of async callbacks and readers answer at once
      '@typescript-eslint/require-await': 'off',
    },
  },
);
