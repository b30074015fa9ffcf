import { defineConfig } from 'vitest/config'

// Workspace packages resolve to their TypeScript sources through the `@kehu/source`
// export condition, so tests never run against a stale build.
const resolve = { conditions: ['@kehu/source'] }

export default defineConfig({
  test: {
    passWithNoTests: true,
    projects: [
      {
        resolve,
        test: {
          name: 'core',
          root: './packages/core',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        },
      },
      {
        resolve,
        test: {
          name: 'examples',
          root: './examples',
          include: ['**/*.test.ts'],
          exclude: ['**/node_modules/**'],
        },
      },
    ],
  },
})
