import { redirect } from "next/navigation";

// The portal starts at the fleet; the portal layout sends signed-out visitors to sign-in.
export default function Home() {
  redirect("/devices");
}
