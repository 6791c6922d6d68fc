CREATE TABLE `conversation_version_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`from_version` text,
	`to_version` text NOT NULL,
	`to_hash` text NOT NULL,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `conversation_version_changes_conversation_idx` ON `conversation_version_changes` (`conversation_id`,`at`);--> statement-breakpoint
CREATE TABLE `persona_api_calls` (
	`persona_id` text NOT NULL,
	`version` text NOT NULL,
	`day` text NOT NULL,
	`user_id` text NOT NULL,
	`calls` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`persona_id`, `version`, `day`, `user_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `persona_check_runs` (
	`persona_id` text NOT NULL,
	`version` text NOT NULL,
	`text_hash` text NOT NULL,
	`model` text,
	`passed` integer NOT NULL,
	`total` integer NOT NULL,
	`results` text NOT NULL,
	`ran_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`persona_id`, `version`, `text_hash`)
);
--> statement-breakpoint
CREATE TABLE `persona_versions` (
	`persona_id` text NOT NULL,
	`version` text NOT NULL,
	`text_hash` text NOT NULL,
	`text` text NOT NULL,
	`changelog` text,
	`source` text DEFAULT 'content' NOT NULL,
	`first_seen_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`unpublished_at` integer,
	`unpublished_reason` text,
	PRIMARY KEY(`persona_id`, `version`, `text_hash`)
);
--> statement-breakpoint
CREATE INDEX `persona_versions_seen_idx` ON `persona_versions` (`persona_id`,`first_seen_at`);--> statement-breakpoint
CREATE TABLE `reply_feedback` (
	`message_id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`persona_version` text NOT NULL,
	`rating` text NOT NULL,
	`reason` text,
	`reason_text` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reply_feedback_persona_idx` ON `reply_feedback` (`persona_id`,`updated_at`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `persona_version_hash` text;