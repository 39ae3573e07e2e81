--- covopt: the covopt-ls language server in Neovim >= 0.11.
---
--- require("covopt").setup({...}) configures the server with vim.lsp.config and enables it with
--- vim.lsp.enable; it turns inlay hints on in Python buffers (they carry each job's result), echoes
--- the server's work-done progress, and defines :CovoptGenerate, :CovoptInsert, :CovoptTasks,
--- :CovoptReload and :CovoptCancel. The quick fixes are the server's own code actions: this plugin
--- never rebuilds their arguments, so it keeps working when the server's commands change.
local M = {}

M.name = "covopt"

--- Names the server defines (ARCHITECTURE.md).
M.server = {
  generate_command = "covopt.generateTests",
  insert_command = "covopt.insertTest",
  cancel_command = "covopt.cancelTask",
  reload_command = "covopt.reloadCoverage",
  tasks_request = "covopt/tasks",
  task_request = "covopt/task",
  summary_request = "covopt/coverageSummary",
  diagnostic_source = "covopt",
}

--- @class covopt.Options
--- @field cmd? string[] the whole server command; overrides `python`
--- @field python? string interpreter with covopt-ls installed (runs `python -m covopt_ls`)
--- @field server_args? string[] extra server arguments, e.g. { "-v", "--log-file", "/tmp/covopt.log" }
--- @field filetypes? string[]
--- @field root_markers? string[]
--- @field settings? table server settings, camelCase as on the wire ({ engine = "llm", llm = { baseUrl = ... } })
--- @field inlay_hints? boolean enable inlay hints in attached buffers (default true)
--- @field progress? boolean echo the server's progress (default true)
M.defaults = {
  cmd = nil,
  python = nil,
  server_args = {},
  filetypes = { "python" },
  root_markers = { "pyproject.toml", "setup.cfg", "setup.py", "tox.ini", ".coverage", "coverage.xml", ".git" },
  settings = {},
  inlay_hints = true,
  progress = true,
}

--- @type covopt.Options
M.options = vim.deepcopy(M.defaults)

local group = vim.api.nvim_create_augroup("covopt", { clear = true })

--- The interpreter that runs the server, and where the choice came from.
--- Order: the `python` option, `covopt-ls` on PATH, $VIRTUAL_ENV's python, python3.
--- @return string[] cmd, string source
function M.resolve_cmd(opts)
  opts = opts or M.options
  local extra = opts.server_args or {}
  if opts.cmd then
    return opts.cmd, "the cmd option"
  end
  if opts.python then
    return vim.list_extend({ vim.fn.expand(opts.python), "-m", "covopt_ls" }, extra), "the python option"
  end
  local script = vim.fn.exepath("covopt-ls")
  if script ~= "" then
    return vim.list_extend({ script }, extra), "covopt-ls on PATH"
  end
  local venv = vim.env.VIRTUAL_ENV
  if venv and vim.fn.executable(venv .. "/bin/python") == 1 then
    return vim.list_extend({ venv .. "/bin/python", "-m", "covopt_ls" }, extra), "$VIRTUAL_ENV"
  end
  return vim.list_extend({ "python3", "-m", "covopt_ls" }, extra), "python3 on PATH"
end

--- @param bufnr? integer
--- @return vim.lsp.Client?
function M.client(bufnr)
  local clients = vim.lsp.get_clients({ name = M.name, bufnr = bufnr })
  if #clients == 0 and bufnr ~= nil then
    clients = vim.lsp.get_clients({ name = M.name })
  end
  return clients[1]
end

local function notify(message, level)
  vim.notify("covopt: " .. message, level or vim.log.levels.INFO)
end

local function need_client()
  local client = M.client(vim.api.nvim_get_current_buf())
  if not client then
    notify("the covopt-ls server is not running (see :checkhealth covopt)", vim.log.levels.WARN)
  end
  return client
end

--- @param action lsp.CodeAction|lsp.Command
local function command_name(action)
  if type(action.command) == "table" then
    return action.command.command
  end
  return action.command
end

--- The quick fixes "Generate tests for lines 4-5" / "Generate a test for branch 12→15".
function M.is_generate_action(action)
  return command_name(action) == M.server.generate_command
    or action.title:match("^Generate tests? for ") ~= nil
    or action.title:match("^Generate a test for ") ~= nil
end

--- The quick fixes "Insert test_x into tests/test_mod.py" (their edit comes with codeAction/resolve).
function M.is_insert_action(action)
  return command_name(action) == M.server.insert_command or action.title:match("^Insert test") ~= nil
end

--- The covopt diagnostics whose range covers line `lnum` (0-based): a gap spans several lines, and
--- a whole-line range ends at column 0 of the line after it.
function M.diagnostics_at(bufnr, lnum)
  return vim.tbl_filter(function(d)
    if d.source ~= M.server.diagnostic_source or d.lnum > lnum then
      return false
    end
    local end_lnum = d.end_lnum or d.lnum
    return lnum < end_lnum or (lnum == end_lnum and ((d.end_col or 0) > 0 or end_lnum == d.lnum))
  end, vim.diagnostic.get(bufnr))
end

local function run_code_action(filter, on_none)
  local client = need_client()
  if not client then
    return
  end
  local bufnr = vim.api.nvim_get_current_buf()
  local lnum = vim.api.nvim_win_get_cursor(0)[1] - 1
  local ours = M.diagnostics_at(bufnr, lnum)
  if #ours == 0 then
    notify(on_none)
    return
  end
  local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] or ""
  vim.lsp.buf.code_action({
    apply = true,
    range = { start = { lnum + 1, 0 }, ["end"] = { lnum + 1, #line } },
    context = {
      only = { "quickfix" },
      diagnostics = vim.tbl_map(function(d)
        return d.user_data and d.user_data.lsp or d
      end, ours),
    },
    filter = filter,
  })
end

--- :CovoptGenerate: start a job for the gap under the cursor.
function M.generate()
  run_code_action(M.is_generate_action, "no coverage gap on this line")
end

--- :CovoptInsert: insert a verified test for the gap under the cursor.
function M.insert()
  run_code_action(M.is_insert_action, "no coverage gap on this line")
end

local function exec(command, arguments, callback)
  local client = need_client()
  if not client then
    return
  end
  client:exec_cmd({ title = command, command = command, arguments = arguments }, { bufnr = 0 }, callback)
end

--- :CovoptReload: re-read the coverage files.
function M.reload()
  exec(M.server.reload_command, {}, function(err)
    if err then
      notify("reload failed: " .. err.message, vim.log.levels.ERROR)
    else
      notify("coverage reloaded")
    end
  end)
end

--- Tasks as the server lists them (`covopt/tasks` answers a list or { tasks = [...] }).
--- @param callback fun(tasks: table[]?, err: lsp.ResponseError?)
function M.fetch_tasks(callback)
  local client = need_client()
  if not client then
    return callback(nil, { code = -1, message = "not running" })
  end
  client:request(M.server.tasks_request, vim.empty_dict(), function(err, result)
    if err then
      return callback(nil, err)
    end
    local tasks = result
    if type(result) == "table" and result.tasks then
      tasks = result.tasks
    end
    callback(type(tasks) == "table" and tasks or {}, nil)
  end)
end

local function is_running(task)
  return task.status == "pending" or task.status == "processing"
end

--- One line per task: status, id, then its tests, its error or its progress.
function M.format_task(task)
  local detail
  if task.status == "failed" then
    detail = type(task.error) == "table" and task.error.message or "failed"
  elseif task.status == "completed" then
    local names = {}
    local result = type(task.result) == "table" and task.result or {}
    for _, test in ipairs(result.recommended_tests or {}) do
      if test.verified ~= false then
        table.insert(names, test.test_name or "test")
      end
    end
    detail = #names > 0 and table.concat(names, ", ") or "no verified test"
  else
    detail = type(task.progress) == "table" and task.progress.message or task.status
  end
  local job = type(task.job) == "table" and task.job.title
  if job then
    detail = job .. ": " .. (detail or "")
  end
  return string.format("%-10s %s  %s", task.status, task.task_id, detail or "")
end

--- A task's tests in a scratch Python buffer.
function M.open_task(task)
  local lines = { "# covopt task " .. task.task_id .. ": " .. task.status }
  if type(task.error) == "table" and task.error.message then
    table.insert(lines, "# error: " .. task.error.message)
  end
  local result = type(task.result) == "table" and task.result or {}
  for _, test in ipairs(result.recommended_tests or {}) do
    table.insert(lines, "")
    local covered = test.covered_lines and #test.covered_lines > 0
        and ("covers lines " .. table.concat(test.covered_lines, ", "))
      or ""
    table.insert(
      lines,
      string.format("# %s: %s %s", test.test_name or "test", test.verified == false and "NOT verified" or "verified", covered)
    )
    vim.list_extend(lines, vim.split(vim.trim(test.test_code or ""), "\n"))
  end
  vim.cmd("botright new")
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].buftype = "nofile"
  vim.bo[buf].bufhidden = "wipe"
  vim.bo[buf].swapfile = false
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].filetype = "python"
  vim.api.nvim_buf_set_name(buf, "covopt://task/" .. task.task_id)
