CREATE TABLE "project_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"acceptance_id" uuid NOT NULL,
	"indicator_id" text NOT NULL,
	"claimed_value" double precision NOT NULL,
	"reason" text NOT NULL,
	"evidence_name" text,
	"evidence_type" text,
	"evidence" "bytea",
	"filed_by" uuid,
	"filed_by_name" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"new_acceptance_id" uuid
);
--> statement-breakpoint
ALTER TABLE "project_appeals" ADD CONSTRAINT "project_appeals_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_appeals" ADD CONSTRAINT "project_appeals_acceptance_id_project_acceptances_id_fk" FOREIGN KEY ("acceptance_id") REFERENCES "public"."project_acceptances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_appeals" ADD CONSTRAINT "project_appeals_new_acceptance_id_project_acceptances_id_fk" FOREIGN KEY ("new_acceptance_id") REFERENCES "public"."project_acceptances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_appeals_project_idx" ON "project_appeals" USING btree ("project_id","status");