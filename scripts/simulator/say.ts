// What a simulated device prints: one line per step, prefixed by its label (the claim ID as a
// label shows it), to stdout or, for problems, stderr.

export type Say = (line: string, level?: "info" | "error") => void;

/** The claim ID as printed on a label: 0A1B2-C3D4E. */
export const label = (id: string) => `${id.slice(0, 5)}-${id.slice(5)}`;

/** Lines of one device, with repeats of the same problem printed once until something else is said. */
export function sayFor(id: string, print: (line: string, level: "info" | "error") => void = printLine): Say {
  let lastProblem = "";
  return (line, level = "info") => {
    // A server down for a minute would otherwise print the same line every retry.
    if (level === "error" && line === lastProblem) return;
    lastProblem = level === "error" ? line : "";
    print(`[${label(id)}] ${line}`, level);
  };
}

function printLine(line: string, level: "info" | "error") {
  if (level === "error") console.error(line);
  else console.log(line);
}
