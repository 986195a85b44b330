// No Alert controller is registered yet (no alert/find in lib/contracts): the widget says when
// alerts will arrive rather than show anything made up. It lists them once that verb exists.
export function AlertsWidget() {
  return (
    <div className="flex h-full flex-col items-center justify-center p-2 text-center text-sm text-muted">
      <p className="font-medium text-ink">No alerts yet</p>
      <p>Alerts arrive with the alerts feature.</p>
    </div>
  );
}
