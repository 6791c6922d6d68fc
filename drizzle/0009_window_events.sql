ALTER TABLE `sign_in_failures` RENAME TO `window_events`;--> statement-breakpoint
DROP INDEX `sign_in_failures_key_idx`;--> statement-breakpoint
CREATE INDEX `window_events_key_idx` ON `window_events` (`key`,`at`);