ALTER TABLE `messages` ADD `instance_id` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `copied` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `last_seen_at` integer;