import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import * as path from "node:path";
import { describe, it } from "node:test";

// The .vsix ships dist/extension.js without node_modules: the bundle may load only `vscode` and
// Node's own modules. (The Makefile builds the bundle before the tests run.)
describe("the bundled extension", () => {
  const bundle = readFileSync(path.join(__dirname, "..", "..", "..", "dist", "extension.js"), "utf8");
  const required = new Set([...bundle.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1] ?? ""));

  it("requires nothing but vscode and Node built-ins", () => {
    const builtins = new Set(builtinModules);
    const foreign = [...required].filter((name) => name !== "vscode" && !builtins.has(name.replace(/^node:/, "")));
    assert.deepEqual(foreign, []);
    assert.ok(required.has("vscode"));
  });

  it("exports activate and deactivate", () => {
    assert.match(bundle, /activate: \(\) => activate/);
    assert.match(bundle, /deactivate: \(\) => deactivate/);
  });
});
