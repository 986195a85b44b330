"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { alertKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { updateAlert, updateAlerts } from "@/lib/contracts/alert";

/** What a person does to an alert: each is a pair of flags alert/update and alert/updateMany take. */
export const ALERT_CHANGES = {
  acknowledge: { acknowledged: true },
  resolve: { resolved: true },
  reopen: { resolved: false, acknowledged: false },
} as const;
export type AlertChange = keyof typeof ALERT_CHANGES;

/**
 * Changes one alert or several. Every alert read (lists, details, the navigation's badge, the
 * dashboard's widget) starts with the same key, so each shows the change at once.
 */
export function useAlertChanges() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, change }: { ids: readonly string[]; change: AlertChange }) =>
      ids.length === 1
        ? api
            .call(updateAlert, { id: ids[0]!, ...ALERT_CHANGES[change] })
            .then((alert) => ({ updated: 1, ids: [alert.id] }))
        : api.call(updateAlerts, { ids: [...ids], ...ALERT_CHANGES[change] }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.all() }),
  });
}
