import { CronExpressionParser } from "cron-parser";

// The schedules of actions: five-field cron ("*/5 * * * *", "0 9 * * 1-5") or a named alias,
// in an IANA time zone, read by the maintained cron-parser (which also walks DST changes). This
// file only narrows what it accepts: no seconds field, since an action runs at most once a
// minute; no "H" (a random minute), since a schedule must name the same times after every
// restart; a bounded length; and a time zone the runtime knows. Every refusal is an answer.

/** A checked schedule: `expression` as written (spaces collapsed), `timezone` canonical. */
export interface Schedule {
  readonly expression: string;
  readonly timezone: string;
}
export type ParsedSchedule = { ok: true; schedule: Schedule } | { ok: false; message: string };

const MAX_LENGTH = 200;
const FIELDS = "minute hour day month weekday";
const EXAMPLE = "e.g. */5 * * * * or 0 9 * * 1-5";
const ALIASES = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@hourly"]);
// A field part that starts with H is the hash (random) form: "H", "H/5", "H(0-29)". No month or
// weekday name starts with H, so names such as THU are not caught.
const HASHED = /(?:^|,)H/i;

function refuse(message: string): ParsedSchedule {
  return { ok: false, message };
}

/** The time zone's canonical name, or null when the runtime does not know it. */
function canonicalZone(timezone: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: timezone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Reads a schedule in a time zone (UTC unless named). Answers, never throws. */
export function parseSchedule(text: string, timezone = "UTC"): ParsedSchedule {
  if (text.length > MAX_LENGTH) return refuse(`Too long: a schedule has at most ${MAX_LENGTH} characters`);
  const fields = text.trim().split(/\s+/).filter(Boolean);
  const expression = fields.join(" ");
  if (fields.length === 0) return refuse(`Write a schedule (${FIELDS}), ${EXAMPLE}`);
  if (fields.length === 1 && expression.startsWith("@")) {
    if (!ALIASES.has(expression.toLowerCase())) {
      return refuse(`Unknown schedule ${JSON.stringify(expression)}: use ${[...ALIASES].join(", ")}`);
    }
  } else if (fields.length === 6) {
    return refuse(`A schedule has no seconds (${FIELDS}): an action runs at most once a minute`);
  } else if (fields.length !== 5) {
    return refuse(`A schedule has five fields (${FIELDS}), ${EXAMPLE}; this one has ${fields.length}`);
  } else if (fields.some((field) => HASHED.test(field))) {
    return refuse("H (a random time) is not supported: write the minute and hour");
  }
  const zone = canonicalZone(timezone);
  if (zone === null) {
    return refuse(`Unknown time zone ${JSON.stringify(timezone)}: use a name such as Europe/Paris or UTC`);
  }
  const schedule: Schedule = {
    expression: expression.startsWith("@") ? expression.toLowerCase() : expression,
    timezone: zone,
  };
  try {
    // Finding one occurrence proves the expression can fire at all ("0 0 30 2 *" cannot).
    nextOccurrence(schedule, new Date());
    return { ok: true, schedule };
  } catch (error) {
    return refuse(`Not a schedule (${FIELDS}), ${EXAMPLE}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The first time the schedule fires strictly after `after`. */
export function nextOccurrence(schedule: Schedule, after: Date): Date {
  return CronExpressionParser.parse(schedule.expression, { currentDate: after, tz: schedule.timezone }).next().toDate();
}
