ALTER TABLE "cases" ADD COLUMN "first_responded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "first_response_breached" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "appeal_outcome" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "report_tallies" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Hand-written: rows written before take the report's facts from their snapshot, as
-- activities/case-figures.ts derives them at every write. Odd snapshots must not stop the
-- migration: a list that is not an array reads as empty, a first-response time that is
-- not an ISO 8601 instant PostgreSQL can read as none, an amount that is not a whole
-- number as none (nested CASEs: PostgreSQL may evaluate AND's sides in any order).
UPDATE "cases" SET
  "first_responded_at" = CASE WHEN jsonb_typeof("snapshot"->'firstRespondedAt') = 'string'
      AND "snapshot"->>'firstRespondedAt' ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-](0[0-9]|1[0-5]):[0-5][0-9])$'
      AND left("snapshot"->>'firstRespondedAt', 4) <> '0000'
    THEN CASE WHEN to_char((left("snapshot"->>'firstRespondedAt', 7) || '-01')::date + (substr("snapshot"->>'firstRespondedAt', 9, 2)::int - 1), 'YYYY-MM-DD') = left("snapshot"->>'firstRespondedAt', 10)
      THEN ("snapshot"->>'firstRespondedAt')::timestamptz END END,
  "first_response_breached" = CASE jsonb_typeof("snapshot"->'breaches') WHEN 'array' THEN "snapshot"->'breaches' ELSE '[]'::jsonb END @> '[{"clock":"FIRST_RESPONSE"}]',
  "appeal_outcome" = CASE WHEN jsonb_typeof("snapshot"->'appeal') = 'object' THEN coalesce("snapshot"->'appeal'->>'decision', 'UNDER_REVIEW') END,
  "report_tallies" = (SELECT coalesce(jsonb_agg(t.x), '[]') FROM (
      SELECT jsonb_build_array('breach', b->>'clock') AS x FROM jsonb_array_elements(CASE jsonb_typeof("snapshot"->'breaches') WHEN 'array' THEN "snapshot"->'breaches' ELSE '[]'::jsonb END) b
      UNION ALL SELECT jsonb_build_array('level', e->>'toLevel') FROM jsonb_array_elements(CASE jsonb_typeof("snapshot"->'escalations') WHEN 'array' THEN "snapshot"->'escalations' ELSE '[]'::jsonb END) e
      UNION ALL SELECT jsonb_build_array('trigger', e->>'trigger') FROM jsonb_array_elements(CASE jsonb_typeof("snapshot"->'escalations') WHEN 'array' THEN "snapshot"->'escalations' ELSE '[]'::jsonb END) e
      UNION ALL SELECT jsonb_build_array('rating', f->>'rating') FROM jsonb_array_elements(CASE jsonb_typeof("snapshot"->'feedback') WHEN 'array' THEN "snapshot"->'feedback' ELSE '[]'::jsonb END) f
      UNION ALL SELECT jsonb_build_array('compensation', (g->>'currency') || ' ' || (g->>'status'),
          CASE WHEN jsonb_typeof(g->'amount') IN ('number', 'string') AND g->>'amount' ~ '^-?[0-9]{1,18}$' THEN (g->>'amount')::bigint END)
        FROM jsonb_array_elements(CASE jsonb_typeof("snapshot"->'compensation') WHEN 'array' THEN "snapshot"->'compensation' ELSE '[]'::jsonb END) g
    ) t);
