// Recorded histories stand for cases already running on a released version: replaying them
// only proves something if they stay as recorded. SHA256SUMS pins each one (the recorder
// appends to it and never overwrites a file); a history re-recorded, edited or deleted
// fails here, and a new one must be added through the recorder.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(__dirname, '../replay/histories');
const pinned = new Map(
  fs
    .readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [sum, file] = line.split(/\s+/);
      return [file!, sum!] as const;
    }),
);

describe('recorded replay histories', () => {
  it('when the histories folder is read, then every history is pinned and every pinned history is there', () => {
    const present = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    expect(present).toEqual([...pinned.keys()].sort());
  });

  it.each([...pinned])('when %s is read, then it is byte for byte as recorded', (file, sum) => {
    expect(createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex')).toBe(sum);
  });
});
