CREATE TABLE `conversation_shares` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`shared_until` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `conversation_shares_conversation_idx` ON `conversation_shares` (`conversation_id`);--> statement-breakpoint
CREATE TABLE `favorites` (
	`user_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`user_id`, `persona_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `favorites_persona_idx` ON `favorites` (`persona_id`);--> statement-breakpoint
CREATE TABLE `persona_usage_actors` (
	`persona_id` text NOT NULL,
	`day` text NOT NULL,
	`actor_hash` text NOT NULL,
	PRIMARY KEY(`persona_id`, `day`, `actor_hash`)
);
--> statement-breakpoint
CREATE TABLE `persona_usage_days` (
	`persona_id` text NOT NULL,
	`day` text NOT NULL,
	`users` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`persona_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `persona_usage_days_day_idx` ON `persona_usage_days` (`day`,`persona_id`,`users`);--> statement-breakpoint
CREATE TABLE `review_reports` (
	`review_id` text NOT NULL,
	`user_id` text NOT NULL,
	`reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`resolved_at` integer,
	PRIMARY KEY(`review_id`, `user_id`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_reports_open_idx` ON `review_reports` (`resolved_at`);--> statement-breakpoint
CREATE TABLE `review_votes` (
	`review_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`review_id`, `user_id`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`rating` integer NOT NULL,
	`body` text,
	`persona_version` text NOT NULL,
	`helpful` integer DEFAULT 0 NOT NULL,
	`hidden_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_user_persona_idx` ON `reviews` (`user_id`,`persona_id`);--> statement-breakpoint
CREATE INDEX `reviews_persona_idx` ON `reviews` (`persona_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `persona_version` text;