end

--- :CovoptTasks: the tasks with their status; choosing one opens its tests.
function M.tasks()
  M.fetch_tasks(function(tasks, err)
    if err then
      return notify("cannot list tasks: " .. err.message, vim.log.levels.ERROR)
    end
    if #tasks == 0 then
      return notify("no generation tasks yet")
    end
    vim.ui.select(tasks, { prompt = "covopt tasks", kind = "covopt.task", format_item = M.format_task }, function(task)
      if task then
        M.open_task(task)
      end
    end)
  end)
end

--- :CovoptCancel [task_id]: cancel a task (chosen among the running ones without an id).
function M.cancel(task_id)
  local function cancel(id)
    exec(M.server.cancel_command, { id }, function(err)
      if err then
        notify("cancel failed: " .. err.message, vim.log.levels.ERROR)
      else
        notify("cancelled " .. id)
      end
    end)
  end
  if task_id and task_id ~= "" then
    return cancel(task_id)
  end
  M.fetch_tasks(function(tasks, err)
    if err then
      return notify("cannot list tasks: " .. err.message, vim.log.levels.ERROR)
    end
    local running = vim.tbl_filter(is_running, tasks)
    if #running == 0 then
      return notify("no task is running")
    end
    vim.ui.select(running, { prompt = "Cancel which task?", kind = "covopt.task", format_item = M.format_task }, function(task)
      if task then
        cancel(task.task_id)
      end
    end)
  end)
