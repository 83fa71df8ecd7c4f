// Time zones. Offsets come from Intl (the only tz database available without I/O).
// Formatting is slow (~1-4 us), so offsets are cached per zone in blocks of BLOCK_MS:
// the offset is probed at block starts and, when two starts differ, the change instant
// is found by bisection. This assumes at most one offset change per block; a scan of
// tzdata 1900-2100 found no two changes closer than 7 days. One Zone per name is shared
// by every calendar in that zone.
import { DAY } from './calendar-dates';

// Hot paths hold Math in module constants: inside a vm context (the workflow sandbox,
// Jest) every global lookup goes through the context's global proxy, ~10x slower.
const { floor } = Math;
const POSITIVE_INFINITY = 1 / 0;

const BLOCK_MS = 4 * DAY;
/** en-US numeric output, e.g. "3/9/2025, 03:30:00". */
const EN_US_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

interface Block {
  before: number;
  /** Instant of the offset change inside the block, or +Infinity. */
  changeAt: number;
  after: number;
}

export class Zone {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly probes = new Map<number, number>();
  private readonly blocks = new Map<number, Block>();

  constructor(readonly name: string) {
    const n = 'numeric';
    this.fmt = new Intl.DateTimeFormat('en-US', { timeZone: name, hourCycle: 'h23', year: n, month: n, day: n, hour: n, minute: n, second: n });
  }

  /** UTC offset (ms, local minus UTC) in force at instant t. */
  offsetAt(t: number): number {
    const b = floor(t / BLOCK_MS);
    let block = this.blocks.get(b);
    if (!block) {
      block = this.buildBlock(b);
      if (this.blocks.size > 100_000) this.blocks.clear(); // bound memory on odd workloads
      this.blocks.set(b, block);
    }
    return t < block.changeAt ? block.before : block.after;
  }

  /** Instant of local wall time `wall` (ms, as if UTC); gaps move forward, overlaps take the earlier. */
  toInstant(wall: number): number {
    // Offsets a day either side bracket any single change near this wall time.
    const early = this.offsetAt(wall - DAY);
    const late = this.offsetAt(wall + DAY);
    let best = NaN;
    if (this.offsetAt(wall - early) === early) best = wall - early;
    if (late !== early && this.offsetAt(wall - late) === late) {
      const t = wall - late;
      if (Number.isNaN(best) || t < best) best = t;
    }
    // Neither offset fits: the wall time is in a gap; the pre-change offset moves it forward.
    return Number.isNaN(best) ? wall - early : best;
  }

  /**
   * The offset in force for every wall time in [wallFrom, wallTo] when no change
   * happens anywhere near them, else NaN. Lets a whole local date convert with
   * plain arithmetic.
   */
  steadyOffset(wallFrom: number, wallTo: number): number {
    const o = this.offsetAt(wallFrom - DAY);
    return this.offsetAt(wallTo + DAY) === o ? o : NaN;
  }

  /** Local wall time of instant t (ms, as if UTC). */
  toWall(t: number): number {
    return t + this.offsetAt(t);
  }

  private buildBlock(b: number): Block {
    const start = b * BLOCK_MS;
    const before = this.probeAt(start);
    const next = this.probeAt(start + BLOCK_MS);
    if (before === next) return { before, changeAt: POSITIVE_INFINITY, after: before };
    // Bisect on whole seconds: tzdata changes happen on second boundaries.
    let lo = start / 1000; // offset === before
    let hi = (start + BLOCK_MS) / 1000; // offset !== before
    while (hi - lo > 1) {
      const mid = floor((lo + hi) / 2);
      if (this.rawOffset(mid * 1000) === before) lo = mid;
      else hi = mid;
    }
    return { before, changeAt: hi * 1000, after: this.rawOffset(hi * 1000) };
  }

  private probeAt(t: number): number {
    let o = this.probes.get(t);
    if (o === undefined) {
      o = this.rawOffset(t);
      if (this.probes.size > 100_000) this.probes.clear();
      this.probes.set(t, o);
    }
    return o;
  }

  private rawOffset(t: number): number {
    const secs = floor(t / 1000) * 1000;
    // format() + a regex is ~3x faster than formatToParts(); the parts path is the
    // fallback should an ICU version ever print en-US differently.
    const m = EN_US_RE.exec(this.fmt.format(secs));
    if (m) {
      const local = Date.UTC(+m[3]!, +m[1]! - 1, +m[2]!, +m[4]! % 24, +m[5]!, +m[6]!);
      return local - secs;
    }
    let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    for (const p of this.fmt.formatToParts(secs)) {
      switch (p.type) {
        case 'year': y = Number(p.value); break;
        case 'month': mo = Number(p.value); break;
        case 'day': d = Number(p.value); break;
        case 'hour': h = Number(p.value) % 24; break;
        case 'minute': mi = Number(p.value); break;
        case 'second': s = Number(p.value); break;
        default: break;
      }
    }
    return Date.UTC(y, mo - 1, d, h, mi, s) - secs;
  }
}

const zones = new Map<string, Zone>();
export function zoneFor(name: string): Zone {
  let z = zones.get(name);
  if (!z) {
    z = new Zone(name);
    zones.set(name, z);
  }
  return z;
}

export function isValidTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0) return false;
  if (zones.has(name)) return true; // constructing a formatter costs ~0.1 ms; reuse it
  try {
    zoneFor(name);
    return true;
  } catch {
    return false;
  }
}
