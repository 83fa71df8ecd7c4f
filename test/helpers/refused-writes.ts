// PostgreSQL refusing every read-model write of one customer's cases (a trigger), as a
// constraint or a careless trigger would in production. Its exception quotes the row, so
// tests also see that the row's text never travels beyond the database error.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

export async function refuseCaseWritesOf(db: Db, customerId: string): Promise<void> {
  await db.execute(sql.raw(`
    CREATE OR REPLACE FUNCTION refuse_case_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.customer_id = '${customerId}' THEN RAISE EXCEPTION 'refused: %', NEW.snapshot::text; END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER refuse_case_write BEFORE INSERT OR UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION refuse_case_write();`));
}

export const allowCaseWrites = (db: Db): Promise<unknown> => db.execute(sql.raw('DROP TRIGGER refuse_case_write ON cases'));
