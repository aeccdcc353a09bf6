// CPU time the main thread has run, and the time it waited for a CPU, in ms, from Linux's per-thread scheduler
// statistics; undefined elsewhere. The CPU time is steadier than wall time on a shared machine: the waiting (other
// tenants, V8's own background threads on two cores) is counted apart, and garbage collection on helper threads
// is not counted at all.
const { readFileSync } = require('node:fs');

/** The main thread's [ms run on a CPU, ms waited on the run queue for one], or undefined off Linux. */
function threadSchedMs() {
  try {
    const [run, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ');
    return [Number(run) / 1e6, Number(wait) / 1e6];
  } catch {
    return undefined;
  }
}

/**
 * Starts counting: the returned function gives, since then, the CPU ms of the main thread and the ms it waited
 * for a CPU while ready to run (both undefined where unknown), and the CPU ms of the whole process, V8's
 * background threads included (its optimizing compiler, GC helpers). On two cores those threads and the main
 * thread compete, so the wait is wall time that the main thread's own work does not explain.
 */
function startCpuClock() {
  const started = threadSchedMs();
  const processStarted = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(processStarted);
    const now = started === undefined ? undefined : threadSchedMs();
    return {
      main: now === undefined ? undefined : now[0] - started[0],
      waited: now === undefined ? undefined : now[1] - started[1],
      process: (used.user + used.system) / 1000,
    };
  };
}

module.exports = { startCpuClock };
