import { defineConfig } from 'tsup'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    errors: 'src/errors.ts',
    'money/index': 'src/money/index.ts',
    'calendar/index': 'src/calendar/index.ts',
    'commission/index': 'src/commission/index.ts',
    'kpi/index': 'src/kpi/index.ts',
    'tiering/index': 'src/tiering/index.ts',
    'archive/index': 'src/archive/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  treeshake: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
})
