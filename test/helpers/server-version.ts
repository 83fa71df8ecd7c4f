// The Temporal server release the cluster suite builds and tests, as scripts/lib/temporal-cluster.sh pins it.
import fs from 'node:fs';
import path from 'node:path';

export function testedServerVersion(): string {
  const script = fs.readFileSync(path.resolve(__dirname, '../../scripts/lib/temporal-cluster.sh'), 'utf8');
  const version = /^TEMPORAL_SERVER_VERSION=v(\d+\.\d+\.\d+)$/m.exec(script)?.[1];
  if (!version) throw new Error('scripts/lib/temporal-cluster.sh pins no TEMPORAL_SERVER_VERSION=vX.Y.Z');
  return version;
}
