import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

import { CLIENT_ONLY_KEYS, NOT_FOR_EDITORS, explicitServerSettings, explicitValue, nestSettings, serverSettingKeys } from "../../src/settings";
import type { Inspection } from "../../src/settings";
import { projectPython } from "../support";

interface Contributed {
  type: string | string[];
  default: unknown;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  description?: string;
  markdownDescription?: string;
}

const packageJson = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "..", "package.json"), "utf8")) as {
  contributes: { configuration: { properties: Record<string, Contributed> } };
};
const contributed = packageJson.contributes.configuration.properties;

interface PythonField {
  default: unknown;
  type: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}

/** The server's settings, flattened to dotted camelCase keys, read from the real pydantic model. */
function pythonSettings(): Record<string, PythonField> {
  const script = `
import json
from covopt_ls.settings import Settings
schema = Settings.model_json_schema(by_alias=True)
defaults = Settings().model_dump(by_alias=True)
out = {}
def walk(props, defs_default, prefix):
    for name, spec in props.items():
        if "$ref" in spec:
            sub = schema["$defs"][spec["$ref"].split("/")[-1]]
            walk(sub["properties"], defs_default[name], prefix + name + ".")
            continue
        types = [spec["type"]] if "type" in spec else [a["type"] for a in spec.get("anyOf", [])]
        field = {"default": defs_default[name], "type": "|".join(sorted(types))}
        for key in ("enum", "minimum", "maximum", "exclusiveMinimum"):
            if key in spec:
                field[key] = spec[key]
        out[prefix + name] = field
walk(schema["properties"], defaults, "")
print(json.dumps(out))
`;
  return JSON.parse(execFileSync(projectPython(), ["-c", script], { encoding: "utf8" })) as Record<string, PythonField>;
}

describe("contributed settings mirror the server's Settings model", () => {
  const server = Object.fromEntries(
    Object.entries(pythonSettings()).filter(([key]) => !NOT_FOR_EDITORS.some((prefix) => key.startsWith(prefix))),
  );
  const keys = serverSettingKeys(contributed);

  it("contributes exactly the server's settings, plus the client's own", () => {
    assert.deepEqual(keys, Object.keys(server).sort());
    for (const key of CLIENT_ONLY_KEYS) {
      assert.ok(`covopt.${key}` in contributed, `covopt.${key} is contributed`);
    }
  });

  for (const [key, field] of Object.entries(server)) {
    it(`covopt.${key}: same type, default and limits`, () => {
      const mine = contributed[`covopt.${key}`];
      assert.ok(mine, `covopt.${key} missing from package.json`);
      assert.deepEqual(mine.default, field.default);
      const types = (Array.isArray(mine.type) ? mine.type : [mine.type]).sort().join("|");
      assert.equal(types, field.type);
      assert.deepEqual(mine.enum, field.enum);
      assert.equal(mine.minimum, field.minimum);
      assert.equal(mine.maximum, field.maximum);
      assert.equal(mine.exclusiveMinimum, field.exclusiveMinimum);
      assert.ok((mine.description ?? mine.markdownDescription ?? "").length > 20, "a real description");
    });
  }

  it("the server accepts what the client sends for every contributed default", () => {
    const everything = nestSettings(keys.map((key) => [key, contributed[`covopt.${key}`]?.default] as const));
    const check = `
import json, sys
from covopt_ls.settings import Settings, build_settings
settings, errors = build_settings(json.loads(sys.argv[1]))
assert not errors, errors
assert settings == Settings(), settings
print("ok")
`;
    assert.equal(execFileSync(projectPython(), ["-c", check, JSON.stringify(everything)], { encoding: "utf8" }).trim(), "ok");
  });
});

describe("explicit settings only", () => {
  it("picks the most specific scope", () => {
    assert.equal(explicitValue({ globalValue: 1, workspaceValue: 2, workspaceFolderValue: 3 }), 3);
    assert.equal(explicitValue({ globalValue: 1, workspaceValue: 2 }), 2);
    assert.equal(explicitValue({ globalValue: false }), false);
    assert.equal(explicitValue({}), undefined);
    assert.equal(explicitValue(undefined), undefined);
  });

  it("sends nothing the user did not set, so pyproject settings keep working", () => {
    const inspections: Record<string, Inspection> = {
      engine: { globalValue: "llm" },
      "llm.baseUrl": { workspaceValue: "http://localhost:11434/v1" },
      "llm.model": { workspaceFolderValue: "qwen2.5-coder" },
      "llm.maxRetries": {},
      "verify.python": { globalValue: null },
      pathMappings: { workspaceValue: { "/app/src": "${workspaceFolder}/src" } },
    };
    const settings = explicitServerSettings(Object.keys(inspections).concat("testFile"), (key) => inspections[key]);
    assert.deepEqual(settings, {
      engine: "llm",
      llm: { baseUrl: "http://localhost:11434/v1", model: "qwen2.5-coder" },
      pathMappings: { "/app/src": "${workspaceFolder}/src" },
    });
  });

  it("keeps the keys of pathMappings as they are (they are paths, not setting names)", () => {
    assert.deepEqual(nestSettings([["pathMappings", { "/a.b/c": "/x" }]]), { pathMappings: { "/a.b/c": "/x" } });
  });
});
