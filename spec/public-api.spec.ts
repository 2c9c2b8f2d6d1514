/**
 * The package as its users get it: the built entry points under dist/ (the test command builds
 * first; run `npm run build` before running this file alone).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');

const ERRORS = [
  'AbortedError',
  'AuthenticationError',
  'FastnAuthError',
  'InvalidArgumentError',
  'InvalidResponseError',
  'NetworkError',
  'TimeoutError',
  'isAbortedError',
  'isAuthenticationError',
  'isFastnAuthError',
  'isInvalidArgumentError',
  'isInvalidResponseError',
  'isNetworkError',
  'isTimeoutError',
];

const SHARED_TYPES = [
  'AuthResult',
  'AuthStatus',
  'ConnectorParams',
  'Credentials',
  'EndpointPaths',
  'FastnAuthErrorCode',
  'FastnAuthOptions',
  'HttpRequest',
  'Logger',
  'NetworkErrorInfo',
  'PollOptions',
  'SessionState',
  'StatusResponse',
  'TimeoutInfo',
  'Transport',
];

const ENTRIES = {
  index: {
    values: ['AuthSession', 'DEFAULT_ENDPOINTS', 'FastnAuth', ...ERRORS],
    types: SHARED_TYPES,
  },
  promise: {
    values: ['AuthSession', 'FastnAuth', ...ERRORS],
    types: [...SHARED_TYPES, 'SignalOption', 'WaitOptions'],
  },
} as const;

/** Names a module may not mention: Node built-ins and the Node-only parts of the package. */
const FORBIDDEN = [
  /\bfrom\s*["']node:/,
  /\bimport\(\s*["']node:/,
  /\brequire\(\s*["']node:/,
  /\b(?:from|require\(|import\()\s*["'](?:fs|http|https|net|path|fastify|commander)["']/,
  /\bsimulator\b/i,
];

function distFile(name: string): string {
  const path = join(DIST, name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
  return path;
}

/** A built file and every chunk it imports, transitively. */
function withChunks(entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const pending = [distFile(entry)];

  while (pending.length > 0) {
    const path = pending.pop() as string;
    if (files.has(path)) continue;
    const text = readFileSync(path, 'utf8');
    files.set(path, text);

    const relative = /(?:from\s*|import\(\s*|require\(\s*)["'](\.\/[^"']+)["']/g;
    for (const match of text.matchAll(relative)) {
      pending.push(join(dirname(path), match[1] as string));
    }
  }
  return files;
}

/** The names a declaration file exports, values and types alike. */
function declaredExports(entry: string): string[] {
  const text = readFileSync(distFile(entry), 'utf8');
  const names: string[] = [];
  for (const clause of text.matchAll(/^export \{([^}]*)\}/gm)) {
    for (const item of (clause[1] as string).split(',')) {
      const words = item
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/);
      names.push(words[words.length - 1] as string);
    }
  }
  return names.sort();
}

describe('the public API', () => {
  it.each(Object.entries(ENTRIES))(
    'dist/%s.cjs exports exactly its runtime values',
    (entry, api) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(distFile(`${entry}.cjs`)) as Record<string, unknown>;

      expect(Object.keys(module).sort()).toEqual([...api.values].sort());
    },
  );

  it.each(Object.entries(ENTRIES))(
    'dist/%s.d.ts declares exactly its values and types',
    (entry, api) => {
      expect(declaredExports(`${entry}.d.ts`)).toEqual([...api.values, ...api.types].sort());
    },
  );

  it.each(['index.js', 'promise.js', 'index.cjs', 'promise.cjs'])(
    'dist/%s and its chunks import no Node module, server or CLI',
    (entry) => {
      const files = withChunks(entry);

      expect(files.size).toBeGreaterThan(1);
      for (const [path, text] of files) {
        for (const pattern of FORBIDDEN) {
          expect({ path, match: pattern.exec(text)?.[0] }).toEqual({ path, match: undefined });
        }
      }
    },
  );

  it('package.json exposes only the library, the promise flavour and the simulator', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
    };

    expect(Object.keys(manifest.exports).sort()).toEqual([
      '.',
      './package.json',
      './promise',
      './simulator',
    ]);
  });

  it('the promise flavour shares the error classes of the main entry', () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const main = require(distFile('index.cjs')) as Record<string, unknown>;
    const promise = require(distFile('promise.cjs')) as Record<string, unknown>;
    /* eslint-enable @typescript-eslint/no-require-imports */

    for (const name of ERRORS) expect(promise[name]).toBe(main[name]);
  });
});
