import "server-only";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";

/** Community writes (stars, reviews, reports) need an account: a guest or visitor gets a 401. */
export async function requireSignedIn(action: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthorized", `Sign in to ${action}.`);
  return viewer;
}
