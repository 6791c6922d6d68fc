CREATE TABLE "conversation_version_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"conversation_id" text NOT NULL,
	"from_version" text,
	"to_version" text NOT NULL,
	"to_hash" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persona_api_calls" (
	"persona_id" text NOT NULL,
	"version" text NOT NULL,
	"day" text NOT NULL,
	"user_id" text NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "persona_api_calls_persona_id_version_day_user_id_pk" PRIMARY KEY("persona_id","version","day","user_id")
);
--> statement-breakpoint
CREATE TABLE "persona_check_runs" (
	"persona_id" text NOT NULL,
	"version" text NOT NULL,
	"text_hash" text NOT NULL,
	"model" text,
	"passed" integer NOT NULL,
	"total" integer NOT NULL,
	"results" text NOT NULL,
	"ran_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persona_check_runs_persona_id_version_text_hash_pk" PRIMARY KEY("persona_id","version","text_hash")
);
--> statement-breakpoint
CREATE TABLE "persona_versions" (
	"persona_id" text NOT NULL,
	"version" text NOT NULL,
	"text_hash" text NOT NULL,
	"text" text NOT NULL,
	"changelog" text,
	"source" text DEFAULT 'content' NOT NULL,
	"first_seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"unpublished_at" timestamp (3) with time zone,
	"unpublished_reason" text,
	CONSTRAINT "persona_versions_persona_id_version_text_hash_pk" PRIMARY KEY("persona_id","version","text_hash")
);
--> statement-breakpoint
CREATE TABLE "reply_feedback" (
	"message_id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"persona_id" text NOT NULL,
	"persona_version" text NOT NULL,
	"rating" text NOT NULL,
	"reason" text,
	"reason_text" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "persona_version_hash" text;--> statement-breakpoint
ALTER TABLE "conversation_version_changes" ADD CONSTRAINT "conversation_version_changes_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persona_api_calls" ADD CONSTRAINT "persona_api_calls_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_feedback" ADD CONSTRAINT "reply_feedback_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_feedback" ADD CONSTRAINT "reply_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_version_changes_conversation_idx" ON "conversation_version_changes" USING btree ("conversation_id","at");--> statement-breakpoint
CREATE INDEX "persona_versions_seen_idx" ON "persona_versions" USING btree ("persona_id","first_seen_at");--> statement-breakpoint
CREATE INDEX "reply_feedback_persona_idx" ON "reply_feedback" USING btree ("persona_id","updated_at");