import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInErrorMessage as errorMessage } from "@/lib/auth/messages";
import { oauthProviders } from "@/lib/auth/providers";
import { getViewer } from "@/lib/auth/viewer";
import { safeCallbackPath } from "@/lib/http/safe-redirect";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl, "/account");
  if (await getViewer()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : null;
  const retryAfter = typeof params.retryAfter === "string" ? params.retryAfter : null;
  return (
    <AuthCard
      title="Sign in"
      intro={
        <>
          New here?{" "}
          <Link
            href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}
            className="text-indigo-700 underline dark:text-indigo-300"
          >
            Create an account
          </Link>
        </>
      }
    >
      <OAuthButtons providers={oauthProviders()} callbackUrl={callbackUrl} />
      <SignInForm callbackUrl={callbackUrl} initialError={errorMessage(error, retryAfter)} />
    </AuthCard>
  );
}
