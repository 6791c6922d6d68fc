const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect.",
  OAuthAccountNotLinked:
    "An account with this email already exists. Sign in with your password; the other sign-in method was not linked to it.",
  OAuthNoEmail: "That provider did not share an email address, so we could not sign you in with it.",
  SessionRequired: "Please sign in to continue.",
};

/** The sign-in page's words for next-auth's error codes (and our RateLimited). */
export function signInErrorMessage(
  code: string | null | undefined,
  retryAfter?: string | null,
): string | null {
  if (!code) return null;
  if (code === "RateLimited") {
    const minutes = Math.max(1, Math.ceil(Number(retryAfter ?? 900) / 60));
    return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  return MESSAGES[code] ?? "Sign-in failed. Please try again.";
}
