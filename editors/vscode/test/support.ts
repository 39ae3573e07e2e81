/** Shared by the Node tests: the project's Python (the Makefile passes PY=.venv/bin/python). */
import * as path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..", "..");

export function projectPython(): string {
  return process.env.PY ?? path.join(REPO_ROOT, ".venv", "bin", "python");
}
