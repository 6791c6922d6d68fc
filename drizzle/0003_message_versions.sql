ALTER TABLE `messages` ADD `reply_group` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `active` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX `messages_reply_group_idx` ON `messages` (`reply_group`);