import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { bin: 'src/bin.ts', index: 'src/index.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  splitting: true,
  treeshake: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
})
