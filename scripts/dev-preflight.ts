// What `npm start` checks before it starts anything, so a conflict is one clear line at
// once rather than a bind error from the dev server a quarter of a minute in:
//  - one `npm start` per data folder (a second one would share PGlite's files and the
//    dev server's database): the first records its process ID in the folder;
//  - every port it will listen on is free, each named by the variable that sets it.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const LOCK_NAME = 'npm-start.pid';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
};

/** Claims the data folder for this process; throws naming the process that holds it. */
export function claimDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new Error(`Casekeeper is already running from ${dataDir} (npm start, process ${holder}): use that one, or stop it (Ctrl-C in its terminal, or kill ${holder}) first`);
      }
      fs.rmSync(file, { force: true }); // left by a process that is gone
    }
  }
  throw new Error(`cannot claim ${file}`);
}

function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** Throws for the first port in use, naming the variable that chose it. */
export async function requireFreePorts(ports: Array<{ port: number; host: string; variable: string }>): Promise<void> {
  for (const { port, host, variable } of ports) {
    if (!(await portIsFree(port, host))) {
      throw new Error(`port ${port} on ${host} is already in use by another program: stop it, or set ${variable} to a free port`);
    }
  }
}
