import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { oauthProviders } from "@/lib/auth/providers";
import { getViewer } from "@/lib/auth/viewer";
import { safeCallbackPath } from "@/lib/http/safe-redirect";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl, "/account?welcome=1");
  if (await getViewer()) redirect(callbackUrl);
  return (
    <AuthCard
      title="Create your account"
      intro={
        <>
          Free, and it keeps your chats. Already have one?{" "}
          <Link
            href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
            className="text-indigo-700 underline dark:text-indigo-300"
          >
            Sign in
          </Link>
        </>
      }
    >
      <OAuthButtons providers={oauthProviders()} callbackUrl={callbackUrl} />
      <SignUpForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
