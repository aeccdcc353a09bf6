// Root hooks for the JSON-RPC layer. A server process a test leaves running keeps mocha's event loop, and so the
// whole CI run, alive after the last test; this turns that into a failure that names the leftover processes. Once
// this check has run, mocha exits (`exit` in .mocharc.json) even if some other handle is left: a CI run once stalled
// after this layer's last test, which could not be reproduced here.
import { running } from './server';

const EXIT_WAIT_MS = 5000;

export const mochaHooks = {
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(EXIT_WAIT_MS + 5000);
    const leftovers = [...running];
    if (leftovers.length === 0) return;
    const exited = Promise.all(leftovers.map((server) => server.whenExited));
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), EXIT_WAIT_MS))),
    ]);
    clearTimeout(timer);
    if (waited) return;
    const still = [...running];
    for (const server of still) server.process.kill('SIGKILL');
    throw new Error(
      `${still.length} language server process(es) still running after the last test (pids ${still.map((s) => s.process.pid).join(', ')}): ` +
        'a test did not stop or dispose the server it started',
    );
  },
};
