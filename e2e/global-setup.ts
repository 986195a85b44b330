import { ORIGIN, OWNER } from "./owner";

export default async function globalSetup(): Promise<void> {
  const response = await fetch(`${ORIGIN}/api/account/create`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ name: "E2E deployment owner", ...OWNER }),
  });
  if (response.status !== 200) throw new Error(`owner sign-up: ${response.status} ${await response.text()}`);
}
