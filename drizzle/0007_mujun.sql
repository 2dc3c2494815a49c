CREATE TABLE "mujun_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"uscc" text NOT NULL,
	"kind" text NOT NULL,
	"field" text,
	"claimed_value" text,
	"reason" text NOT NULL,
	"evidence_name" text,
	"evidence_type" text,
	"evidence" "bytea",
	"filed_by" uuid,
	"filed_by_name" text NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"new_run_id" uuid
);
--> statement-breakpoint
CREATE TABLE "mujun_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class" text NOT NULL,
	"category" text NOT NULL,
	"measure" text NOT NULL,
	"department" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mujun_results" (
	"run_id" uuid NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"town" text,
	"industry" text,
	"division" text,
	"scale" text,
	"grp" text,
	"status" text NOT NULL,
	"total" double precision,
	"rank" integer,
	"class" text,
	"mujun" double precision,
	"ditan" double precision,
	"keji" double precision,
	"renjun" double precision,
	"indicators" jsonb NOT NULL,
	"adjustments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vetoes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "mujun_results_run_id_uscc_pk" PRIMARY KEY("run_id","uscc")
);
--> statement-breakpoint
CREATE TABLE "mujun_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"scheme_id" uuid NOT NULL,
	"scheme" jsonb NOT NULL,
	"input_csv" text NOT NULL,
	"input_sha256" text NOT NULL,
	"upload_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"parent_run_id" uuid,
	"reason" text,
	"groups" jsonb NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"enterprise_count" integer NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mujun_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"body" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mujun_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"row_count" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"records" jsonb NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "enterprise_uscc" text;--> statement-breakpoint
ALTER TABLE "mujun_appeals" ADD CONSTRAINT "mujun_appeals_run_id_mujun_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."mujun_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mujun_appeals" ADD CONSTRAINT "mujun_appeals_new_run_id_mujun_runs_id_fk" FOREIGN KEY ("new_run_id") REFERENCES "public"."mujun_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mujun_results" ADD CONSTRAINT "mujun_results_run_id_mujun_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."mujun_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mujun_runs" ADD CONSTRAINT "mujun_runs_scheme_id_mujun_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."mujun_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mujun_runs" ADD CONSTRAINT "mujun_runs_parent_run_id_mujun_runs_id_fk" FOREIGN KEY ("parent_run_id") REFERENCES "public"."mujun_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mujun_appeals_run_idx" ON "mujun_appeals" USING btree ("run_id","status");--> statement-breakpoint
CREATE INDEX "mujun_appeals_uscc_idx" ON "mujun_appeals" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "mujun_policies_class_idx" ON "mujun_policies" USING btree ("class","sort_order");--> statement-breakpoint
CREATE INDEX "mujun_results_rank_idx" ON "mujun_results" USING btree ("run_id","grp","rank");--> statement-breakpoint
CREATE INDEX "mujun_results_class_idx" ON "mujun_results" USING btree ("run_id","class");--> statement-breakpoint
CREATE INDEX "mujun_results_town_idx" ON "mujun_results" USING btree ("run_id","town");--> statement-breakpoint
CREATE INDEX "mujun_results_uscc_idx" ON "mujun_results" USING btree ("uscc");--> statement-breakpoint
CREATE UNIQUE INDEX "mujun_runs_year_version_uq" ON "mujun_runs" USING btree ("year","version");--> statement-breakpoint
CREATE UNIQUE INDEX "mujun_schemes_code_version_uq" ON "mujun_schemes" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "mujun_uploads_year_idx" ON "mujun_uploads" USING btree ("year","source","created_at");