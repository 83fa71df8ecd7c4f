// temporal-docker-compose.yml cannot be run here (no Docker engine), so its content is
// checked: every server the docs promise is in it, it registers exactly the search
// attributes the workflow writes, with the right types, and its Temporal server is the
// release the cluster suite builds and tests (scripts/lib/temporal-cluster.sh).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CASE_SEARCH_ATTRIBUTES } from '../../workflows/case/search-attributes';
import { testedServerVersion } from '../helpers/server-version';

const file = path.resolve(__dirname, '../../temporal-docker-compose.yml');
const compose = parse(fs.readFileSync(file, 'utf8')) as { services: Record<string, { image: string; command?: string[]; ports?: string[] }> };

describe('temporal-docker-compose.yml', () => {
  it('runs Temporal on PostgreSQL, its UI and a PostgreSQL for Casekeeper on the ports the README names', () => {
    const s = compose.services;
    expect(s.temporal?.image).toMatch(/^temporalio\/auto-setup:/);
    expect(s['temporal-ui']?.ports).toContain('8233:8080');
    expect(s.temporal?.ports).toContain('7233:7233');
    expect(s['casekeeper-postgresql']?.ports).toContain('5433:5432');
  });

  it('registers every search attribute of the case workflow with its type', () => {
    const script = compose.services['temporal-search-attributes']!.command!.join('\n');
    const registered = [...script.matchAll(/(\w+)=(Keyword|Int|Bool|Datetime|Double|Text)/g)].map((m) => `${m[1]}=${m[2]!.toUpperCase()}`);
    expect(registered.sort()).toEqual(CASE_SEARCH_ATTRIBUTES.map((k) => `${k.name}=${k.type}`).sort());
  });

  it('runs the Temporal server release the cluster suite tests, with admin tools of the same release', () => {
    const tested = testedServerVersion();
    expect(compose.services.temporal?.image).toBe(`temporalio/auto-setup:${tested}`);
    expect(compose.services['temporal-search-attributes']?.image).toBe(`temporalio/admin-tools:${tested}`);
  });
});
