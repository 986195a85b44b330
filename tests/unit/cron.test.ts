import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextOccurrence, parseSchedule, type Schedule } from "../../lib/actions/cron";

// Schedules of actions: which texts are accepted, what each refusal says, and the next times
// they fire, across DST changes and month ends.

function scheduled(text: string, timezone?: string): Schedule {
  const answer = parseSchedule(text, timezone);
  if (!answer.ok) throw new Error(`refused ${JSON.stringify(text)}: ${answer.message}`);
  return answer.schedule;
}

/** The next `count` occurrences strictly after `after`, as ISO instants. */
function occurrences(schedule: Schedule, after: string, count: number): string[] {
  const times: string[] = [];
  let last = new Date(after);
  for (let i = 0; i < count; i++) {
    last = nextOccurrence(schedule, last);
    times.push(last.toISOString());
  }
  return times;
}

describe("accepted schedules", () => {
  it.each([
    ["*/5 * * * *", "*/5 * * * *"],
    ["0 9 * * 1-5", "0 9 * * 1-5"],
    ["  0\t9 *  * MON-FRI ", "0 9 * * MON-FRI"],
    ["0 9 * * THU", "0 9 * * THU"],
    ["@daily", "@daily"],
    ["@Hourly", "@hourly"],
  ])("reads %j as %j in UTC", (text, expression) => {
    expect(parseSchedule(text)).toEqual({ ok: true, schedule: { expression, timezone: "UTC" } });
  });

  it("keeps the time zone's canonical name", () => {
    expect(scheduled("0 9 * * *", "europe/paris").timezone).toBe("Europe/Paris");
  });

  it.each([
    ["@hourly", ["2025-01-15T11:00:00.000Z", "2025-01-15T12:00:00.000Z"]],
    ["@daily", ["2025-01-16T00:00:00.000Z", "2025-01-17T00:00:00.000Z"]],
    ["@weekly", ["2025-01-19T00:00:00.000Z", "2025-01-26T00:00:00.000Z"]],
    ["@monthly", ["2025-02-01T00:00:00.000Z", "2025-03-01T00:00:00.000Z"]],
  ])("%s fires at the start of its period", (text, expected) => {
    expect(occurrences(scheduled(text), "2025-01-15T10:30:00Z", 2)).toEqual(expected);
  });
});

