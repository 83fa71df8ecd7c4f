// The business-time modules are imported by Temporal workflow code, which must be
// deterministic: no Node built-ins, no I/O, no clock reads. This guards that.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const calendarModules = ['calendar-types', 'calendar-dates', 'calendar-zone', 'calendar-spec', 'calendar-day-intervals', 'calendar-walks', 'calendar-horizon'];
const modules = ['business-calendar', 'calendar-presets', 'sla-policy', 'deep-freeze', ...calendarModules].map((m) => `domain/${m}.ts`);
const allowedImports = new Set(['./business-calendar', './deep-freeze', ...calendarModules.map((m) => `./${m}`), 'chinese-days/dist/chinese-days.json']);

describe.each(modules)('%s', (file) => {
  const source = readFileSync(join(__dirname, '..', '..', file), 'utf8');
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

  it('when its imports are listed, then they are only sibling modules and the chinese-days data file', () => {
    const imports = [...code.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
    expect(imports.filter((i) => !allowedImports.has(i))).toEqual([]);
    expect(code).not.toMatch(/\brequire\s*\(|\bimport\s*\(/);
  });

  it('when its code is scanned, then it reads no clock, environment or randomness', () => {
    expect(code).not.toMatch(/Date\.now|new Date\(\s*\)|process\.|Math\.random|performance\./);
  });
});
