import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { generateActions, insertActions } from "../../src/actions";
import { parseCoverageSummary, parseTasks } from "../../src/protocol";
import type { TaskJson } from "../../src/protocol";
import { formatStatus } from "../../src/status";
import { describeTask, taskResultDocument } from "../../src/tasks";

const completed: TaskJson = {
  task_id: "t1",
  status: "completed",
  updated_at: "2026-11-29T10:00:00Z",
  result: {
    recommended_tests: [
      { test_name: "test_silver_discount", test_code: "def test_silver_discount():\n    assert 1\n", covered_lines: [7, 8], verified: true },
      { test_name: "test_bad", test_code: "def test_bad():\n    assert 0\n", verified: false },
    ],
  },
  error: null,
};

describe("tasks", () => {
  it("accepts a list or {tasks: [...]}, and drops what is not a task", () => {
    assert.deepEqual(parseTasks([completed, { nope: 1 }]), [completed]);
    assert.deepEqual(parseTasks({ tasks: [completed] }), [completed]);
    assert.deepEqual(parseTasks(null), []);
  });

  it("describes a completed task by its verified tests and a failed one by its error", () => {
    assert.equal(describeTask(completed).detail, "test_silver_discount");
    assert.match(describeTask(completed).label, /completed/);
    const fromEditor = describeTask({ ...completed, job: { title: "lines 7-8 of calculate_discount" } });
    assert.equal(fromEditor.label, "$(pass) lines 7-8 of calculate_discount");
    assert.match(fromEditor.description, /^completed · t1/);
    const failed: TaskJson = { task_id: "t2", status: "failed", error: { message: "LLM endpoint unreachable" } };
    assert.equal(describeTask(failed).detail, "LLM endpoint unreachable");
    const running: TaskJson = { task_id: "t3", status: "processing", progress: { message: "verifying 2/3" } };
    assert.equal(describeTask(running).detail, "verifying 2/3");
  });

  it("opens a task's result as Python with what each test covers", () => {
    const text = taskResultDocument(completed);
    assert.match(text, /# test_silver_discount: verified; covers lines 7, 8/);
    assert.match(text, /def test_silver_discount\(\):/);
    assert.match(text, /# test_bad: NOT verified/);
  });
});

describe("code action choice", () => {
  const actions = [
    { title: "Generate tests for lines 4-5", command: { command: "covopt.generateTests" } },
    { title: "Insert test_x into tests/test_mod.py" },
    { title: "Organize imports", command: "other.command" },
  ];
  it("finds generate and insert actions by command or title", () => {
    assert.deepEqual(generateActions(actions).map((a) => a.title), ["Generate tests for lines 4-5"]);
    assert.deepEqual(insertActions(actions).map((a) => a.title), ["Insert test_x into tests/test_mod.py"]);
  });
});

describe("status bar", () => {
  it("shows line and branch percentages and running jobs", () => {
    const view = formatStatus({
      coverage: { lines_covered: 18, lines_total: 24, branches_covered: 5, branches_total: 8 },
      gaps: 3,
      running: 2,
      serverState: "running",
    });
    assert.equal(view.text, "$(beaker) 75% lines · 62.5% branches · $(sync~spin) 2 jobs");
    assert.match(view.tooltip, /Lines: 18 of 24 covered/);
  });

  it("falls back to the number of gaps without totals", () => {
    assert.equal(formatStatus({ coverage: undefined, gaps: 1, running: 0, serverState: "running" }).text, "$(beaker) 1 gap");
  });

  it("marks stale data", () => {
    const view = formatStatus({
      coverage: { lines_covered: 1, lines_total: 2, freshness: "stale" },
      gaps: 1,
      running: 0,
      serverState: "running",
    });
    assert.equal(view.text, "$(beaker) 50% lines · (stale)");
  });

  it("says when the server is not installed", () => {
    assert.match(formatStatus({ coverage: undefined, gaps: undefined, running: 0, serverState: "not-installed" }).tooltip, /not installed/);
  });

  it("reads only well-formed totals", () => {
    assert.deepEqual(
      parseCoverageSummary({
        uri: "file:///p/a.py",
        lines: { covered: 1, total: 2, percent: 50 },
        branches: { covered: 0, total: 0, percent: 100 },
        freshness: "fresh",
        origin: ".coverage",
      }),
      { lines_covered: 1, lines_total: 2, branches_covered: 0, branches_total: 0, freshness: "fresh", origin: ".coverage" },
    );
    assert.deepEqual(parseCoverageSummary({ lines: { covered: 3, total: 4 } }), { lines_covered: 3, lines_total: 4 });
    assert.equal(parseCoverageSummary({ lines: { covered: "1" } }), undefined);
    assert.equal(parseCoverageSummary(null), undefined);
  });
});