describe("refused schedules", () => {
  const fields = "(minute hour day month weekday)";
  const example = "e.g. */5 * * * * or 0 9 * * 1-5";
  it.each([
    ["", `Write a schedule ${fields}, ${example}`],
    [" \t ", `Write a schedule ${fields}, ${example}`],
    ["* * * * * *", `A schedule has no seconds ${fields}: an action runs at most once a minute`],
    ["0 9 * *", `A schedule has five fields ${fields}, ${example}; this one has 4`],
    ["0 9 * * * * *", `A schedule has five fields ${fields}, ${example}; this one has 7`],
    ["@secondly", 'Unknown schedule "@secondly": use @yearly, @annually, @monthly, @weekly, @daily, @hourly'],
    ["@minutely", 'Unknown schedule "@minutely": use @yearly, @annually, @monthly, @weekly, @daily, @hourly'],
    ["H 9 * * *", "H (a random time) is not supported: write the minute and hour"],
    ["0 1,H/2 * * *", "H (a random time) is not supported: write the minute and hour"],
    ["60 * * * *", `Not a schedule ${fields}, ${example}: Constraint error, got value 60 expected range 0-59`],
    ["*/0 * * * *", `Not a schedule ${fields}, ${example}: Constraint error, cannot repeat at every 0 time.`],
    ["0 0 30 2 *", `Not a schedule ${fields}, ${example}: Invalid explicit day of month definition`],
    ["a b c d e", `Not a schedule ${fields}, ${example}: Invalid characters, got value: a`],
    ["0 9 * * *; rm -rf /", `A schedule has five fields ${fields}, ${example}; this one has 8`],
    ["*".repeat(201), "Too long: a schedule has at most 200 characters"],
  ])("refuses %j: %s", (text, message) => {
    expect(parseSchedule(text)).toEqual({ ok: false, message });
  });

  it.each(["Nope/Zone", "", "Mars/Olympus_Mons", "Europe/Paris; DROP"])("refuses the time zone %j", (timezone) => {
    expect(parseSchedule("0 9 * * *", timezone)).toEqual({
      ok: false,
      message: `Unknown time zone ${JSON.stringify(timezone)}: use a name such as Europe/Paris or UTC`,
    });
  });

  it("answers any text and any time zone without throwing", () => {
    const cronish = fc.array(fc.constantFrom("*", "/", ",", "-", "0", "5", "59", "L", "#", "?", " ", "@", "H", "MON"));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          cronish.map((parts) => parts.join("")),
        ),
        fc.string(),
        (text, timezone) => {
          const answer = parseSchedule(text, timezone);
          expect(answer.ok || answer.message.length > 0).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("next occurrences", () => {
  it("is strictly after the given time", () => {
    const daily = scheduled("0 9 * * *");
    expect(nextOccurrence(daily, new Date("2025-01-15T09:00:00.000Z")).toISOString()).toBe("2025-01-16T09:00:00.000Z");
    expect(nextOccurrence(daily, new Date("2025-01-15T08:59:59.999Z")).toISOString()).toBe("2025-01-15T09:00:00.000Z");
    expect(nextOccurrence(scheduled("* * * * *"), new Date("2025-01-15T09:00:30.250Z")).toISOString()).toBe(
      "2025-01-15T09:01:00.000Z",
    );
  });

  it("skips the weekend for weekdays", () => {
    // 2025-01-17 is a Friday.
    expect(occurrences(scheduled("0 9 * * 1-5"), "2025-01-17T10:00:00Z", 2)).toEqual([
      "2025-01-20T09:00:00.000Z",
      "2025-01-21T09:00:00.000Z",
    ]);
  });

  it("keeps local time across the spring DST change in Europe/Paris", () => {
    // 2025-03-30: 02:00 CET jumps to 03:00 CEST (UTC+1 to UTC+2).
    expect(occurrences(scheduled("0 9 * * *", "Europe/Paris"), "2025-03-29T00:00:00Z", 2)).toEqual([
      "2025-03-29T08:00:00.000Z",
      "2025-03-30T07:00:00.000Z",
    ]);
    // Hourly stays one hour apart in real time: local 01:00, then 03:00 (02:00 does not exist).
    expect(occurrences(scheduled("0 * * * *", "Europe/Paris"), "2025-03-29T23:30:00Z", 3)).toEqual([
      "2025-03-30T00:00:00.000Z",
      "2025-03-30T01:00:00.000Z",
      "2025-03-30T02:00:00.000Z",
    ]);
    // A time inside the skipped hour still fires once that day, an hour later (03:30 CEST).
    expect(occurrences(scheduled("30 2 * * *", "Europe/Paris"), "2025-03-29T12:00:00Z", 2)).toEqual([
      "2025-03-30T01:30:00.000Z",
      "2025-03-31T00:30:00.000Z",
    ]);
  });

  it("fires once for a time the autumn DST change repeats in Europe/Paris", () => {
    // 2025-10-26: 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice; it fires on the first.
    expect(occurrences(scheduled("30 2 * * *", "Europe/Paris"), "2025-10-25T12:00:00Z", 2)).toEqual([
      "2025-10-26T00:30:00.000Z",
      "2025-10-27T01:30:00.000Z",
    ]);
    expect(occurrences(scheduled("0 9 * * *", "Europe/Paris"), "2025-10-25T12:00:00Z", 1)).toEqual([
      "2025-10-26T08:00:00.000Z",
    ]);
  });

  it("handles month ends", () => {
    expect(occurrences(scheduled("0 0 31 * *"), "2025-01-15T00:00:00Z", 3)).toEqual([
      "2025-01-31T00:00:00.000Z",
      "2025-03-31T00:00:00.000Z",
      "2025-05-31T00:00:00.000Z",
    ]);
    expect(occurrences(scheduled("0 0 L * *"), "2028-01-15T00:00:00Z", 3)).toEqual([
      "2028-01-31T00:00:00.000Z",
      "2028-02-29T00:00:00.000Z",
      "2028-03-31T00:00:00.000Z",
    ]);
    expect(occurrences(scheduled("0 0 29 2 *"), "2025-01-15T00:00:00Z", 2)).toEqual([
      "2028-02-29T00:00:00.000Z",
      "2032-02-29T00:00:00.000Z",
    ]);
    // The last day of the month in Paris is still the last local day, an hour before UTC's midnight.
    expect(occurrences(scheduled("0 0 L * *", "Europe/Paris"), "2025-01-15T00:00:00Z", 1)).toEqual([
      "2025-01-30T23:00:00.000Z",
    ]);
  });
});
