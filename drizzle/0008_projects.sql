CREATE TABLE "project_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"verdict" text NOT NULL,
	"result" jsonb NOT NULL,
	"entered" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rectify_by" date,
	"decided_by" uuid,
	"decided_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"comment" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "project_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"event_id" bigint,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"month" text NOT NULL,
	"investment_month" double precision NOT NULL,
	"investment_to_date" double precision NOT NULL,
	"progress" text NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_stages" (
	"project_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"planned_on" date,
	"actual_on" date,
	"evidence" text,
	CONSTRAINT "project_stages_project_id_stage_pk" PRIMARY KEY("project_id","stage")
);
--> statement-breakpoint
CREATE TABLE "project_units" (
	"project_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "project_units_project_id_unit_id_role_pk" PRIMARY KEY("project_id","unit_id","role")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"name" text NOT NULL,
	"investor_name" text NOT NULL,
	"investor_uscc" text,
	"investor_flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text NOT NULL,
	"fund_name" text,
	"industry_code" text,
	"track" text,
	"total_investment" double precision NOT NULL,
	"fixed_investment" double precision,
	"year_plan_investment" double precision,
	"land_mu" double precision,
	"place_unit_id" uuid,
	"leader_id" uuid,
	"lead_unit_id" uuid NOT NULL,
	"list_year" integer NOT NULL,
	"state" text DEFAULT 'negotiating' NOT NULL,
	"reached" text DEFAULT 'negotiating' NOT NULL,
	"terminated_reason" text,
	"commitments" jsonb,
	"commitments_on" date,
	"acceptance_verdict" text,
	"light" text,
	"light_reasons" jsonb,
	"light_since" timestamp with time zone,
	"investment_to_date" double precision DEFAULT 0 NOT NULL,
	"latest_report_month" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_acceptances" ADD CONSTRAINT "project_acceptances_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_events" ADD CONSTRAINT "project_events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_files" ADD CONSTRAINT "project_files_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reports" ADD CONSTRAINT "project_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stages" ADD CONSTRAINT "project_stages_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_units" ADD CONSTRAINT "project_units_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_units" ADD CONSTRAINT "project_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_place_unit_id_units_id_fk" FOREIGN KEY ("place_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_leader_id_people_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_acceptances_project_idx" ON "project_acceptances" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "project_events_project_idx" ON "project_events" USING btree ("project_id","at");--> statement-breakpoint
CREATE INDEX "project_files_project_idx" ON "project_files" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_reports_month_uq" ON "project_reports" USING btree ("project_id","month");--> statement-breakpoint
CREATE INDEX "project_units_unit_idx" ON "project_units" USING btree ("unit_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_number_uq" ON "projects" USING btree ("number");--> statement-breakpoint
CREATE INDEX "projects_year_state_idx" ON "projects" USING btree ("list_year","state","number");--> statement-breakpoint
CREATE INDEX "projects_lead_unit_idx" ON "projects" USING btree ("lead_unit_id","number");--> statement-breakpoint
CREATE INDEX "projects_leader_idx" ON "projects" USING btree ("leader_id","number");--> statement-breakpoint
CREATE INDEX "projects_light_idx" ON "projects" USING btree ("light","number");--> statement-breakpoint
CREATE INDEX "projects_uscc_idx" ON "projects" USING btree ("investor_uscc");--> statement-breakpoint
CREATE INDEX "projects_number_idx" ON "projects" USING btree ("number","id");