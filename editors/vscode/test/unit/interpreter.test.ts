import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, chmodSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";

import {
  expandPath,
  installCommand,
  probeServer,
  quoteArg,
  resolveInterpreter,
  runProcess,
  serverArgs,
} from "../../src/interpreter";
import { projectPython } from "../support";

describe("resolveInterpreter", () => {
  const noExtension = (): Promise<string | undefined> => Promise.resolve(undefined);

  it("prefers the covopt.interpreter setting, expanded", async () => {
    let asked = false;
    const resolved = await resolveInterpreter({
      configured: "${workspaceFolder}/.venv/bin/python",
      workspaceFolder: "/proj",
      pythonExtension: () => {
        asked = true;
        return Promise.resolve("/other/python");
      },
    });
    assert.deepEqual(resolved, { python: "/proj/.venv/bin/python", source: "setting" });
    assert.equal(asked, false, "the Python extension is not consulted when the setting is set");
  });

  it("takes the Python extension's active environment when the setting is empty", async () => {
    const resolved = await resolveInterpreter({
      configured: "  ",
      workspaceFolder: "/proj",
      pythonExtension: () => Promise.resolve("/envs/a/bin/python"),
    });
    assert.deepEqual(resolved, { python: "/envs/a/bin/python", source: "python-extension" });
  });

  it("falls back to python3, or python on Windows, when neither gives one", async () => {
    assert.deepEqual(await resolveInterpreter({ configured: null, workspaceFolder: undefined, pythonExtension: noExtension, platform: "linux" }), {
      python: "python3",
      source: "default",
    });
    assert.deepEqual(await resolveInterpreter({ configured: undefined, workspaceFolder: "/p", pythonExtension: noExtension, platform: "win32" }), {
      python: "python",
      source: "default",
    });
  });

  it("survives a Python extension that throws", async () => {
    const resolved = await resolveInterpreter({
      configured: "",
      workspaceFolder: "/p",
      pythonExtension: () => Promise.reject(new Error("extension failed to activate")),
      platform: "linux",
    });
    assert.equal(resolved.source, "default");
  });
});

describe("expandPath", () => {
  it("expands ~, ${userHome} and ${env:NAME}", () => {
    assert.equal(expandPath("~/venv/bin/python", "/w", "/home/ada"), "/home/ada/venv/bin/python");
    assert.equal(expandPath("${userHome}/py", "/w", "/home/ada"), "/home/ada/py");
    assert.equal(expandPath("${env:VENV}/bin/python", "/w", "/h", { VENV: "/opt/v" }), "/opt/v/bin/python");
  });

  it("reads a relative path from the workspace folder and leaves a bare name for PATH", () => {
    assert.equal(expandPath(".venv/bin/python", "/w", "/h"), path.join("/w", ".venv/bin/python"));
    assert.equal(expandPath("python3.12", "/w", "/h"), "python3.12");
  });
});

describe("probeServer (real interpreters)", () => {
  it("reports the version where covopt-ls is installed", async () => {
    const probe = await probeServer(projectPython());
    assert.equal(probe.installed, true);
    assert.match(probe.installed ? probe.version : "", /^\d+\.\d+/);
  });

  it("names the missing module where covopt-ls is not installed", async () => {
    // A real Python that cannot import covopt_ls: isolated mode (-I) drops the venv's site-packages
    // only when it runs outside the venv, so use a scratch script that execs python -S -I.
    const dir = mkdtempSync(path.join(os.tmpdir(), "covopt-probe-"));
    const wrapper = path.join(dir, "python");
    writeFileSync(wrapper, `#!/bin/sh\nexec "${projectPython()}" -S -I "$@"\n`);
    chmodSync(wrapper, 0o755);
    const probe = await probeServer(wrapper);
    assert.equal(probe.installed, false);
    assert.match(probe.installed ? "" : probe.reason, /ModuleNotFoundError: No module named 'covopt_ls'/);
  });

  it("says so when the interpreter does not exist", async () => {
    const probe = await probeServer("/nonexistent/bin/python");
    assert.equal(probe.installed, false);
    assert.match(probe.installed ? "" : probe.reason, /cannot run \/nonexistent\/bin\/python/);
  });

  it("runProcess never rejects and passes arguments without a shell", async () => {
    const result = await runProcess(projectPython(), ["-c", "import sys; print(sys.argv[1])", "$HOME; echo hi"]);
    assert.deepEqual(result, { code: 0, stdout: "$HOME; echo hi\n", stderr: "" });
  });
});

describe("server command line", () => {
  it("runs the module with the user's extra arguments", () => {
    assert.deepEqual(serverArgs(["-v"]), ["-m", "covopt_ls", "-v"]);
  });

  it("quotes the interpreter in the install command for the shell", () => {
    assert.equal(installCommand("/usr/bin/python3", "linux"), "/usr/bin/python3 -m pip install covopt-ls");
    assert.equal(installCommand("/my envs/py", "linux"), "'/my envs/py' -m pip install covopt-ls");
    assert.equal(installCommand("C:\\Program Files\\py.exe", "win32"), '& "C:\\Program Files\\py.exe" -m pip install covopt-ls');
    assert.equal(quoteArg("it's", "linux"), "'it'\\''s'");
  });
});
