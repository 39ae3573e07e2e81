/** The status bar text: the current file's coverage and the running jobs. Pure. */
import type { FileCoverageSummary } from "./protocol";

export interface StatusInput {
  /** Totals from the server (`covopt/coverageSummary`). */
  coverage: FileCoverageSummary | undefined;
  /** The number of covopt diagnostics in the current file; undefined outside Python files. */
  gaps: number | undefined;
  running: number;
  serverState: "starting" | "running" | "stopped" | "not-installed";
}

export interface StatusView {
  text: string;
  tooltip: string;
}

function percent(covered: number, total: number): string {
  return total === 0 ? "100%" : `${Math.floor((covered / total) * 1000) / 10}%`;
}

export function formatStatus(input: StatusInput): StatusView {
  if (input.serverState === "not-installed") {
    return {
      text: "$(warning) covopt",
      tooltip: "covopt-ls is not installed in the selected interpreter (click to check again)",
    };
  }
  if (input.serverState === "stopped") {
    return { text: "$(circle-slash) covopt", tooltip: "The covopt-ls server is not running (click to restart)" };
  }
  if (input.serverState === "starting") {
    return { text: "$(sync~spin) covopt", tooltip: "covopt-ls is starting" };
  }
  const parts: string[] = [];
  const tips: string[] = [];
  if (input.coverage !== undefined) {
    const { lines_covered, lines_total, branches_covered, branches_total } = input.coverage;
    parts.push(`${percent(lines_covered, lines_total)} lines`);
    tips.push(`Lines: ${lines_covered} of ${lines_total} covered`);
    if (branches_covered !== undefined && branches_total !== undefined && branches_total > 0) {
      parts.push(`${percent(branches_covered, branches_total)} branches`);
      tips.push(`Branches: ${branches_covered} of ${branches_total} covered`);
    }
    if (input.coverage.freshness === "stale") {
      parts.push("(stale)");
      tips.push("The file changed on disk after the coverage run: re-run the tests with coverage");
    } else if (input.coverage.freshness === "edited") {
      tips.push("Edited since the coverage run: the gaps move with your edits");
    }
    if (input.coverage.origin) {
      tips.push(`Data: ${input.coverage.origin}`);
    }
  } else if (input.gaps !== undefined) {
    parts.push(input.gaps === 1 ? "1 gap" : `${input.gaps} gaps`);
    tips.push(`${input.gaps} uncovered range(s) in this file`);
  }
  if (input.running > 0) {
    parts.push(`$(sync~spin) ${input.running} job${input.running === 1 ? "" : "s"}`);
    tips.push(`${input.running} generation job(s) running`);
  }
  tips.push("Click to show the generation tasks");
  return { text: parts.length > 0 ? `$(beaker) ${parts.join(" · ")}` : "$(beaker) covopt", tooltip: tips.join("\n") };
}
