/**
 * The covopt settings as the server sees them.
 *
 * VS Code fills every unset setting with its default, but the server merges its own layers
 * (COVOPT_* environment variables, `[tool.covopt]` in pyproject.toml) below the client's. Sending
 * VS Code's defaults would silently override a project's pyproject settings, so only the values a
 * user set explicitly (user, workspace or folder scope) are sent: in initializationOptions and in
 * the answer to `workspace/configuration` (section `covopt`).
 *
 * Pure: no `vscode` import, so node --test covers it.
 */

/** Settings of the client itself: never sent to the server. */
export const CLIENT_ONLY_KEYS: ReadonlySet<string> = new Set(["interpreter", "serverArgs", "trace.server"]);

/** Settings of the server's other front doors (the HTTP API): meaningless in an editor, not contributed. */
export const NOT_FOR_EDITORS: readonly string[] = ["http."];

/** The settings section, as in `covopt.llm.baseUrl`. */
export const SECTION = "covopt";

/** The part of `WorkspaceConfiguration.inspect()` that says where a value was set. */
export interface Inspection {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/** The server's setting keys (dotted, without the `covopt.` prefix) from package.json's contributions. */
export function serverSettingKeys(contributedProperties: Readonly<Record<string, unknown>>): string[] {
  const prefix = `${SECTION}.`;
  return Object.keys(contributedProperties)
    .filter((name) => name.startsWith(prefix))
    .map((name) => name.slice(prefix.length))
    .filter((key) => !CLIENT_ONLY_KEYS.has(key))
    .sort();
}

/** The most specific explicitly set value, or undefined when the user never set it. */
export function explicitValue(inspection: Inspection | undefined): unknown {
  if (inspection === undefined) {
    return undefined;
  }
  for (const value of [inspection.workspaceFolderValue, inspection.workspaceValue, inspection.globalValue]) {
    if (value !== undefined) {
      return value;
    }
  }
  return undefined;
}

/** `{"llm.baseUrl": x}` → `{"llm": {"baseUrl": x}}`; `null` values mean "unset" and are dropped. */
export function nestSettings(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [dotted, value] of entries) {
    if (value === undefined || value === null) {
      continue;
    }
    const parts = dotted.split(".");
    const leaf = parts.pop();
    if (leaf === undefined || leaf === "") {
      continue;
    }
    let node = root;
    for (const part of parts) {
      const child = node[part];
      if (typeof child === "object" && child !== null && !Array.isArray(child)) {
        node = child as Record<string, unknown>;
      } else {
        const fresh: Record<string, unknown> = {};
        node[part] = fresh;
        node = fresh;
      }
    }
    node[leaf] = value;
  }
  return root;
}

/** The server's view of the settings: only what was set explicitly, nested, camelCase as on the wire. */
export function explicitServerSettings(
  keys: readonly string[],
  inspect: (key: string) => Inspection | undefined,
): Record<string, unknown> {
  return nestSettings(keys.map((key) => [key, explicitValue(inspect(key))] as const));
}
