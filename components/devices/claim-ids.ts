import { normaliseClaimId } from "@/lib/contracts/device";

/** The label IDs in what a person typed or pasted: one per line (or comma), blanks and repeats dropped. */
export function parseClaimIds(text: string): string[] {
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const typed of text.split(/[\n,;]+/)) {
    const id = normaliseClaimId(typed);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    ids.push(typed.trim());
  }
  return ids;
}
