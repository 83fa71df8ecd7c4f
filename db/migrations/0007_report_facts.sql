ALTER TABLE "cases" ADD COLUMN "first_responded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "first_response_breached" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "appeal_outcome" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "report_tallies" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Hand-written: rows written before take the report's facts from their snapshot, as
-- activities/case-figures.ts derives them at every write.
UPDATE "cases" SET
  "first_responded_at" = ("snapshot"->>'firstRespondedAt')::timestamptz,
  "first_response_breached" = coalesce("snapshot"->'breaches', '[]') @> '[{"clock":"FIRST_RESPONSE"}]',
  "appeal_outcome" = CASE WHEN jsonb_typeof("snapshot"->'appeal') = 'object' THEN coalesce("snapshot"->'appeal'->>'decision', 'UNDER_REVIEW') END,
  "report_tallies" = (SELECT coalesce(jsonb_agg(t.x), '[]') FROM (
      SELECT jsonb_build_array('breach', b->>'clock') AS x FROM jsonb_array_elements(coalesce("snapshot"->'breaches', '[]')) b
      UNION ALL SELECT jsonb_build_array('level', e->>'toLevel') FROM jsonb_array_elements(coalesce("snapshot"->'escalations', '[]')) e
      UNION ALL SELECT jsonb_build_array('trigger', e->>'trigger') FROM jsonb_array_elements(coalesce("snapshot"->'escalations', '[]')) e
      UNION ALL SELECT jsonb_build_array('rating', f->>'rating') FROM jsonb_array_elements(coalesce("snapshot"->'feedback', '[]')) f
      UNION ALL SELECT jsonb_build_array('compensation', (g->>'currency') || ' ' || (g->>'status'), (g->>'amount')::bigint) FROM jsonb_array_elements(coalesce("snapshot"->'compensation', '[]')) g
    ) t);
