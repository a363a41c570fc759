// Preloaded into the service by the benchmark (node --require): records the event loop's delay
// and writes its percentiles to EVENT_LOOP_PROBE_FILE when the process exits, so a section can
// tell a slow upstream from a busy service. Plain CommonJS: it must load without tsx.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { monitorEventLoopDelay } = require('node:perf_hooks');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeFileSync } = require('node:fs');

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
process.on('exit', () => {
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  const stats = {
    p50: ms(histogram.percentile(50)),
    p90: ms(histogram.percentile(90)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
  };
  writeFileSync(process.env.EVENT_LOOP_PROBE_FILE, JSON.stringify(stats));
});
