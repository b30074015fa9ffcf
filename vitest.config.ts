import { defineConfig } from 'vitest/config'

// Workspace packages resolve to their TypeScript sources through the `@kehu/source`
// export condition, so tests never run against a stale build.
const resolve = { conditions: ['@kehu/source', 'module', 'node', 'import', 'default'] }
const ssr = { resolve: { conditions: ['@kehu/source', 'module', 'node', 'import', 'default'] } }

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
