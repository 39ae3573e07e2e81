/** The covopt VS Code extension: wires the server manager, the commands and the status bar. */
import * as vscode from "vscode";

import { COMMANDS, registerCommands } from "./commands";
import { onDidChangeInterpreter } from "./pythonExtension";
import { ServerManager } from "./server";
import { SECTION } from "./settings";
import { StatusBar } from "./statusBar";

let manager: ServerManager | undefined;

interface PackageJson {
  contributes?: { configuration?: { properties?: Record<string, unknown> } };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const packageJson = context.extension.packageJSON as PackageJson;
  const output = vscode.window.createOutputChannel("covopt-ls");
  const trace = vscode.window.createOutputChannel("covopt-ls trace");
  manager = new ServerManager(packageJson.contributes?.configuration?.properties ?? {}, output, trace);
  const status = new StatusBar(manager, { whenRunning: COMMANDS.showTasks, otherwise: COMMANDS.restart });
  context.subscriptions.push(
    output,
    trace,
    manager,
    status,
    ...registerCommands(manager, status),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION) && !event.affectsConfiguration(`${SECTION}.trace`)) {
        manager?.scheduleRestart("settings changed");
      }
    }),
    await onDidChangeInterpreter(() => {
      manager?.scheduleRestart("Python interpreter changed");
    }),
  );
  await manager.start();
}

export async function deactivate(): Promise<void> {
  await manager?.stop();
  manager = undefined;
}
