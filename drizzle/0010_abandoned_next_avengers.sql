ALTER TABLE `conversations` ADD `pinned_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `parent_id` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `shown_at` integer;--> statement-breakpoint
ALTER TABLE `conversation_shares` ADD `path_ids` text;