ALTER TABLE "messages" ADD COLUMN "instance_id" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "copied" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp (3) with time zone;