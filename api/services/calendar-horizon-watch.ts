// Calendars running out of holiday data: days to each horizon as a Prometheus gauge, and a
// warning 60 days ahead, logged when the API starts and once a day, and shown on /readyz
// (still 200: cases keep opening, their far deadlines are marked provisional).
import type { Logger } from 'pino';
import { Gauge, type Registry } from 'prom-client';
import { horizonsInForce, type CalendarInForce } from '../../db/calendar-horizons';
import type { Db } from '../../db/client';

export const HORIZON_WARNING_DAYS = 60;
const DAY_MS = 86_400_000;

export interface HorizonWarning {
  calendarId: string;
  version: number;
  coveredThrough: string;
  /** Whole days until the covered data ends; negative once it has. */
  daysLeft: number;
}

const daysLeft = (c: CalendarInForce, now: Date): number => Math.floor((c.horizon.endsAt.getTime() - now.getTime()) / DAY_MS);

/** Calendars in force whose holiday data ends within HORIZON_WARNING_DAYS (or has ended). */
export async function horizonWarnings(db: Db, now: Date): Promise<HorizonWarning[]> {
  return (await horizonsInForce(db))
    .map((c) => ({ calendarId: c.calendarId, version: c.version, coveredThrough: c.horizon.coveredThrough, daysLeft: daysLeft(c, now) }))
    .filter((w) => w.daysLeft <= HORIZON_WARNING_DAYS);
}

/** `casekeeper_calendar_horizon_days{calendar, version}`, read from the database at each scrape. */
export function registerHorizonGauge(db: Db, registry: Registry): void {
  new Gauge({
    name: 'casekeeper_calendar_horizon_days',
    help: 'Days until the holiday data of each calendar in force (its newest version) runs out; negative once it has',
    labelNames: ['calendar', 'version'],
    registers: [registry],
    async collect() {
      const now = new Date();
      const calendars = await horizonsInForce(db);
      this.reset();
      for (const c of calendars) this.set({ calendar: c.calendarId, version: String(c.version) }, daysLeft(c, now));
    },
  });
}

/** Logs a warning per calendar near its horizon now and every day after; returns a stop. */
export function startHorizonWarnings(db: Db, logger: Logger): () => void {
  const check = async (): Promise<void> => {
    try {
      for (const w of await horizonWarnings(db, new Date())) {
        logger.warn(w, `calendar ${w.calendarId} v${w.version}: holiday data covers through ${w.coveredThrough} (${w.daysLeft} days left); import the next year's official holidays (docs/BUSINESS-TIME.md)`);
      }
    } catch (err) {
      logger.warn({ err: (err as Error).name }, 'calendar horizons could not be checked');
    }
  };
  void check();
  const timer = setInterval(() => void check(), DAY_MS);
  timer.unref(); // a warning never keeps the process alive
  return () => clearInterval(timer);
}
