/**
 * The server's names (ARCHITECTURE.md, issue 4) and the task JSON it answers with: the one place
 * the client spells them. Pure: shared by the extension and the Node integration test.
 */

export const SERVER_COMMANDS = {
  generateTests: "covopt.generateTests",
  insertTest: "covopt.insertTest",
  cancelTask: "covopt.cancelTask",
  reloadCoverage: "covopt.reloadCoverage",
} as const;

export const REQUESTS = {
  tasks: "covopt/tasks",
  task: "covopt/task",
  coverageSummary: "covopt/coverageSummary",
} as const;

export const DIAGNOSTIC_SOURCE = "covopt";

export type TaskStatus = "pending" | "processing" | "completed" | "failed" | "cancelled";

export interface RecommendedTest {
  test_name?: string;
  test_code: string;
  target_line?: number;
  scenario_description?: string;
  expected_coverage_impact?: string;
  covered_lines?: number[];
  verified?: boolean;
  passed?: boolean;
}

export interface TaskJson {
  task_id: string;
  status: TaskStatus;
  created_at?: string;
  updated_at?: string;
  result?: { recommended_tests?: RecommendedTest[] } | null;
  error?: { message?: string } | null;
  progress?: { stage?: string; message?: string; done?: number | null; total?: number | null } | null;
  /** Where the job came from, when the task was started from an editor: "lines 4-5 of calculate_discount". */
  job?: { job_id?: string; uri?: string; title?: string } | null;
}

/** One file's totals, from `covopt/coverageSummary`. */
export interface FileCoverageSummary {
  lines_covered: number;
  lines_total: number;
  branches_covered?: number;
  branches_total?: number;
  /** fresh, edited (moved with the edits), stale (changed on disk after the run), none. */
  freshness?: string;
  /** Where the data came from, e.g. ".coverage, measured 2026-11-29 10:00". */
  origin?: string;
}

function isTask(value: unknown): value is TaskJson {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { task_id?: unknown }).task_id === "string" &&
    typeof (value as { status?: unknown }).status === "string"
  );
}

/** `covopt/tasks` may answer a list or `{tasks: [...]}`; anything else is no tasks. */
export function parseTasks(response: unknown): TaskJson[] {
  const list: unknown = Array.isArray(response)
    ? response
    : typeof response === "object" && response !== null
      ? (response as { tasks?: unknown }).tasks
      : undefined;
  return Array.isArray(list) ? list.filter(isTask) : [];
}

export function isRunning(task: TaskJson): boolean {
  return task.status === "pending" || task.status === "processing";
}

function counts(value: unknown): { covered: number; total: number } | undefined {
  if (typeof value !== "object" || value === null) {
    return undefined;
  }
  const { covered, total } = value as { covered?: unknown; total?: unknown };
  return typeof covered === "number" && typeof total === "number" ? { covered, total } : undefined;
}

/** `covopt/coverageSummary` answers `{lines: {covered, total}, branches: {...}, freshness, origin}` or null. */
export function parseCoverageSummary(response: unknown): FileCoverageSummary | undefined {
  if (typeof response !== "object" || response === null) {
    return undefined;
  }
  const raw = response as { lines?: unknown; branches?: unknown; freshness?: unknown; origin?: unknown };
  const lines = counts(raw.lines);
  if (lines === undefined) {
    return undefined;
  }
  const result: FileCoverageSummary = { lines_covered: lines.covered, lines_total: lines.total };
  const branches = counts(raw.branches);
  if (branches !== undefined) {
    result.branches_covered = branches.covered;
    result.branches_total = branches.total;
  }
  if (typeof raw.freshness === "string") {
    result.freshness = raw.freshness;
  }
  if (typeof raw.origin === "string") {
    result.origin = raw.origin;
  }
  return result;
}
