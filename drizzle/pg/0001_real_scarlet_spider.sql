ALTER TABLE "messages" ADD COLUMN "heartbeat_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "stop_requested_at" timestamp (3) with time zone;