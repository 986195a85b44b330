import type { TokenView } from "@/lib/contracts/token";
import { Button } from "../ui/button";
import { Time } from "../ui/time";

// Name, role and the revoke button stay on a phone; the rest is detail for wider screens.
export function TokenRows({ tokens, onRevoke }: { tokens: TokenView[]; onRevoke: (token: TokenView) => void }) {
  return (
    <tbody>
      {tokens.map((token) => (
        <tr key={token.id} className="border-t border-slate-200">
          <td className="px-3 py-2 break-words">{token.name}</td>
          <td className="px-3 py-2">{token.role}</td>
          <td className="hidden px-3 py-2 font-mono md:table-cell">{token.prefix}…</td>
          <td className="hidden px-3 py-2 md:table-cell">
            <Time value={token.created} />
          </td>
          <td className="hidden px-3 py-2 md:table-cell">
            <Time value={token.expires} never="Never" />
          </td>
          <td className="hidden px-3 py-2 sm:table-cell">
            <Time value={token.lastUsed} never="Never" />
          </td>
          <td className="px-3 py-2 text-right">
            <Button look="danger" aria-label={`Revoke ${token.name}`} onClick={() => onRevoke(token)}>
              Revoke
            </Button>
          </td>
        </tr>
      ))}
    </tbody>
  );
}
