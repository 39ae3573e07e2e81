/**
 * A Node LSP client for the integration tests: the real covopt-ls over stdio, answering the
 * server's requests as vscode-languageclient 9 does (progress creation, inlay-hint refresh,
 * configuration from the extension's settings module, applyEdit written to disk), and recording
 * what the server sends so the tests can wait on it (never on fixed sleeps).
 */
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { EventEmitter } from "node:events";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  InlayHintRefreshRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
} from "vscode-languageserver-protocol/node";
import type {
  ClientCapabilities,
  Diagnostic,
  ProgressToken,
  ProtocolConnection,
  TextEdit,
  WorkDoneProgressBegin,
  WorkDoneProgressEnd,
  WorkDoneProgressReport,
  WorkspaceEdit,
} from "vscode-languageserver-protocol/node";

import { SECTION, explicitServerSettings } from "../../src/settings";

export const uriOf = (file: string): string => pathToFileURL(file).toString();
export const fileOf = (uri: string): string => fileURLToPath(uri);

/** The capabilities vscode-languageclient 9.0.1 declares for the features covopt-ls uses. */
export const VSCODE_CAPABILITIES: ClientCapabilities = {
  workspace: {
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ["create", "rename", "delete"], failureHandling: "textOnlyTransactional", normalizesLineEndings: true },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    executeCommand: { dynamicRegistration: true },
    workspaceFolders: true,
    configuration: true,
    inlayHint: { refreshSupport: true },
    diagnostics: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
    hover: { dynamicRegistration: true, contentFormat: ["markdown", "plaintext"] },
    codeAction: {
      dynamicRegistration: true,
      isPreferredSupport: true,
      disabledSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ["edit"] },
      codeActionLiteralSupport: {
        codeActionKind: { valueSet: ["", "quickfix", "refactor", "refactor.extract", "refactor.inline", "refactor.rewrite", "source", "source.organizeImports"] },
      },
      honorsChangeAnnotations: false,
    },
    publishDiagnostics: { relatedInformation: true, versionSupport: false, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    inlayHint: { dynamicRegistration: true, resolveSupport: { properties: ["tooltip", "textEdits", "label.tooltip", "label.location", "label.command"] } },
  },
  window: { workDoneProgress: true, showMessage: { messageActionItem: { additionalPropertiesSupport: true } }, showDocument: { support: true } },
  general: { positionEncodings: ["utf-16"], markdown: { parser: "marked", version: "1.1.0" } },
};

type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

export interface SessionOptions {
  python: string;
  root: string;
  /** What the user set in VS Code (dotted keys); answered through the extension's settings module. */
  userSettings: Record<string, unknown>;
}

export class LspSession {
  readonly connection: ProtocolConnection;
  readonly events = new EventEmitter();
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly progress = new Map<ProgressToken, ProgressValue[]>();
  readonly messages: string[] = [];
  readonly stderr: string[] = [];
  inlayHintRefreshes = 0;
  /** Rejects when the server process exits before close(): race it against every request. */
  readonly exited: Promise<never>;
  private closing = false;
  private readonly process: ChildProcessWithoutNullStreams;

  constructor(private readonly options: SessionOptions) {
    this.process = spawn(options.python, ["-m", "covopt_ls"], { cwd: options.root, stdio: "pipe" });
    this.process.stderr.on("data", (chunk: Buffer) => {
      this.stderr.push(chunk.toString());
    });
    this.exited = new Promise<never>((_resolve, reject) => {
      this.process.once("exit", (code, signal) => {
        if (!this.closing) {
          reject(new Error(`covopt-ls exited (code ${code ?? "none"}, signal ${signal ?? "none"}):\n${this.stderr.join("").slice(-3000)}`));
        }
      });
    });
    this.exited.catch(() => undefined);
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.listen();
    this.connection.listen();
  }

