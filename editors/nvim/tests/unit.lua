-- The plugin's pure parts in headless Neovim, without a server (run by test_nvim.py):
--   COVOPT_PLUGIN=... COVOPT_OUT=... nvim --headless --clean -u unit.lua
-- Writes "ok" or the failures, one a line.
vim.opt.rtp:prepend(vim.env.COVOPT_PLUGIN)
local covopt = require("covopt")
local failures = {}

local function check(name, got, want)
  if not vim.deep_equal(got, want) then
    table.insert(failures, string.format("%s: got %s, want %s", name, vim.inspect(got), vim.inspect(want)))
  end
end

-- diagnostics_at: a gap over lines 4-6 (0-based 3-5) ends at column 0 of line 6 (0-based)
local buf = vim.api.nvim_create_buf(true, false)
vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(string.rep("x = 1\n", 12), "\n"))
local ns = vim.api.nvim_create_namespace("covopt-unit")
vim.diagnostic.set(ns, buf, {
  { lnum = 3, col = 0, end_lnum = 6, end_col = 0, source = "covopt", message = "Lines 4-6 not covered" },
  { lnum = 8, col = 0, end_lnum = 8, end_col = 0, source = "covopt", message = "Branch 9→exit never taken" },
  { lnum = 4, col = 0, end_lnum = 5, end_col = 3, source = "pyright", message = "other" },
})
local function at(lnum)
  return vim.tbl_map(function(d)
    return d.message
  end, covopt.diagnostics_at(buf, lnum))
end
check("before the gap", at(2), {})
check("first line of the gap", at(3), { "Lines 4-6 not covered" })
check("inside the gap", at(5), { "Lines 4-6 not covered" })
check("line after the gap", at(6), {})
check("zero-width range on its line", at(8), { "Branch 9→exit never taken" })

check("generate by command", covopt.is_generate_action({ title = "x", command = { command = "covopt.generateTests" } }), true)
check("generate by title", covopt.is_generate_action({ title = "Generate a test for branch 12→15" }), true)
check("not another server's generate", covopt.is_generate_action({ title = "Generate docstring", command = "pylsp.doc" }), false)
check("insert by title", covopt.is_insert_action({ title = "Insert test_x into tests/test_mod.py" }), true)

check(
  "completed task line",
  covopt.format_task({
    task_id = "t1",
    status = "completed",
    result = { recommended_tests = { { test_name = "test_a", verified = true }, { test_name = "test_b", verified = false } } },
  }),
  "completed  t1  test_a"
)
check(
  "task line with its job",
  covopt.format_task({ task_id = "t3", status = "processing", job = { title = "lines 8 of f" }, progress = { message = "verifying 1/2" } }),
  "processing t3  lines 8 of f: verifying 1/2"
)
check("failed task line", covopt.format_task({ task_id = "t2", status = "failed", error = { message = "LLM down" } }), "failed     t2  LLM down")

local cmd, source = covopt.resolve_cmd({ python = "/venv/bin/python", server_args = { "-v" } })
check("python option", { cmd, source }, { { "/venv/bin/python", "-m", "covopt_ls", "-v" }, "the python option" })
check("cmd option", { covopt.resolve_cmd({ cmd = { "covopt-ls", "--tcp", "x" } }) }, { { "covopt-ls", "--tcp", "x" }, "the cmd option" })

vim.fn.writefile(#failures == 0 and { "ok" } or failures, vim.env.COVOPT_OUT)
vim.cmd("qa!")
