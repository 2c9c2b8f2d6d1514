import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: runs in browsers and Node alike, so nothing here may import a Node module.
    entry: { index: 'lib/index.ts', promise: 'lib/promise/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'neutral',
    target: 'es2022',
    dts: { compilerOptions: { ignoreDeprecations: '6.0', stripInternal: true } },
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
  },
  {
    // Node-only entry points: the local simulator and the command-line tool.
    entry: { simulator: 'lib/simulator/index.ts', cli: 'lib/cli/main.ts' },
    format: ['esm', 'cjs'],
    platform: 'node',
    target: 'node20',
    dts: {
      entry: { simulator: 'lib/simulator/index.ts' },
      compilerOptions: { ignoreDeprecations: '6.0' },
    },
    sourcemap: true,
    splitting: false,
  },
]);
