// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Import boundaries: dependencies point inward (http -> domain <- adapters). */
const noTransportInDomain = {
  patterns: [
    {
      group: ['express', 'express/*', 'axios', 'supertest'],
      message: 'domain code knows nothing of HTTP',
    },
    {
      group: ['node:fs', 'fs', 'node:fs/*', 'fs/*', 'node:http', 'http'],
      message: 'domain code does no I/O',
    },
    {
      group: ['**/http/**', '**/adapters/**'],
      message: 'domain code never imports transport or adapters',
    },
  ],
};

const noProcessEnv = {
  object: 'process',
  property: 'env',
  message: 'read config, not process.env',
};
/** Merging request data into objects with prototypes is how pollution gets in. */
const noObjectAssign = {
  object: 'Object',
  property: 'assign',
  message: 'build objects from zod output or Object.create(null); never merge request data',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'named exports only' },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noTransportInDomain] },
  },
  {
    files: ['src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/adapters/**'],
              message: 'routes reach adapters only through domain ports',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the process entry reads the environment.
    files: ['src/**/*.ts'],
    ignores: ['src/server.ts', 'src/cli/**'],
    rules: {
      'no-restricted-properties': ['error', noObjectAssign, noProcessEnv],
    },
  },
  {
    files: ['src/server.ts', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-properties': ['error', noObjectAssign] },
  },
);
