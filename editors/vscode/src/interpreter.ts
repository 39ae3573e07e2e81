/**
 * Which Python runs the server, and whether covopt-ls is installed there.
 *
 * Order: the `covopt.interpreter` setting, then the Python extension's active environment, then
 * `python3` (`python` on Windows). The server must run in an interpreter that has covopt-ls
 * installed; when it is missing the user is told so and offered the install command, rather than
 * seeing a client that dies at start.
 *
 * No `vscode` import: the Python extension is reached through a callback, so node --test covers it.
 */
import { execFile } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";

export type InterpreterSource = "setting" | "python-extension" | "default";

export interface ResolvedInterpreter {
  /** The interpreter's executable (a path, or a name looked up on PATH). */
  python: string;
  source: InterpreterSource;
}

export interface InterpreterInputs {
  /** The `covopt.interpreter` setting (null or empty when unset). */
  configured: string | null | undefined;
  /** The workspace folder for `${workspaceFolder}` in the setting. */
  workspaceFolder: string | undefined;
  /** The Python extension's active environment for this folder; undefined when there is none. */
  pythonExtension: () => Promise<string | undefined>;
  platform?: NodeJS.Platform;
  homeDir?: string;
}

/** Expands `${workspaceFolder}`, `${userHome}`, `~` and `${env:NAME}`; a relative path is taken from the workspace folder. */
export function expandPath(
  value: string,
  workspaceFolder: string | undefined,
  homeDir: string = os.homedir(),
  environ: NodeJS.ProcessEnv = process.env,
): string {
  let expanded = value
    .replace(/\$\{workspaceFolder\}/g, workspaceFolder ?? "")
    .replace(/\$\{userHome\}/g, homeDir)
    .replace(/\$\{env:([^}]+)\}/g, (_match, name: string) => environ[name] ?? "");
  if (expanded === "~" || expanded.startsWith("~/")) {
    expanded = path.join(homeDir, expanded.slice(1));
  }
  const looksLikePath = expanded.includes("/") || expanded.includes("\\");
  if (looksLikePath && !path.isAbsolute(expanded) && workspaceFolder !== undefined) {
    expanded = path.join(workspaceFolder, expanded);
  }
  return expanded;
}

export function defaultPython(platform: NodeJS.Platform = process.platform): string {
  return platform === "win32" ? "python" : "python3";
}

export async function resolveInterpreter(inputs: InterpreterInputs): Promise<ResolvedInterpreter> {
  const configured = inputs.configured?.trim();
  if (configured) {
    return { python: expandPath(configured, inputs.workspaceFolder, inputs.homeDir), source: "setting" };
  }
  let fromExtension: string | undefined;
  try {
    fromExtension = await inputs.pythonExtension();
  } catch {
    fromExtension = undefined;
  }
  if (fromExtension) {
    return { python: fromExtension, source: "python-extension" };
  }
  return { python: defaultPython(inputs.platform), source: "default" };
}

/** The command line that starts the server over stdio. */
export function serverArgs(extraArgs: readonly string[] = []): string[] {
  return ["-m", "covopt_ls", ...extraArgs];
}

/** Prints covopt-ls's version, or fails with ModuleNotFoundError when it is not installed. */
export const PROBE_ARGS: readonly string[] = ["-c", "import covopt_ls; print(covopt_ls.__version__)"];

export interface ProcessResult {
  /** null when the process could not be started at all (no such interpreter). */
  code: number | null;
  stdout: string;
  stderr: string;
}

export type RunProcess = (command: string, args: readonly string[]) => Promise<ProcessResult>;

export type ProbeResult = { installed: true; version: string } | { installed: false; reason: string };

/** Runs a process without a shell; never rejects. */
export const runProcess: RunProcess = (command, args) =>
  new Promise((resolve) => {
    execFile(command, [...args], { timeout: 20_000, windowsHide: true }, (error, stdout, stderr) => {
      if (error && typeof error.code === "string") {
        resolve({ code: null, stdout, stderr: error.message });
        return;
      }
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });

export async function probeServer(python: string, run: RunProcess = runProcess): Promise<ProbeResult> {
  const result = await run(python, PROBE_ARGS);
  if (result.code === null) {
    return { installed: false, reason: `cannot run ${python}: ${result.stderr.trim()}` };
  }
  if (result.code !== 0) {
    const lines = result.stderr.trim().split(/\r?\n/);
    const last = lines[lines.length - 1] ?? "";
    return { installed: false, reason: last || `${python} exited with ${result.code}` };
  }
  return { installed: true, version: result.stdout.trim() };
}

/** Quotes one argument for a POSIX shell or PowerShell/cmd, as the terminal will run it. */
export function quoteArg(arg: string, platform: NodeJS.Platform = process.platform): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) {
    return arg;
  }
  if (platform === "win32") {
    return `"${arg.replace(/"/g, '""')}"`;
  }
  return `'${arg.replace(/'/g, "'\\''")}'`;
}

/** The command the user is offered when covopt-ls is missing from the interpreter. */
export function installCommand(python: string, platform: NodeJS.Platform = process.platform): string {
  const prefix = platform === "win32" && /\s/.test(python) ? "& " : "";
  return `${prefix}${quoteArg(python, platform)} -m pip install covopt-ls`;
}