  private listen(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.events.emit("diagnostics", params.uri);
    });
    c.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params.message);
    });
    c.onNotification(LogMessageNotification.type, (params) => {
      this.messages.push(params.message);
    });
    c.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      this.progress.set(params.token, []);
      c.onProgress(WorkDoneProgress.type, params.token, (value) => {
        this.progress.get(params.token)?.push(value);
        this.events.emit("progress", params.token, value);
      });
      return null;
    });
    c.onRequest(InlayHintRefreshRequest.type, () => {
      this.inlayHintRefreshes += 1;
      this.events.emit("inlayHintRefresh");
      return null;
    });
    c.onRequest(RegistrationRequest.type, () => null);
    c.onRequest(UnregistrationRequest.type, () => null);
    c.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === SECTION ? this.settings() : null)),
    );
    c.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      applyWorkspaceEdit(params.edit);
      this.events.emit("applyEdit", params.edit);
      return { applied: true };
    });
  }

  /** The settings as ServerManager.settingsFor answers them: what the user set, nested. */
  settings(): Record<string, unknown> {
    return nestedUserSettings(this.options.userSettings);
  }

  /** A request's answer, or a failure with the server's stderr as soon as the server dies. */
  alive<R>(answer: Promise<R>): Promise<R> {
    return Promise.race([answer, this.exited]);
  }

  /** Resolves when `check` gives a value, re-checked on each `event`; rejects after `timeoutMs` with `what`. */
  waitFor<T>(event: string, check: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
    const waiting = new Promise<T>((resolve, reject) => {
      const attempt = (): boolean => {
        const value = check();
        if (value !== undefined) {
          cleanup();
          resolve(value);
          return true;
        }
        return false;
      };
      const onEvent = (): void => {
        attempt();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}\nserver stderr:\n${this.stderr.join("").slice(-3000)}\nmessages:\n${this.messages.join("\n")}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off(event, onEvent);
      };
      this.events.on(event, onEvent);
      attempt();
    });
    return Promise.race([waiting, this.exited]);
  }

  async close(): Promise<void> {
    this.closing = true;
    try {
      await this.connection.sendRequest("shutdown");
      await this.connection.sendNotification("exit");
    } catch {
      // the server may already be gone; it is killed below either way
    }
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) {
        resolve();
      } else {
        this.process.once("exit", () => {
          resolve();
        });
      }
    });
    const timer = setTimeout(() => this.process.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

function nestedUserSettings(user: Record<string, unknown>): Record<string, unknown> {
  return explicitServerSettings(Object.keys(user), (key) => ({ globalValue: user[key] }));
}

function offsetAt(text: string, line: number, character: number): number {
  let offset = 0;
  for (let current = 0; current < line; current += 1) {
    const next = text.indexOf("\n", offset);
    if (next === -1) {
      return text.length;
    }
    offset = next + 1;
  }
  return Math.min(offset + character, text.length);
}

/** Applies text edits (last first, so earlier offsets stay valid). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort(
    (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
  );
  let result = text;
  for (const edit of sorted) {
    const start = offsetAt(result, edit.range.start.line, edit.range.start.character);
    const end = offsetAt(result, edit.range.end.line, edit.range.end.character);
    result = result.slice(0, start) + edit.newText + result.slice(end);
  }
  return result;
}

/** Writes a WorkspaceEdit to disk as an editor would (documentChanges with CreateFile, or changes). */
export function applyWorkspaceEdit(edit: WorkspaceEdit): string[] {
  const touched: string[] = [];
  const editFile = (uri: string, edits: readonly TextEdit[]): void => {
    const file = fileOf(uri);
    const before = existsSync(file) ? readFileSync(file, "utf8") : "";
    writeFileSync(file, applyTextEdits(before, edits));
    touched.push(file);
  };
  for (const change of edit.documentChanges ?? []) {
    if ("kind" in change) {
      if (change.kind === "create") {
        const file = fileOf(change.uri);
        mkdirSync(path.dirname(file), { recursive: true });
        if (!existsSync(file) || change.options?.overwrite === true) {
          writeFileSync(file, "");
        }
        touched.push(file);
      }
      continue;
    }
    editFile(change.textDocument.uri, change.edits.filter((e): e is TextEdit => "range" in e));
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    editFile(uri, edits);
  }
  return touched;
}
