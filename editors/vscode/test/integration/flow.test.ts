/**
 * The user's flow against the real covopt-ls over stdio, as the VS Code extension drives it:
 * a project whose tests ran under coverage.py, a Python file opened → diagnostics equal to what
 * coverage.py reports missing → hover → the status bar's summary → quick fix "Generate tests…" →
 * work-done progress → inlay hint → "Insert test…" resolved → the edit written → the project's
 * tests pass with the inserted test → the task listed.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";

import {
  CodeActionRequest,
  CodeActionResolveRequest,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InlayHintRequest,
} from "vscode-languageserver-protocol/node";
import type { CodeAction, Command, Diagnostic, InitializeResult, InlayHint, MarkupContent } from "vscode-languageserver-protocol/node";

import { generateActions, insertActions } from "../../src/actions";
import { DIAGNOSTIC_SOURCE, REQUESTS, SERVER_COMMANDS, isRunning, parseCoverageSummary, parseTasks } from "../../src/protocol";
import { REPO_ROOT, projectPython } from "../support";
import { LspSession, VSCODE_CAPABILITIES, applyWorkspaceEdit, uriOf } from "./lspSession";

interface Fixture {
  root: string;
  source: string;
  test_file: string;
  missing_lines: number[];
  executed_lines: number[];
  missing_branches: [number, number][];
}

const python = projectPython();
let tmp: string;
let fixture: Fixture;
let session: LspSession;
let initializeResult: InitializeResult;
let sourceUri: string;

function lineSet(diagnostics: Diagnostic[], code: string): number[] {
  const lines = new Set<number>();
  for (const d of diagnostics.filter((item) => item.code === code)) {
    // whole-line ranges: start (0-based) to the start of the line after the last one
    const last = d.range.end.character === 0 && d.range.end.line > d.range.start.line ? d.range.end.line - 1 : d.range.end.line;
    for (let line = d.range.start.line; line <= last; line += 1) {
      lines.add(line + 1);
    }
  }
  return [...lines].sort((a, b) => a - b);
}

function hoverText(contents: unknown): string {
  if (typeof contents === "string") {
    return contents;
  }
  if (Array.isArray(contents)) {
    return contents.map(hoverText).join("\n");
  }
  return (contents as MarkupContent).value;
}

function isCodeAction(item: Command | CodeAction): item is CodeAction {
  return typeof (item as { command?: unknown }).command !== "string";
}

describe("covopt-ls as the VS Code extension drives it", () => {
  before(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "covopt-vscode-"));
    const script = path.join(REPO_ROOT, "editors", "tests", "fixture_project.py");
    fixture = JSON.parse(execFileSync(python, [script, tmp], { encoding: "utf8" })) as Fixture;
    sourceUri = uriOf(fixture.source);
    session = new LspSession({
      python,
      root: fixture.root,
      userSettings: { engine: "builtin", budgetSeconds: 8, "verify.repeat": 1, "diagnostics.severity": "warning" },
    });
    initializeResult = await session.alive(session.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: "Visual Studio Code", version: "1.82.0" },
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- required by the type; VS Code still sends it
      rootUri: uriOf(fixture.root),
      workspaceFolders: [{ uri: uriOf(fixture.root), name: "shop" }],
      capabilities: VSCODE_CAPABILITIES,
      initializationOptions: session.settings(),
    }));
    await session.connection.sendNotification(InitializedNotification.type, {});
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: sourceUri, languageId: "python", version: 1, text: readFileSync(fixture.source, "utf8") },
    });
  });

  after(async () => {
    await session.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("introduces itself", () => {
    assert.equal(initializeResult.serverInfo?.name, "covopt-ls");
    assert.ok(initializeResult.capabilities.hoverProvider);
  });

  it("shows what coverage.py reports missing as diagnostics, with the user's severity", async () => {
    const diagnostics = await session.waitFor(
      "diagnostics",
      () => {
        const list = session.diagnostics.get(sourceUri)?.filter((d) => d.source === DIAGNOSTIC_SOURCE);
        return list !== undefined && list.length > 0 ? list : undefined;
      },
      "covopt diagnostics on the opened file",
    );
    assert.deepEqual(lineSet(diagnostics, "uncovered-line"), fixture.missing_lines);
    const executed = new Set(fixture.executed_lines);
    const partial = [...new Set(fixture.missing_branches.map(([from]) => from).filter((line) => executed.has(line)))].sort((a, b) => a - b);
    assert.deepEqual(lineSet(diagnostics, "partial-branch"), partial);
    // workspace/configuration answered from the extension's settings module: severity "warning"
    assert.ok(diagnostics.every((d) => d.severity === 2), "diagnostics.severity=warning reached the server");
  });

  it("hovers with the line's coverage and where the data came from", async () => {
    const missing = fixture.missing_lines[0] ?? 1;
    const executedLine = fixture.executed_lines[0] ?? 1;
    const onMissing = await session.alive(session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: sourceUri }, position: { line: missing - 1, character: 4 } }));
    const onExecuted = await session.alive(session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: sourceUri }, position: { line: executedLine - 1, character: 4 } }));
    assert.ok(onMissing && onExecuted, "hover on both lines");
    const missingText = hoverText(onMissing.contents);
    assert.match(missingText, /not (covered|executed|run)/i);
    assert.match(missingText, /\.coverage/);
    assert.notEqual(hoverText(onExecuted.contents), missingText);
  });

  it("answers the status bar's summary with coverage.py's totals", async () => {
    const summary = parseCoverageSummary(await session.alive(session.connection.sendRequest(REQUESTS.coverageSummary, { textDocument: { uri: sourceUri } })));
    assert.ok(summary, "covopt/coverageSummary answered");
    assert.equal(summary.lines_total, fixture.executed_lines.length + fixture.missing_lines.length);
    assert.equal(summary.lines_covered, fixture.executed_lines.length);
  });

  it("reloads coverage on the extension's Reload command, keeping the diagnostics", async () => {
    const before = session.diagnostics.get(sourceUri)?.length ?? 0;
    await session.alive(session.connection.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.reloadCoverage, arguments: [] }));
    const summary = parseCoverageSummary(await session.alive(session.connection.sendRequest(REQUESTS.coverageSummary, { textDocument: { uri: sourceUri } })));
    assert.equal(summary?.lines_covered, fixture.executed_lines.length);
    assert.equal(session.diagnostics.get(sourceUri)?.length, before);
  });

  it("generates, verifies and inserts a test from the quick fix", async () => {
    assert.ok(initializeResult.capabilities.codeActionProvider, "the server offers code actions");
    const diagnostics = session.diagnostics.get(sourceUri) ?? [];
    const gap = diagnostics.find((d) => d.code === "uncovered-line");
    assert.ok(gap, "an uncovered-line diagnostic");
    const context = { diagnostics: [gap], only: ["quickfix"] };
    const offered = (await session.alive(session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: sourceUri }, range: gap.range, context }))) ?? [];
    const generate = generateActions(offered.filter(isCodeAction))[0];
    assert.ok(generate?.command, `a "Generate tests" quick fix among ${JSON.stringify(offered.map((a) => a.title))}`);

    const progressBefore = new Set(session.progress.keys());
    const refreshesBefore = session.inlayHintRefreshes;
    await session.alive(session.connection.sendRequest(ExecuteCommandRequest.type, { command: generate.command.command, arguments: generate.command.arguments ?? [] }));

    const token = await session.waitFor("progress", () => [...session.progress.keys()].find((key) => !progressBefore.has(key)), "work-done progress for the job");
    await session.waitFor("progress", () => (session.progress.get(token)?.some((v) => v.kind === "end") ? true : undefined), "the job's progress to end", 90_000);
    assert.equal(session.progress.get(token)?.[0]?.kind, "begin");
    await session.waitFor("inlayHintRefresh", () => (session.inlayHintRefreshes > refreshesBefore ? true : undefined), "workspace/inlayHint/refresh after the job");

    const lineCount = readFileSync(fixture.source, "utf8").split("\n").length;
    const hints: InlayHint[] = (await session.alive(session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: sourceUri }, range: { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } } }))) ?? [];
    const labels = hints.map((hint) => (typeof hint.label === "string" ? hint.label : hint.label.map((part) => part.value).join("")));
    const done = labels.find((label) => label.includes("✓"));
    assert.ok(done, `a "✓ test_… covers …" inlay hint among ${JSON.stringify(labels)}`);

    const again = (await session.alive(session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: sourceUri }, range: gap.range, context }))) ?? [];
    const insert = insertActions(again.filter(isCodeAction))[0];
    assert.ok(insert, `an "Insert test" quick fix among ${JSON.stringify(again.map((a) => a.title))}`);
    const resolved = insert.edit ? insert : await session.alive(session.connection.sendRequest(CodeActionResolveRequest.type, insert));
    assert.ok(resolved.edit, "codeAction/resolve gives the edit");
    const before = readFileSync(fixture.test_file, "utf8");
    const touched = applyWorkspaceEdit(resolved.edit);
    assert.ok(touched.includes(fixture.test_file), `the edit changes ${fixture.test_file}`);
    const afterInsert = readFileSync(fixture.test_file, "utf8");
    assert.ok(afterInsert.length > before.length && afterInsert.includes("def test_"), "a test function was inserted");

    const pytest = execFileSync(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", path.relative(fixture.root, fixture.test_file)], { cwd: fixture.root, encoding: "utf8", stdio: "pipe" });
    assert.match(pytest, /passed/);

    // As VS Code does after the edit: run the action's command; the server measures the inserted
    // test and the gap's diagnostic goes away without a new coverage run.
    if (resolved.command) {
      await session.alive(session.connection.sendRequest(ExecuteCommandRequest.type, { command: resolved.command.command, arguments: resolved.command.arguments ?? [] }));
    }
    await session.waitFor(
      "diagnostics",
      () => ((session.diagnostics.get(sourceUri) ?? []).some((d) => d.code === "uncovered-line" && d.range.start.line === gap.range.start.line) ? undefined : true),
      `the diagnostic of the gap at line ${gap.range.start.line + 1} to go away after the insertion`,
    );

    const tasks = parseTasks(await session.alive(session.connection.sendRequest(REQUESTS.tasks, {})));
    assert.ok(tasks.some((task) => task.status === "completed"), "covopt/tasks lists the completed task");
  });

  it("cancels a running job as the Cancel command does", async () => {
    const diagnostics = session.diagnostics.get(sourceUri) ?? [];
    const gap = diagnostics.find((d) => d.code === "uncovered-line" && d.range.start.line === (fixture.missing_lines[1] ?? 0) - 1);
    assert.ok(gap, "a second uncovered-line diagnostic");
    const offered = (await session.alive(session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: sourceUri }, range: gap.range, context: { diagnostics: [gap], only: ["quickfix"] } }))) ?? [];
    const generate = generateActions(offered.filter(isCodeAction))[0];
    assert.ok(generate?.command, "a Generate quick fix for the second gap");
    await session.alive(session.connection.sendRequest(ExecuteCommandRequest.type, { command: generate.command.command, arguments: generate.command.arguments ?? [] }));

    const running = parseTasks(await session.alive(session.connection.sendRequest(REQUESTS.tasks, {}))).filter(isRunning);
    assert.equal(running.length, 1, "the new job runs");
    const taskId = running[0]?.task_id ?? "";
    const answer: unknown = await session.alive(session.connection.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.cancelTask, arguments: [taskId] }));
    assert.deepEqual(answer, { cancelled: true });
    const task = parseTasks([await session.alive(session.connection.sendRequest(REQUESTS.task, { task_id: taskId }))])[0];
    assert.equal(task?.status, "cancelled");
  });
});
