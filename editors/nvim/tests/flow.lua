-- The user's flow in real headless Neovim, run by test_nvim.py:
--   nvim --headless --clean -u flow.lua
-- Environment: COVOPT_PLUGIN (editors/nvim), COVOPT_PY, COVOPT_ROOT, COVOPT_SOURCE, COVOPT_TEST_FILE,
-- COVOPT_OUT (JSON results), COVOPT_MISSING_LINE, COVOPT_EXECUTED_LINE (1-based).
-- Every step writes what it saw to COVOPT_OUT; the Python side asserts. Waits poll with vim.wait,
-- never fixed sleeps; a watchdog ends a hung run with the results so far.
local env = vim.env
vim.opt.rtp:prepend(env.COVOPT_PLUGIN)
vim.cmd("filetype plugin indent on")
vim.o.swapfile = false
vim.o.shortmess = vim.o.shortmess .. "F"

local results = { steps = {}, progress = {}, messages = {} }

local function save()
  local file = assert(io.open(env.COVOPT_OUT, "w"))
  file:write(vim.json.encode(results))
  file:close()
end

local function step(name, value)
  results.steps[name] = value
  save()
end

local original_notify = vim.notify
vim.notify = function(message, level, opts)
  table.insert(results.messages, { message = message, level = level })
  return original_notify(message, level, opts)
end

vim.defer_fn(function()
  results.error = "watchdog: the flow did not finish in time"
  save()
  vim.cmd("cq!")
end, tonumber(env.COVOPT_WATCHDOG_MS or "170000"))

local covopt = require("covopt")
covopt.setup({
  python = env.COVOPT_PY,
  settings = {
    engine = "builtin",
    budgetSeconds = 8,
    verify = { ["repeat"] = 1 },
    diagnostics = { severity = "warning" },
  },
})

vim.api.nvim_create_autocmd("LspProgress", {
  callback = function(event)
    local value = event.data.params.value or {}
    table.insert(results.progress, { kind = value.kind, title = value.title, message = value.message })
  end,
})

local function wait(what, timeout_ms, check)
  if not vim.wait(timeout_ms, check, 50) then
    error("timed out waiting for " .. what, 0)
  end
end

local function hover_text(client, bufnr, line)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line - 1, character = 4 } }
  local response = client:request_sync("textDocument/hover", params, 10000, bufnr)
  local contents = response and response.result and response.result.contents
  if type(contents) == "table" then
    return contents.value or vim.inspect(contents)
  end
  return contents
end

local function hint_labels(bufnr)
  local labels = {}
  for _, item in ipairs(vim.lsp.inlay_hint.get({ bufnr = bufnr })) do
    local label = item.inlay_hint.label
    if type(label) == "table" then
      label = table.concat(vim.tbl_map(function(part)
        return part.value
      end, label))
    end
    table.insert(labels, { line = item.inlay_hint.position.line + 1, label = label })
  end
  return labels
end

