import { Button } from "../ui/button";

/** The fleet is empty: say how a device gets here. */
export function NoDevices({ canClaim, onClaim }: { canClaim: boolean; onClaim: () => void }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <h2 className="text-lg font-semibold">No devices yet</h2>
      <p className="mx-auto mt-2 max-w-prose text-sm text-muted">
        A device appears here once you claim it. Power it on so it registers with the cloud, then type the ID printed on
        its label.
      </p>
      {canClaim && (
        <Button className="mt-4" onClick={onClaim}>
          Claim a device
        </Button>
      )}
    </div>
  );
}
