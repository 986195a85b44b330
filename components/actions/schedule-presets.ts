// Schedules a person picks rather than writes; anything else is typed as a cron line.
export const SCHEDULE_PRESETS: ReadonlyArray<{ cron: string; label: string }> = [
  { cron: "*/5 * * * *", label: "Every 5 minutes" },
  { cron: "0 * * * *", label: "Every hour, on the hour" },
  { cron: "0 9 * * *", label: "Every day at 09:00" },
  { cron: "0 9 * * 1-5", label: "Weekdays at 09:00" },
  { cron: "0 9 * * 1", label: "Every Monday at 09:00" },
  { cron: "0 0 1 * *", label: "The first of every month at 00:00" },
];

/** The preset's words for a cron line, or undefined when it is none of them. */
export const presetLabel = (cron: string) =>
  SCHEDULE_PRESETS.find((preset) => preset.cron === cron.trim().split(/\s+/).join(" "))?.label;