local function flow()
  local bufnr = vim.api.nvim_get_current_buf()
  wait("the covopt client to attach", 30000, function()
    local client = covopt.client(bufnr)
    return client ~= nil and client.initialized == true
  end)
  local client = assert(covopt.client(bufnr))
  step("attach", {
    name = client.name,
    server_info = client.server_info,
    root_dir = client.root_dir,
    code_actions = client.server_capabilities.codeActionProvider ~= nil,
    inlay_hints_enabled = vim.lsp.inlay_hint.is_enabled({ bufnr = bufnr }),
    filetype = vim.bo[bufnr].filetype,
  })

  wait("covopt diagnostics", 30000, function()
    return #vim.diagnostic.get(bufnr, { namespace = vim.lsp.diagnostic.get_namespace(client.id) }) > 0
  end)
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr, { namespace = vim.lsp.diagnostic.get_namespace(client.id) })) do
    table.insert(diagnostics, {
      lnum = d.lnum,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      code = d.code,
      source = d.source,
      severity = d.severity,
      message = d.message,
    })
  end
  step("diagnostics", diagnostics)

  step("hover", {
    missing = hover_text(client, bufnr, tonumber(env.COVOPT_MISSING_LINE)),
    executed = hover_text(client, bufnr, tonumber(env.COVOPT_EXECUTED_LINE)),
  })

  vim.cmd("checkhealth covopt")
  step("health", vim.api.nvim_buf_get_lines(0, 0, -1, false))
  vim.cmd("silent! tabclose")
  vim.api.nvim_set_current_buf(bufnr)

  local notified = #results.messages
  vim.cmd("CovoptReload")
  wait(":CovoptReload to answer", 15000, function()
    return #results.messages > notified
  end)
  step("reload", results.messages[#results.messages].message)


  -- quick fix → job → progress → inlay hint
  local gap_line = tonumber(env.COVOPT_MISSING_LINE)
  vim.api.nvim_win_set_cursor(0, { gap_line, 0 })
  local progress_before = #results.progress
  vim.cmd("CovoptGenerate")
  wait("the job's progress to end", 120000, function()
    for index = progress_before + 1, #results.progress do
      if results.progress[index].kind == "end" then
        return true
      end
    end
    return false
  end)
  local labels
  wait("a ✓ inlay hint", 30000, function()
    labels = hint_labels(bufnr)
    for _, hint in ipairs(labels) do
      if hint.label:find("✓", 1, true) then
        return true
      end
    end
    return false
  end)
  step("generate", { hints = labels })

  -- insert → the test file changes on disk
  local before = table.concat(vim.fn.readfile(env.COVOPT_TEST_FILE), "\n")
  vim.api.nvim_win_set_cursor(0, { gap_line, 0 })
  vim.cmd("CovoptInsert")
  wait("the test file to change", 30000, function()
    local test_buf = vim.fn.bufnr(env.COVOPT_TEST_FILE)
    return test_buf ~= -1 and vim.bo[test_buf].modified
  end)
  vim.cmd("silent wall")
  -- the insert action's command makes the server measure the inserted test: the gap's diagnostic goes
  local gap_gone = vim.wait(60000, function()
    for _, d in ipairs(covopt.diagnostics_at(bufnr, gap_line - 1)) do
      if d.code == "uncovered-line" then
        return false
      end
    end
    return true
  end, 50)
  step("insert", {
    before = before,
    after = table.concat(vim.fn.readfile(env.COVOPT_TEST_FILE), "\n"),
    gap_diagnostic_gone = gap_gone,
  })

  -- :CovoptTasks lists the task (vim.ui.select is the UI extension point; capture what it shows)
  local shown
  vim.ui.select = function(items, opts, on_choice)
    shown = vim.tbl_map(opts.format_item or tostring, items)
    on_choice(items[1], 1)
  end
  vim.cmd("CovoptTasks")
  wait(":CovoptTasks to show the tasks", 10000, function()
    return shown ~= nil
  end)
  wait("the task's tests to open", 5000, function()
    return vim.api.nvim_buf_get_name(0):find("covopt://task/", 1, true) ~= nil
  end)
  step("tasks", { items = shown, opened = vim.api.nvim_buf_get_lines(0, 0, -1, false) })

  -- :CovoptCancel on a job just started for another gap: choose it among the running tasks
  vim.api.nvim_set_current_buf(bufnr)
  vim.api.nvim_win_set_cursor(0, { tonumber(env.COVOPT_OTHER_GAP_LINE), 0 })
  vim.cmd("CovoptGenerate")
  local function tasks_now()
    local response = client:request_sync("covopt/tasks", vim.empty_dict(), 5000, bufnr)
    local result = response and response.result or {}
    return result.tasks or result
  end
  wait("the second job to start", 30000, function()
    return vim.iter(tasks_now()):any(function(task)
      return task.status == "pending" or task.status == "processing"
    end)
  end)
  local offered
  vim.ui.select = function(items, opts, on_choice)
    offered = vim.tbl_map(opts.format_item or tostring, items)
    on_choice(items[1], 1)
  end
  local notified = #results.messages
  vim.cmd("CovoptCancel")
  wait(":CovoptCancel to answer", 30000, function()
    for index = notified + 1, #results.messages do
      if results.messages[index].message:find("cancel", 1, true) then
        return true
      end
    end
    return false
  end)
  local final
  wait("the task to end", 30000, function()
    final = tasks_now()
    return not vim.iter(final):any(function(task)
      return task.status == "pending" or task.status == "processing"
    end)
  end)
  step("cancel", {
    offered = offered,
    message = results.messages[#results.messages].message,
    statuses = vim.tbl_map(function(task)
      return task.status
    end, final),
  })
end

vim.api.nvim_create_autocmd("VimEnter", {
  nested = true,
  once = true,
  callback = function()
    vim.cmd.edit(vim.fn.fnameescape(env.COVOPT_SOURCE))
    local ok, err = pcall(flow)
    if not ok then
      results.error = tostring(err)
    end
    results.done = true
    save()
    vim.cmd(ok and "qa!" or "cq!")
  end,
})
