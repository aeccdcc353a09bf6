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

/**
 * Starts counting: the returned function gives the CPU ms since then of the main thread (undefined where
 * unknown) and of the whole process, V8's background threads included (its optimizing compiler, GC helpers).
 */
function startCpuClock() {
  const started = threadCpuMs();
  const processStarted = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(processStarted);
    return { main: started === undefined ? undefined : threadCpuMs() - started, process: (used.user + used.system) / 1000 };
  };
}

module.exports = { startCpuClock };
