DROP INDEX "cases_assignee_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "next_deadline_warned" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "deadline_rank" smallint GENERATED ALWAYS AS (case when next_deadline_at is null then 2 when next_deadline_warned then 0 else 1 end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "first_response_minutes" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "resolution_minutes" integer;--> statement-breakpoint
-- Hand-written: rows written before this migration take subject and warning from their snapshot.
-- Business minutes need the case's calendar, so those rows get them at their next write.
UPDATE "cases" SET "subject" = "snapshot"->>'subject', "next_deadline_warned" = coalesce((SELECT (d->>'warned')::boolean FROM jsonb_array_elements("snapshot"->'openDeadlines') d WHERE d->>'id' = "snapshot"->'nextDeadline'->>'id'), false);--> statement-breakpoint
CREATE INDEX "cases_queue_idx" ON "cases" USING btree ("deadline_rank","next_deadline_at","case_id");--> statement-breakpoint
CREATE INDEX "cases_assignee_queue_idx" ON "cases" USING btree ("assignee","deadline_rank","next_deadline_at","case_id");--> statement-breakpoint
CREATE INDEX "cases_unit_queue_idx" ON "cases" USING btree ("unit","deadline_rank","next_deadline_at","case_id");