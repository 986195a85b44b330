import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata = { title: "Sign in" };

type Query = Promise<{ next?: string; reason?: string; error?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: Query }) {
  const { next, reason } = await searchParams;
  return <SignInForm {...(next ? { next } : {})} {...(reason ? { reason } : {})} />;
}
