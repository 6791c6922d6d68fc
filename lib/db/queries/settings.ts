import "server-only";
import { eq } from "drizzle-orm";
import { first } from "../dialect";
import type { Executor } from "../client";
import { appSettings } from "../schema";

export async function readSetting({ db, key }: { db: Executor; key: string }): Promise<string | undefined> {
  return (await db.select().from(appSettings).where(eq(appSettings.key, key)).then(first))?.value;
}

/** Stores the value unless the key has one already (the first writer wins; racing writers agree). */
export async function writeSettingOnce({ db, key, value }: { db: Executor; key: string; value: string }) {
  await db.insert(appSettings).values({ key, value }).onConflictDoNothing();
}
