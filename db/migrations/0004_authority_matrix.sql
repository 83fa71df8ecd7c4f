CREATE TABLE "authority_matrix_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"roles" jsonb NOT NULL,
	"agents" jsonb NOT NULL,
	"saved_by" text NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL
);
