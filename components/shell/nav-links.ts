import { roleAllows, type AccountRole, type Grant } from "@/lib/contracts/verb";

// The portal's sections and the least role that sees each (the API enforces the same roles).
const LINKS: ReadonlyArray<{ href: string; label: string; allow: readonly Grant[] }> = [
  { href: "/dashboards", label: "Dashboards", allow: ["viewer"] },
  { href: "/devices", label: "Devices", allow: ["viewer"] },
  { href: "/alerts", label: "Alerts", allow: ["viewer"] },
  { href: "/actions", label: "Actions", allow: ["viewer"] },
  { href: "/maintenance", label: "Maintenance", allow: ["viewer"] },
  { href: "/products", label: "Products", allow: ["owner"] },
  { href: "/users", label: "Users", allow: ["viewer"] },
  { href: "/tokens", label: "Tokens", allow: ["admin"] },
  { href: "/audit", label: "Audit", allow: ["admin"] },
  { href: "/api-docs", label: "API", allow: ["viewer"] },
];

export const navLinksFor = (role: AccountRole) => LINKS.filter((link) => roleAllows(role, link.allow));
