/** How a task is shown: a quick-pick row, and its result as a Python document. Pure. */
import type { RecommendedTest, TaskJson } from "./protocol";

/** Keyed by status; a status a newer server invents gets a question mark. */
const ICONS: Partial<Record<string, string>> = {
  pending: "$(clock)",
  processing: "$(sync~spin)",
  completed: "$(pass)",
  failed: "$(error)",
  cancelled: "$(circle-slash)",
};

export interface TaskRow {
  label: string;
  description: string;
  detail: string;
}

function verifiedTests(task: TaskJson): RecommendedTest[] {
  return (task.result?.recommended_tests ?? []).filter((test) => test.verified !== false);
}

export function describeTask(task: TaskJson): TaskRow {
  const icon = ICONS[task.status] ?? "$(question)";
  const tests = verifiedTests(task);
  let detail: string;
  if (task.status === "failed") {
    detail = task.error?.message ?? "failed";
  } else if (task.status === "completed") {
    detail =
      tests.length > 0
        ? tests.map((test) => test.test_name ?? "test").join(", ")
        : "no verified test";
  } else {
    detail = task.progress?.message ?? task.status;
  }
  return {
    label: `${icon} ${task.job?.title ?? task.status}`,
    description: [task.job?.title ? task.status : undefined, task.task_id, task.updated_at].filter(Boolean).join(" · "),
    detail,
  };
}

/** The task's tests as one Python file the user can read, copy or save. */
export function taskResultDocument(task: TaskJson): string {
  const lines = [`# covopt task ${task.task_id}: ${task.status}`];
  if (task.error?.message) {
    lines.push(`# error: ${task.error.message}`);
  }
  const tests = task.result?.recommended_tests ?? [];
  if (tests.length === 0) {
    lines.push("# no recommended tests");
  }
  for (const test of tests) {
    lines.push("");
    const facts = [
      test.verified === false ? "NOT verified" : "verified",
      test.covered_lines?.length ? `covers lines ${test.covered_lines.join(", ")}` : undefined,
      test.scenario_description,
    ].filter((fact): fact is string => fact !== undefined && fact !== "");
    lines.push(`# ${test.test_name ?? "test"}: ${facts.join("; ")}`);
    lines.push(test.test_code.trimEnd());
  }
  return `${lines.join("\n")}\n`;
}