end

local function on_attach(client, bufnr)
  if M.options.inlay_hints and vim.bo[bufnr].filetype == "python" then
    vim.lsp.inlay_hint.enable(true, { bufnr = bufnr })
  end
end

local function on_progress(event)
  local client = vim.lsp.get_client_by_id(event.data.client_id)
  if not client or client.name ~= M.name then
    return
  end
  local value = event.data.params.value or {}
  local parts = {}
  if value.title then
    table.insert(parts, value.title)
  end
  if not (parts[1] or ""):match("^covopt") then
    table.insert(parts, 1, "covopt:")
  end
  if value.message then
    table.insert(parts, value.message)
  end
  if value.percentage then
    table.insert(parts, string.format("(%d%%)", value.percentage))
  end
  if value.kind == "end" then
    table.insert(parts, "done")
  end
  vim.api.nvim_echo({ { table.concat(parts, " ") } }, false, {})
end

--- @param opts? covopt.Options
function M.setup(opts)
  M.options = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts or {})
  local cmd = M.resolve_cmd(M.options)
  local settings = M.options.settings or {}
  vim.lsp.config(M.name, {
    cmd = cmd,
    filetypes = M.options.filetypes,
    root_markers = M.options.root_markers,
    -- initializationOptions and the `covopt` section of workspace/configuration carry the same settings
    init_options = settings,
    settings = { covopt = settings },
    on_attach = on_attach,
  })
  vim.lsp.enable(M.name)
  vim.api.nvim_clear_autocmds({ group = group })
  if M.options.progress then
    vim.api.nvim_create_autocmd("LspProgress", { group = group, callback = on_progress })
  end
end

return M
