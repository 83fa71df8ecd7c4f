DROP INDEX "cases_assignee_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "next_deadline_warned" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "deadline_rank" smallint GENERATED ALWAYS AS (case when next_deadline_at is null then 2 when next_deadline_warned then 0 else 1 end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "first_response_minutes" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "resolution_minutes" integer;--> statement-breakpoint
-- Hand-written: rows written before this migration take subject and warning from their snapshot.
-- Business minutes need the case's calendar, so those rows get them at their next write.
-- Odd snapshots must not stop the migration: a list that is not an array reads as empty,
-- a subject that is not text as none, and the next deadline is warned when any open
-- deadline with its ID has `warned: true` (as activities/case-figures.ts decides), so
-- duplicated IDs and non-boolean flags never fail a cast or a scalar subquery.
UPDATE "cases" SET
  "subject" = CASE jsonb_typeof("snapshot"->'subject') WHEN 'string' THEN "snapshot"->>'subject' END,
  "next_deadline_warned" = EXISTS (
    SELECT 1 FROM jsonb_array_elements(CASE jsonb_typeof("snapshot"->'openDeadlines') WHEN 'array' THEN "snapshot"->'openDeadlines' ELSE '[]'::jsonb END) d
    WHERE d->>'id' = "snapshot"->'nextDeadline'->>'id' AND d->'warned' = 'true'::jsonb);--> statement-breakpoint
CREATE INDEX "cases_queue_idx" ON "cases" USING btree ("deadline_rank","next_deadline_at","case_id");--> statement-breakpoint
CREATE INDEX "cases_assignee_queue_idx" ON "cases" USING btree ("assignee","deadline_rank","next_deadline_at","case_id");--> statement-breakpoint
CREATE INDEX "cases_unit_queue_idx" ON "cases" USING btree ("unit","deadline_rank","next_deadline_at","case_id");