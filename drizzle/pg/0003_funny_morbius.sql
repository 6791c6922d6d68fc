CREATE TABLE "creator_drafts" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"persona_id" text,
	"fields" text NOT NULL,
	"remix_of" text,
	"remix_of_version" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "creator_personas" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"text" text NOT NULL,
	"version" text NOT NULL,
	"tier" text NOT NULL,
	"status" text NOT NULL,
	"remix_of" text,
	"remix_of_version" text,
	"picture_id" text,
	"submission_id" text NOT NULL,
	"published_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "creator_pictures" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"data" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "creator_submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"draft_id" text,
	"user_id" text NOT NULL,
	"persona_id" text NOT NULL,
	"version" text NOT NULL,
	"changelog" text NOT NULL,
	"text" text NOT NULL,
	"requested_tier" text DEFAULT 'free' NOT NULL,
	"verdict" text NOT NULL,
	"report" text NOT NULL,
	"status" text NOT NULL,
	"remix_of" text,
	"remix_of_version" text,
	"picture_id" text,
	"decision_reason" text,
	"decided_by" text,
	"decided_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "creators" (
	"user_id" text PRIMARY KEY NOT NULL,
	"handle" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "creators_handle_unique" UNIQUE("handle")
);
--> statement-breakpoint
CREATE TABLE "moderation_events" (
	"id" text PRIMARY KEY NOT NULL,
	"actor_id" text NOT NULL,
	"action" text NOT NULL,
	"persona_id" text,
	"submission_id" text,
	"reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persona_reports" (
	"persona_id" text NOT NULL,
	"user_id" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp (3) with time zone,
	CONSTRAINT "persona_reports_persona_id_user_id_pk" PRIMARY KEY("persona_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "role_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"action" text NOT NULL,
	"by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"granted_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_roles_user_id_role_pk" PRIMARY KEY("user_id","role")
);
--> statement-breakpoint
ALTER TABLE "creator_drafts" ADD CONSTRAINT "creator_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creator_personas" ADD CONSTRAINT "creator_personas_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creator_pictures" ADD CONSTRAINT "creator_pictures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creator_submissions" ADD CONSTRAINT "creator_submissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creators" ADD CONSTRAINT "creators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persona_reports" ADD CONSTRAINT "persona_reports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "creator_drafts_user_idx" ON "creator_drafts" USING btree ("user_id","updated_at");--> statement-breakpoint
CREATE INDEX "creator_personas_status_idx" ON "creator_personas" USING btree ("status");--> statement-breakpoint
CREATE INDEX "creator_personas_user_idx" ON "creator_personas" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "creator_personas_remix_idx" ON "creator_personas" USING btree ("remix_of");--> statement-breakpoint
CREATE INDEX "creator_pictures_user_idx" ON "creator_pictures" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "creator_submissions_status_idx" ON "creator_submissions" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "creator_submissions_persona_idx" ON "creator_submissions" USING btree ("persona_id","created_at");--> statement-breakpoint
CREATE INDEX "creator_submissions_user_idx" ON "creator_submissions" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "moderation_events_time_idx" ON "moderation_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "moderation_events_persona_idx" ON "moderation_events" USING btree ("persona_id");--> statement-breakpoint
CREATE INDEX "persona_reports_open_idx" ON "persona_reports" USING btree ("resolved_at","created_at");--> statement-breakpoint
CREATE INDEX "role_changes_user_idx" ON "role_changes" USING btree ("user_id","created_at");