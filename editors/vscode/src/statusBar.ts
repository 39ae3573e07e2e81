/**
 * The status bar item: the active Python file's coverage and the running generation jobs.
 * Totals come from `covopt/coverageSummary` when the server answers it, else the number of covopt
 * diagnostics is shown. Jobs are polled only while some are running.
 */
import * as vscode from "vscode";
import { ErrorCodes, ResponseError } from "vscode-languageclient/node";

import { DIAGNOSTIC_SOURCE, REQUESTS, isRunning, parseCoverageSummary, parseTasks } from "./protocol";
import type { FileCoverageSummary } from "./protocol";
import type { ServerManager } from "./server";
import { formatStatus } from "./status";

const POLL_MS = 1500;

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: { dispose(): unknown }[] = [];
  private readonly unsupported = new Set<string>();
  private running = 0;
  private pollTimer: NodeJS.Timeout | undefined;

  /** Clicking shows the tasks while the server runs, and restarts it (probing the interpreter again) otherwise. */
  constructor(
    private readonly manager: ServerManager,
    private readonly commands: { whenRunning: string; otherwise: string },
  ) {
    this.item.name = "covopt";
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.languages.onDidChangeDiagnostics(() => void this.refresh()),
      manager.onDidChangeState(() => {
        this.unsupported.clear();
        void this.refresh();
      }),
    );
    void this.refresh();
  }

  /** Called after a command that may start or end a job: poll until no job runs. */
  refreshSoon(): void {
    if (this.pollTimer === undefined) {
      this.pollTimer = setTimeout(() => {
        this.pollTimer = undefined;
        void this.refresh();
      }, 300);
    }
  }

  private async ask(method: string, params: object): Promise<unknown> {
    const client = this.manager.running;
    if (client === undefined || this.unsupported.has(method)) {
      return undefined;
    }
    try {
      return await client.sendRequest(method, params);
    } catch (error) {
      if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) {
        this.unsupported.add(method);
      }
      return undefined;
    }
  }

  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const python = editor?.document.languageId === "python" ? editor.document : undefined;
    let coverage: FileCoverageSummary | undefined;
    let gaps: number | undefined;
    if (python !== undefined) {
      coverage = parseCoverageSummary(
        await this.ask(REQUESTS.coverageSummary, { textDocument: { uri: python.uri.toString() } }),
      );
      gaps = vscode.languages.getDiagnostics(python.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE).length;
    }
    this.running = parseTasks(await this.ask(REQUESTS.tasks, {})).filter(isRunning).length;
    const view = formatStatus({ coverage, gaps, running: this.running, serverState: this.manager.state });
    this.item.command = this.manager.state === "running" ? this.commands.whenRunning : this.commands.otherwise;
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    if (python !== undefined || this.running > 0 || this.manager.state !== "running") {
      this.item.show();
    } else {
      this.item.hide();
    }
    if (this.running > 0 && this.pollTimer === undefined) {
      this.pollTimer = setTimeout(() => {
        this.pollTimer = undefined;
        void this.refresh();
      }, POLL_MS);
    }
  }

  dispose(): void {
    if (this.pollTimer !== undefined) {
      clearTimeout(this.pollTimer);
    }
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}
