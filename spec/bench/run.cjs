/**
 * Load benchmark: N sessions wait at once through one client against the simulator, in this
 * process, using the built package. Run with `npm run bench` or
 * `npm run bench -- --sessions 1000`; `--expose-gc` (set by the script) makes the heap figures
 * exact.
 *
 * Scenario "wait": every session is initialized, waits (status every 300 ms) until the
 * simulator approves it 1 s after it started, and reads its credentials.
 * Scenario "idle": every session holds a status$ subscription that has had its first answer
 * and sleeps until its next poll; measures what a waiting session costs at rest.
 */
const { parseArgs } = require('node:util');
const { setInterval, clearInterval } = require('node:timers');
const { firstValueFrom, filter, switchMap, take } = require('rxjs');

const { FastnAuth } = require('../../dist/index.cjs');
const { startSimulator } = require('../../dist/simulator.cjs');

const SAMPLE_EVERY_MS = 50;
const MB = 1024 * 1024;

const { values } = parseArgs({
  options: { sessions: { type: 'string', default: '5000' } },
});
const sessions = Number(values.sessions);
if (!Number.isInteger(sessions) || sessions < 1) {
  console.error(`--sessions must be a positive integer, got ${values.sessions}`);
  process.exit(2);
}

/** Collects garbage when the flag allows it, so heap figures hold live objects only. */
function collect() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

/** Peak RSS and heap, sampled while a scenario runs. */
function startSampling() {
  const peak = { rss: 0, heapUsed: 0 };
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peak.rss = Math.max(peak.rss, rss);
    peak.heapUsed = Math.max(peak.heapUsed, heapUsed);
  };
  sample();
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  return () => {
    clearInterval(timer);
    sample();
    return peak;
  };
}

/** Runs one scenario and measures it from a collected baseline. */
async function measure(name, { simulator, intervalMs }, body) {
  const sim = await startSimulator(simulator);
  const client = new FastnAuth({
    spaceId: sim.spaceId,
    apiKey: sim.apiKey,
    baseUrl: sim.url,
    polling: { intervalMs, timeoutMs: 600_000 },
  });

  collect();
  const baselineHeap = process.memoryUsage().heapUsed;
  const stopSampling = startSampling();
  const startedAt = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();

  const extra = await body(client, sim);

  const wallMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  const peak = stopSampling();
  const requests = sim.requestCount();
  await sim.close();

  return {
    scenario: name,
    sessions,
    'wall (s)': (wallMs / 1000).toFixed(1),
    'CPU user+sys (s)': ((cpu.user + cpu.system) / 1e6).toFixed(1),
    'peak RSS (MB)': (peak.rss / MB).toFixed(0),
    'peak heap (MB)': (peak.heapUsed / MB).toFixed(0),
    'heap/session (KB)': (
      (Math.max(extra.heapUsed ?? peak.heapUsed, baselineHeap) - baselineHeap) /
      1024 /
      sessions
    ).toFixed(1),
    requests,
    'req/s': Math.round(requests / (wallMs / 1000)),
    failed: extra.failed ?? 0,
  };
}

/** Every session waits to the end and reads its credentials. */
async function waitScenario(client) {
  const outcomes = await Promise.allSettled(
    Array.from({ length: sessions }, (_, index) =>
      firstValueFrom(
        client
          .initialize({ connectorId: 'google-sheets', tenantId: `tenant-${index}` })
          .pipe(switchMap((session) => session.waitForCompletion())),
      ),
    ),
  );
  const failures = outcomes.filter((outcome) => outcome.status === 'rejected');
  if (failures.length > 0) console.error('first failure:', String(failures[0].reason));
  return { failed: failures.length };
}

/** Every session holds a live status$ subscription, asleep between polls. */
async function idleScenario(client) {
  const idle = await Promise.all(
    Array.from({ length: sessions }, (_, index) =>
      firstValueFrom(client.initialize({ connectorId: 'slack', tenantId: `idle-${index}` })),
    ),
  );
  const subscriptions = [];
  await Promise.all(
    idle.map(
      (session) =>
        new Promise((resolve) => {
          // The first status arrives, then the loop sleeps until its next poll.
          subscriptions.push(session.status$.subscribe({ error: resolve }));
          firstValueFrom(session.status$.pipe(filter(Boolean), take(1))).then(resolve, resolve);
        }),
    ),
  );

  collect();
  const { heapUsed } = process.memoryUsage();
  for (const subscription of subscriptions) subscription.unsubscribe();
  return { heapUsed };
}

async function main() {
  const rows = [];
  // A user who approves each session 1 s after it started; status every 300 ms.
  const busy = { simulator: { approveAfterMs: 1000 }, intervalMs: 300 };
  rows.push(await measure('wait', busy, waitScenario));
  collect();
  // Nobody approves; one status each, then a minute's sleep before the next.
  const quiet = { simulator: {}, intervalMs: 60_000 };
  rows.push(await measure('idle status$', quiet, idleScenario));

  console.log(
    `fastn-auth load benchmark: node ${process.version}, ${require('node:os').cpus().length} cpus`,
  );
  console.table(rows);
  if (rows.some((row) => row.failed > 0)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
