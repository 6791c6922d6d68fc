import "server-only";
import type { NextAuthOptions, User as AuthUser } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { adoptGuest } from "@/lib/auth/actor";
import { GUEST_COOKIE, cookieFromHeader, readGuestCookie } from "@/lib/auth/guest";
import { getDb } from "@/lib/db/client";
import { createSession, getLiveSession, revokeSession } from "@/lib/db/queries/sessions";
import { createOAuthUser, getUserByAccount, getUserByEmail } from "@/lib/db/queries/users";
import { applySiteUrlToNextAuth, env } from "@/lib/env";
import { safeRedirectUrl } from "@/lib/http/safe-redirect";
import { audit, log } from "@/lib/log";
import { clientIp } from "./client-ip";
import { deviceFromHeaders } from "./device-cookie";
import { verifyPassword } from "./password";
import { releaseSignInAttempt, reserveSignInAttempt } from "./rate-limit";
import { authSecret } from "./secret";
import { sessionIdleMs, sessionMaxAgeSeconds, type SessionToken } from "./session-cookie";
import { signInSchema } from "./validation";

export const OAUTH_NOT_LINKED = "OAuthAccountNotLinked";

let cached: NextAuthOptions | undefined;

/** next-auth's configuration, built once settings are read (never at import time, so builds need none). */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const settings = env();
  applySiteUrlToNextAuth(settings.siteUrl);
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const db = getDb();
        const headers = new Headers(req.headers as Record<string, string>);
        const subject = { email, ip: clientIp(headers), device: deviceFromHeaders(headers, email) };
        // Counted before the hash is checked; a right password takes it back below.
        if ((await reserveSignInAttempt({ db, subject })).limited) {
          audit("auth.sign_in_failed", { reason: "rate_limited" });
          return null;
        }
        const user = await getUserByEmail({ db, email });
        // Same work and the same answer whether the email is unknown or the password is wrong.
        const ok = await verifyPassword(user?.passwordHash, password);
        if (!user || !ok || user.isGuest) {
          audit("auth.sign_in_failed", {
            reason: user ? "wrong_password" : "unknown_account",
            userId: user?.id,
          });
          return null;
        }
        await releaseSignInAttempt({ db, subject });
        audit("auth.sign_in", { userId: user.id, method: "password" });
        // A guest who chatted before signing in keeps their conversations.
        const guestId = readGuestCookie(cookieFromHeader(headers.get("cookie"), GUEST_COOKIE));
        await db.transaction(async (tx) => adoptGuest({ db: tx, guestId, userId: user.id }));
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ];
  if (settings.github)
    providers.push(GitHubProvider({ clientId: settings.github.id, clientSecret: settings.github.secret }));
  if (settings.google) {
    providers.push(GoogleProvider({ clientId: settings.google.id, clientSecret: settings.google.secret }));
  }

  cached = {
    secret: authSecret(),
    useSecureCookies: settings.siteUrl.startsWith("https://"),
    providers,
    pages: { signIn: "/sign-in", error: "/sign-in" },
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
    jwt: { maxAge: sessionMaxAgeSeconds() },
    // next-auth's own messages quote what it was sent (a callback URL, a form value): only its code
    // reaches our log.
    logger: {
      error: (code) => log.warn({ event: "auth.next_auth_error", code }, "auth.next_auth_error"),
      warn: (code) => log.info({ event: "auth.next_auth_warning", code }, "auth.next_auth_warning"),
      debug: () => {},
    },
    callbacks: {
      // One rule for every redirect in the app: a path or a URL on SITE_URL's origin, nothing else.
      async redirect({ url }) {
        return safeRedirectUrl(url, settings.siteUrl);
      },
      async signIn({ user, account }) {
        if (!account || account.type !== "oauth") return true;
        const db = getDb();
        if (
          await getUserByAccount({
            db,
            provider: account.provider,
            providerAccountId: account.providerAccountId,
          })
        )
          return true;
        const email = user.email?.trim().toLowerCase();
        if (!email) return `/sign-in?error=OAuthNoEmail`;
        // Never attach a new sign-in method to an existing account on the strength of an email match.
        if (await getUserByEmail({ db, email })) return `/sign-in?error=${OAUTH_NOT_LINKED}`;
        const created = await createOAuthUser({
          db,
          email,
          name: user.name ?? null,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
        });
        return created ? true : `/sign-in?error=${OAUTH_NOT_LINKED}`;
      },
      async jwt({ token, user, account }) {
        if (!user) return token; // not a sign-in: nothing to add, and the tier is never stored here
        const db = getDb();
        const dbUser =
          account?.type === "oauth"
            ? await getUserByAccount({
                db,
                provider: account.provider,
                providerAccountId: account.providerAccountId,
              })
            : await getUserByEmail({ db, email: (user as AuthUser).email!.toLowerCase() });
        if (!dbUser) throw new Error("signed-in user not found");
        const session = await createSession({
          db,
          userId: dbUser.id,
          version: dbUser.sessionVersion,
          maxAgeMs: sessionMaxAgeSeconds() * 1000,
        });
        return {
          name: dbUser.name,
          email: dbUser.email,
          sub: dbUser.id,
          uid: dbUser.id,
          sid: session.id,
        } satisfies SessionToken;
      },
      async session({ session, token }) {
        const { uid, sid } = token as Partial<SessionToken>;
        const live =
          uid && sid
            ? await getLiveSession({ db: getDb(), id: sid, userId: uid, idleMs: sessionIdleMs() })
            : undefined;
        // A revoked session shows as signed out, even to next-auth's own /api/auth/session.
        return live
          ? { expires: session.expires, user: { email: live.user.email, name: live.user.name } }
          : { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        const sid = (token as Partial<SessionToken> | null)?.sid;
        if (sid) await revokeSession({ db: getDb(), id: sid });
        audit("auth.sign_out", { userId: (token as Partial<SessionToken> | null)?.uid });
      },
    },
  };
  return cached;
}
