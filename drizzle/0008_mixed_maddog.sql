CREATE TABLE `creator_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`persona_id` text,
	`fields` text NOT NULL,
	`remix_of` text,
	`remix_of_version` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `creator_drafts_user_idx` ON `creator_drafts` (`user_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `creator_personas` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`text` text NOT NULL,
	`version` text NOT NULL,
	`tier` text NOT NULL,
	`status` text NOT NULL,
	`remix_of` text,
	`remix_of_version` text,
	`picture_id` text,
	`submission_id` text NOT NULL,
	`published_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `creator_personas_status_idx` ON `creator_personas` (`status`);--> statement-breakpoint
CREATE INDEX `creator_personas_user_idx` ON `creator_personas` (`user_id`);--> statement-breakpoint
CREATE INDEX `creator_personas_remix_idx` ON `creator_personas` (`remix_of`);--> statement-breakpoint
CREATE TABLE `creator_pictures` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`content_type` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`data` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `creator_pictures_user_idx` ON `creator_pictures` (`user_id`);--> statement-breakpoint
CREATE TABLE `creator_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text,
	`user_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`version` text NOT NULL,
	`changelog` text NOT NULL,
	`text` text NOT NULL,
	`requested_tier` text DEFAULT 'free' NOT NULL,
	`verdict` text NOT NULL,
	`report` text NOT NULL,
	`status` text NOT NULL,
	`remix_of` text,
	`remix_of_version` text,
	`picture_id` text,
	`decision_reason` text,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `creator_submissions_status_idx` ON `creator_submissions` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `creator_submissions_persona_idx` ON `creator_submissions` (`persona_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `creator_submissions_user_idx` ON `creator_submissions` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `creators` (
	`user_id` text PRIMARY KEY NOT NULL,
	`handle` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `creators_handle_unique` ON `creators` (`handle`);--> statement-breakpoint
CREATE TABLE `moderation_events` (
	`id` text PRIMARY KEY NOT NULL,
	`actor_id` text NOT NULL,
	`action` text NOT NULL,
	`persona_id` text,
	`submission_id` text,
	`reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `moderation_events_time_idx` ON `moderation_events` (`created_at`);--> statement-breakpoint
CREATE INDEX `moderation_events_persona_idx` ON `moderation_events` (`persona_id`);--> statement-breakpoint
CREATE TABLE `persona_reports` (
	`persona_id` text NOT NULL,
	`user_id` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`resolved_at` integer,
	PRIMARY KEY(`persona_id`, `user_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `persona_reports_open_idx` ON `persona_reports` (`resolved_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `role_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`action` text NOT NULL,
	`by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `role_changes_user_idx` ON `role_changes` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `user_roles` (
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`granted_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`user_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
