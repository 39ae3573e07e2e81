/**
 * The extension's commands. Their ids differ from the server's (`covopt.generateTests`, ...)
 * because vscode-languageclient registers the server's commands under their own ids.
 */
import * as vscode from "vscode";
import { ExecuteCommandRequest } from "vscode-languageclient/node";
import type { LanguageClient } from "vscode-languageclient/node";

import { generateActions, insertActions } from "./actions";
import { REQUESTS, SERVER_COMMANDS, isRunning, parseTasks } from "./protocol";
import type { TaskJson } from "./protocol";
import type { ServerManager } from "./server";
import type { StatusBar } from "./statusBar";
import { describeTask, taskResultDocument } from "./tasks";

export const COMMANDS = {
  restart: "covopt.restart",
  reload: "covopt.reload",
  generateAtCursor: "covopt.generateAtCursor",
  insertAtCursor: "covopt.insertAtCursor",
  showTasks: "covopt.showTasks",
  cancel: "covopt.cancel",
  showOutput: "covopt.showOutput",
} as const;

export function registerCommands(manager: ServerManager, status: StatusBar): vscode.Disposable[] {
  const client = (): LanguageClient | undefined => {
    const running = manager.running;
    if (running === undefined) {
      void vscode.window.showWarningMessage("covopt-ls is not running: see the covopt-ls output.", "Show log").then(
        (choice) => {
          if (choice === "Show log") {
            manager.output.show();
          }
        },
      );
    }
    return running;
  };

  const serverCommand = async (command: string, args: unknown[] = []): Promise<unknown> => {
    const running = client();
    return running?.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  };

  const fetchTasks = async (): Promise<TaskJson[]> => {
    const running = client();
    return running ? parseTasks(await running.sendRequest(REQUESTS.tasks, {})) : [];
  };

  /** The server's code actions at the cursor, filtered; the chosen one is applied like a quick fix. */
  const runActionAtCursor = async (
    choose: (actions: vscode.CodeAction[]) => vscode.CodeAction[],
    nothingMessage: string,
  ): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined || client() === undefined) {
      return;
    }
    const line = editor.document.lineAt(editor.selection.active.line);
    const range = editor.selection.isEmpty ? line.range : editor.selection;
    const all =
      (await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>(
        "vscode.executeCodeActionProvider",
        editor.document.uri,
        range,
        undefined,
        10,
      )) ?? [];
    const actions = choose(all);
    if (actions.length === 0) {
      void vscode.window.showInformationMessage(nothingMessage);
      return;
    }
    let action = actions[0];
    if (actions.length > 1) {
      const picked = await vscode.window.showQuickPick(
        actions.map((candidate) => ({ label: candidate.title, action: candidate })),
        { placeHolder: "covopt" },
      );
      action = picked?.action;
    }
    if (action === undefined) {
      return;
    }
    if (action.edit !== undefined) {
      await vscode.workspace.applyEdit(action.edit);
    }
    if (action.command !== undefined) {
      await vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
    }
    status.refreshSoon();
  };

  const openResult = async (task: TaskJson): Promise<void> => {
    const running = client();
    const fresh: unknown = running ? await running.sendRequest(REQUESTS.task, { task_id: task.task_id }) : undefined;
    const latest = parseTasks([fresh])[0] ?? task;
    const document = await vscode.workspace.openTextDocument({ language: "python", content: taskResultDocument(latest) });
    await vscode.window.showTextDocument(document, { preview: true });
  };

  const cancel = async (taskId?: string): Promise<void> => {
    let id = taskId;
    if (id === undefined) {
      const running = (await fetchTasks()).filter(isRunning);
      if (running.length === 0) {
        void vscode.window.showInformationMessage("covopt: no generation task is running.");
        return;
      }
      const picked = await vscode.window.showQuickPick(
        running.map((task) => ({ ...describeTask(task), task })),
        { placeHolder: "Cancel which task?" },
      );
      id = picked?.task.task_id;
    }
    if (id !== undefined) {
      await serverCommand(SERVER_COMMANDS.cancelTask, [id]);
      status.refreshSoon();
    }
  };

  const showTasks = async (): Promise<void> => {
    const tasks = await fetchTasks();
    if (tasks.length === 0) {
      void vscode.window.showInformationMessage("covopt: no generation tasks yet.");
      return;
    }
    const cancelButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon("close"), tooltip: "Cancel this task" };
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { task: TaskJson }>();
    pick.placeholder = "covopt tasks: choose one to open its tests";
    pick.items = tasks.map((task) => ({ ...describeTask(task), task, buttons: isRunning(task) ? [cancelButton] : [] }));
    pick.onDidTriggerItemButton(({ item }) => {
      pick.hide();
      void cancel(item.task.task_id);
    });
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0];
      pick.hide();
      if (chosen !== undefined) {
        void openResult(chosen.task);
      }
    });
    pick.onDidHide(() => {
      pick.dispose();
    });
    pick.show();
  };

  return [
    vscode.commands.registerCommand(COMMANDS.restart, () => manager.restart()),
    vscode.commands.registerCommand(COMMANDS.reload, async () => {
      await serverCommand(SERVER_COMMANDS.reloadCoverage);
      status.refreshSoon();
    }),
    vscode.commands.registerCommand(COMMANDS.generateAtCursor, () =>
      runActionAtCursor(generateActions, "covopt: no coverage gap under the cursor."),
    ),
    vscode.commands.registerCommand(COMMANDS.insertAtCursor, () =>
      runActionAtCursor(insertActions, "covopt: no verified test to insert here yet."),
    ),
    vscode.commands.registerCommand(COMMANDS.showTasks, showTasks),
    vscode.commands.registerCommand(COMMANDS.cancel, (taskId?: unknown) =>
      cancel(typeof taskId === "string" ? taskId : undefined),
    ),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => {
      manager.output.show();
    }),
  ];
}
