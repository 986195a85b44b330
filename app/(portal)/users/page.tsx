import { UsersPage } from "@/components/users/users-page";

export const metadata = { title: "Users" };

export default function Users() {
  return <UsersPage />;
}
