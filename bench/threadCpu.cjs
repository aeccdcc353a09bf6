// CPU time the main thread has run, in ms, from Linux's per-thread scheduler statistics; undefined elsewhere.
// Steadier than wall time on a shared machine: time the thread waits for a CPU (other tenants, V8's own
// background threads on two cores) is not counted. Garbage collection on helper threads is not counted either.
const { readFileSync } = require('node:fs');

function threadCpuMs() {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/** Starts counting: the returned function gives the main thread's CPU ms since then (undefined where unknown). */
function startCpuClock() {
  const started = threadCpuMs();
  return () => (started === undefined ? undefined : threadCpuMs() - started);
}

module.exports = { startCpuClock };
