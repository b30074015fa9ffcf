import { createRequire } from 'node:module'

import { defineConfig } from 'vitest/config'

// Workspace packages resolve to their TypeScript sources through the `@kehu/source`
// export condition, so tests never run against a stale build.
const resolve = { conditions: ['@kehu/source', 'module', 'node', 'import', 'default'] }
const ssr = { resolve: { conditions: ['@kehu/source', 'module', 'node', 'import', 'default'] } }

// graphql 16 ships an ESM and a CommonJS build without an exports map: the gateway's sources
// would get the ESM one and its dependencies (Pothos, yoga) the CommonJS one — two instances of
// graphql in one schema. Point the sources at the file the dependencies load.
const graphqlEntry = createRequire(new URL('./packages/graphql/package.json', import.meta.url)).resolve('graphql')
const graphqlResolve = { ...resolve, alias: [{ find: /^graphql$/, replacement: graphqlEntry }] }

export default defineConfig({
  test: {
    passWithNoTests: true,
    projects: [
      {
        resolve,
        ssr,
        test: {
          name: 'core',
          root: './packages/core',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          // A property test runs hundreds of generated cases: on a slow or shared machine one can
          // pass vitest's default 5 s. Tests assert behaviour; speed is the benchmarks' figure.
          testTimeout: 30_000,
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'examples',
          root: './examples',
          include: ['**/*.test.ts'],
          exclude: ['**/node_modules/**'],
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'cli',
          root: './packages/cli',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30_000,
          // The first gateway of each test process migrates and seeds the template database.
          hookTimeout: 60_000,
        },
      },
      {
        resolve: graphqlResolve,
        ssr,
        test: {
          name: 'graphql',
          root: './packages/graphql',
          include: ['src/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'src/generated/**'],
          testTimeout: 30_000,
        },
      },
    ],
  },
})
