/**
 * The Python extension (ms-python.python), when installed: its active environment for a folder, and
 * an event when the user picks another one. Typed here with the few members used, so the
 * extension works without it and needs no extra dependency.
 */
import * as vscode from "vscode";

interface EnvironmentPath {
  id: string;
  path: string;
}

interface ResolvedEnvironment {
  executable: { uri?: vscode.Uri | undefined };
}

interface PythonExtensionApi {
  environments?: {
    getActiveEnvironmentPath(resource?: vscode.Uri): EnvironmentPath;
    resolveEnvironment(environment: EnvironmentPath | string): Promise<ResolvedEnvironment | undefined>;
    onDidChangeActiveEnvironmentPath: vscode.Event<unknown>;
  };
  settings?: {
    getExecutionDetails(resource?: vscode.Uri): { execCommand: string[] | undefined };
  };
}

const PYTHON_EXTENSION_ID = "ms-python.python";

async function api(): Promise<PythonExtensionApi | undefined> {
  const extension = vscode.extensions.getExtension<PythonExtensionApi>(PYTHON_EXTENSION_ID);
  if (extension === undefined) {
    return undefined;
  }
  return extension.isActive ? extension.exports : await extension.activate();
}

/** The executable of the Python extension's active environment for `resource`, if any. */
export async function activeInterpreter(resource: vscode.Uri | undefined): Promise<string | undefined> {
  const python = await api();
  if (python?.environments) {
    const environmentPath = python.environments.getActiveEnvironmentPath(resource);
    const resolved = await python.environments.resolveEnvironment(environmentPath);
    const executable = resolved?.executable.uri?.fsPath;
    if (executable) {
      return executable;
    }
  }
  const command = python?.settings?.getExecutionDetails(resource).execCommand;
  return command !== undefined && command.length === 1 ? command[0] : undefined;
}

/** Calls `listener` when the user selects another environment; a no-op without the extension. */
export async function onDidChangeInterpreter(listener: () => void): Promise<vscode.Disposable> {
  const python = await api();
  return python?.environments?.onDidChangeActiveEnvironmentPath(listener) ?? new vscode.Disposable(() => undefined);
}
