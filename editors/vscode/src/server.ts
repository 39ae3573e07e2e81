/**
 * Starts, stops and restarts the covopt-ls language client.
 *
 * One server serves every workspace folder. Before launching, the interpreter is probed: a missing
 * covopt-ls becomes a message with the install command instead of a client that crashes at start.
 * Settings changes restart the server after a short debounce, so typing a value restarts once.
 */
import * as vscode from "vscode";
import { LanguageClient, State, TransportKind } from "vscode-languageclient/node";
import type { LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";

import { Debouncer } from "./debounce";
import { installCommand, probeServer, resolveInterpreter, serverArgs } from "./interpreter";
import type { ResolvedInterpreter } from "./interpreter";
import { activeInterpreter } from "./pythonExtension";
import { SECTION, explicitServerSettings, serverSettingKeys } from "./settings";
import type { StatusInput } from "./status";

export type ServerState = StatusInput["serverState"];

const RESTART_DEBOUNCE_MS = 800;

export class ServerManager implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly restarter = new Debouncer(RESTART_DEBOUNCE_MS, (reasons) => {
    this.output.appendLine(`covopt: restarting (${reasons.join(", ")})`);
    void this.restart();
  });
  private starting: Promise<void> | undefined;
  private currentState: ServerState = "stopped";
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  private readonly settingKeys: string[];
  readonly onDidChangeState = this.stateEmitter.event;
  interpreter: ResolvedInterpreter | undefined;
  serverVersion: string | undefined;

  constructor(
    contributedProperties: Readonly<Record<string, unknown>>,
    readonly output: vscode.OutputChannel,
    private readonly trace: vscode.OutputChannel,
  ) {
    this.settingKeys = serverSettingKeys(contributedProperties);
  }

  get state(): ServerState {
    return this.currentState;
  }

  /** The running client, or undefined (the user is told why). */
  get running(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  private setState(state: ServerState): void {
    this.currentState = state;
    this.stateEmitter.fire(state);
  }

  /** The settings the user set explicitly for `scope`, nested as the server reads them. */
  settingsFor(scope: vscode.Uri | undefined): Record<string, unknown> {
    const configuration = vscode.workspace.getConfiguration(SECTION, scope ?? null);
    return explicitServerSettings(this.settingKeys, (key) => configuration.inspect(key));
  }

  async start(): Promise<void> {
    if (this.starting === undefined) {
      this.starting = this.doStart().finally(() => {
        this.starting = undefined;
      });
    }
    return this.starting;
  }

  private async doStart(): Promise<void> {
    this.setState("starting");
    const folder = vscode.workspace.workspaceFolders?.[0];
    const configuration = vscode.workspace.getConfiguration(SECTION, folder?.uri ?? null);
    const interpreter = await resolveInterpreter({
      configured: configuration.get<string | null>("interpreter"),
      workspaceFolder: folder?.uri.fsPath,
      pythonExtension: () => activeInterpreter(folder?.uri),
    });
    this.interpreter = interpreter;
    this.output.appendLine(`covopt: interpreter ${interpreter.python} (from ${interpreter.source})`);
    const probe = await probeServer(interpreter.python);
    if (!probe.installed) {
      this.output.appendLine(`covopt: covopt-ls is not available in ${interpreter.python}: ${probe.reason}`);
      this.setState("not-installed");
      void this.offerInstall(interpreter.python, probe.reason);
      return;
    }
    this.serverVersion = probe.version;
    const extraArgs = configuration.get<string[]>("serverArgs") ?? [];
    const serverOptions: ServerOptions = {
      command: interpreter.python,
      args: serverArgs(extraArgs),
      transport: TransportKind.stdio,
      options: folder ? { cwd: folder.uri.fsPath } : {},
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: "file", language: "python" }],
      outputChannel: this.output,
      traceOutputChannel: this.trace,
      initializationOptions: () => this.settingsFor(folder?.uri),
      middleware: {
        workspace: {
          configuration: async (params, token, next) => {
            const answers: unknown = await next(params, token);
            const fallback: unknown[] = Array.isArray(answers) ? answers : [];
            return params.items.map((item, index) => {
              if (item.section !== SECTION) {
                return fallback[index] ?? null;
              }
              const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : folder?.uri;
              return this.settingsFor(scope);
            });
          },
        },
      },
    };
    const client = new LanguageClient(SECTION, "covopt-ls", serverOptions, clientOptions);
    // textDocument/inlineCompletion (LSP 3.18, "proposed" in this client): the suggested test as
    // ghost text at its insertion point in the test file.
    client.registerProposedFeatures();
    client.onDidChangeState((event) => {
      if (client === this.client) {
        this.setState(event.newState === State.Running ? "running" : event.newState === State.Starting ? "starting" : "stopped");
      }
    });
    this.client = client;
    try {
      await client.start();
      this.setState("running");
    } catch (error) {
      this.output.appendLine(`covopt: the server failed to start: ${String(error)}`);
      this.setState("stopped");
    }
  }

  private async offerInstall(python: string, reason: string): Promise<void> {
    const command = installCommand(python);
    const choice = await vscode.window.showErrorMessage(
      `covopt-ls is not installed in ${python} (${reason}). Install it with: ${command}`,
      "Install",
      "Copy command",
      "Choose interpreter",
    );
    if (choice === "Install") {
      const terminal = vscode.window.createTerminal("covopt-ls install");
      terminal.show();
      terminal.sendText(command);
      const done = await vscode.window.showInformationMessage(
        "Restart covopt-ls when the installation has finished.",
        "Restart",
      );
      if (done === "Restart") {
        await this.restart();
      }
    } else if (choice === "Copy command") {
      await vscode.env.clipboard.writeText(command);
    } else if (choice === "Choose interpreter") {
      await vscode.commands.executeCommand("workbench.action.openSettings", `${SECTION}.interpreter`);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client !== undefined && client.state !== State.Stopped) {
      try {
        await client.stop();
      } catch (error) {
        this.output.appendLine(`covopt: stopping the server: ${String(error)}`);
      }
    }
    this.setState("stopped");
  }

  async restart(): Promise<void> {
    await this.starting;
    await this.stop();
    await this.start();
  }

  /** Restarts once the settings have stopped changing for a moment. */
  scheduleRestart(reason: string): void {
    this.restarter.trigger(reason);
  }

  dispose(): void {
    this.restarter.cancel();
    this.stateEmitter.dispose();
    void this.stop();
  }
}
