/**
 * Choosing the server's code actions for the editor commands. The client never rebuilds the
 * arguments of `covopt.generateTests` or `covopt.insertTest`: it asks the server for the code
 * actions at the cursor and runs the one it offers, so the server alone owns their shape.
 * Pure and generic over the action type, so VS Code's CodeAction and the LSP one both fit.
 */
import { SERVER_COMMANDS } from "./protocol";

export interface ActionLike {
  title: string;
  command?: { command: string } | string | undefined;
}

function commandName(action: ActionLike): string | undefined {
  return typeof action.command === "string" ? action.command : action.command?.command;
}

/** The "Generate tests for lines 4-5" / "Generate a test for branch 12→15" actions. */
export function generateActions<T extends ActionLike>(actions: readonly T[]): T[] {
  return actions.filter(
    (action) => commandName(action) === SERVER_COMMANDS.generateTests || /^Generate\b/.test(action.title),
  );
}

/** The "Insert test_x into tests/test_mod.py" actions (their edit comes with codeAction/resolve). */
export function insertActions<T extends ActionLike>(actions: readonly T[]): T[] {
  return actions.filter(
    (action) => commandName(action) === SERVER_COMMANDS.insertTest || /^Insert\b/.test(action.title),
  );
}
