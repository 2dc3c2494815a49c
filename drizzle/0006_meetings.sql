CREATE TABLE "directives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"group_index" integer DEFAULT 0 NOT NULL,
	"group_title" text,
	"ordinal" integer NOT NULL,
	"marker" text NOT NULL,
	"text" text NOT NULL,
	"span_start" integer,
	"span_end" integer,
	"standard" text,
	"field" text
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"held_on" date,
	"kind" text,
	"chair" text,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"studied" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "directive_id" uuid;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_source_id_task_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."task_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directives_meeting_idx" ON "directives" USING btree ("meeting_id","group_index","ordinal");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_directive_idx" ON "tasks" USING btree ("directive_id");