ALTER TABLE `messages` ADD `heartbeat_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `stop_requested_at` integer;