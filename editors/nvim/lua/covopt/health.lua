--- :checkhealth covopt: the Neovim version, the interpreter and the server version, the attached
--- client, and the coverage files the server would find in the project.
local M = {}

local SKIP_DIRS = { [".venv"] = true, ["venv"] = true, ["node_modules"] = true, [".git"] = true, [".tox"] = true, ["__pycache__"] = true }
local DEFAULT_GLOBS = { "**/.coverage", "**/coverage.xml", "**/coverage.json", "**/lcov.info" }

local function run(cmd)
  local ok, result = pcall(function()
    return vim.system(cmd, { text = true }):wait(20000)
  end)
  if not ok then
    return { code = -1, stdout = "", stderr = tostring(result) }
  end
  return result
end

--- The server's version from the command that starts it (python -m covopt_ls --version).
local function server_version(cmd)
  -- without the user's server arguments: `--version` right after the module or the script
  local base = {}
  for index, part in ipairs(cmd) do
    table.insert(base, part)
    if part == "covopt_ls" or (index == 1 and part:match("covopt%-ls$")) then
      break
    end
  end
  table.insert(base, "--version")
  local result = run(base)
  if result.code ~= 0 then
    local err = vim.trim((result.stderr or "") .. (result.stdout or ""))
    local last = err:match("([^\n]*)$") or err
    return nil, last ~= "" and last or ("exit code " .. tostring(result.code))
  end
  return vim.trim(result.stdout or ""), nil
end

--- A glob as path segments: `**` matches any number of directories, other segments are matched
--- one to one (vim.glob's own `**/x` also accepts `ax`, which would report foo.coverage).
local function segment_matcher(glob)
  local segments = {}
  for _, part in ipairs(vim.split(glob, "/", { plain = true })) do
    if part == "**" then
      table.insert(segments, "**")
    else
      local ok, pattern = pcall(vim.glob.to_lpeg, part)
      if not ok then
        return nil
      end
      table.insert(segments, pattern * vim.lpeg.P(-1))
    end
  end
  local function match(names, i, j)
    if i > #segments then
      return j > #names
    end
    if segments[i] == "**" then
      for k = j, #names + 1 do
        if match(names, i + 1, k) then
          return true
        end
      end
      return false
    end
    return j <= #names and segments[i]:match(names[j]) ~= nil and match(names, i + 1, j + 1)
  end
  return function(path)
    return match(vim.split(path, "/", { plain = true }), 1, 1)
  end
end

local function coverage_files(root, globs)
  local patterns = {}
  for _, glob in ipairs(globs) do
    local matcher = segment_matcher(glob)
    if matcher then
      table.insert(patterns, matcher)
    end
  end
  local found = {}
  for name, kind in vim.fs.dir(root, {
    depth = 10,
    skip = function(dir)
      return not SKIP_DIRS[vim.fs.basename(dir)]
    end,
  }) do
    if kind == "file" then
      for _, pattern in ipairs(patterns) do
        if pattern(name) then
          table.insert(found, name)
          break
        end
      end
    end
  end
  table.sort(found)
  return found
end

M._segment_matcher = segment_matcher

function M.check()
  local covopt = require("covopt")
  vim.health.start("covopt: Neovim")
  if vim.fn.has("nvim-0.11") == 1 then
    vim.health.ok("Neovim " .. tostring(vim.version()))
  else
    vim.health.error("Neovim >= 0.11 is required (vim.lsp.config, vim.lsp.enable)", { "Upgrade Neovim" })
  end

  vim.health.start("covopt: server")
  local cmd, source = covopt.resolve_cmd()
  vim.health.info(string.format("command: %s (from %s)", table.concat(cmd, " "), source))
  if vim.fn.executable(cmd[1]) ~= 1 then
    vim.health.error(cmd[1] .. " is not executable", {
      'Set python in require("covopt").setup({ python = "/path/to/python" })',
    })
  else
    local version, err = server_version(cmd)
    if version then
      vim.health.ok("covopt-ls installed: " .. version)
    else
      vim.health.error("covopt-ls cannot start: " .. err, {
        "Install it into that interpreter: " .. cmd[1] .. " -m pip install covopt-ls",
        'or point the plugin at an interpreter that has it: require("covopt").setup({ python = ... })',
      })
    end
  end

  local client = covopt.client()
  local root
  if client then
    local info = client.server_info or {}
    vim.health.ok(string.format("attached: %s %s (client %d, root %s)", info.name or "?", info.version or "?", client.id, client.root_dir or "none"))
    root = client.root_dir
  elseif covopt.options then
    vim.health.warn("no covopt client is running", { "Open a Python file of the project (the server starts on FileType python)", 'Call require("covopt").setup() in your config' })
  end

  vim.health.start("covopt: coverage data")
  root = root or vim.fs.root(0, covopt.options.root_markers or {}) or vim.fn.getcwd()
  local settings = covopt.options.settings or {}
  local globs = settings.coverageFiles or DEFAULT_GLOBS
  local files = coverage_files(root, globs)
  if #files == 0 then
    vim.health.warn("no coverage files in " .. root .. " matching " .. table.concat(globs, ", "), {
      "Run your tests with coverage: coverage run --branch -m pytest (or pytest --cov --cov-branch --cov-report=xml)",
      "Or set settings.coverageFiles to where your reports are",
    })
  else
    for _, file in ipairs(files) do
      local stat = vim.uv.fs_stat(vim.fs.joinpath(root, file))
      local when = stat and os.date("%Y-%m-%d %H:%M", stat.mtime.sec) or "?"
      vim.health.ok(string.format("%s (measured %s)", file, when))
    end
  end
  if client then
    for _, bufnr in ipairs(vim.lsp.get_buffers_by_client_id(client.id)) do
      local name = vim.api.nvim_buf_get_name(bufnr)
      local response = client:request_sync(covopt.server.summary_request, { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }, 5000, bufnr)
      local summary = response and response.result
      if type(summary) == "table" and type(summary.lines) == "table" then
        vim.health.ok(string.format("%s: %d of %d lines covered (%s)", vim.fn.fnamemodify(name, ":~:."), summary.lines.covered, summary.lines.total, summary.origin or summary.report or "?"))
      elseif response and response.err == nil then
        vim.health.warn(vim.fn.fnamemodify(name, ":~:.") .. ": no coverage data for this file", { "See the diagnostic at its first line for why (not measured, or measured under another path: settings.pathMappings)" })
      end
    end
  end
end

return M
