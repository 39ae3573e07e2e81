-- The :Covopt* commands. The server starts only after require("covopt").setup().
if vim.g.loaded_covopt then
  return
end
vim.g.loaded_covopt = true

local function covopt()
  return require("covopt")
end

vim.api.nvim_create_user_command("CovoptGenerate", function()
  covopt().generate()
end, { desc = "covopt: generate tests for the coverage gap under the cursor" })

vim.api.nvim_create_user_command("CovoptInsert", function()
  covopt().insert()
end, { desc = "covopt: insert the verified test for the gap under the cursor" })

vim.api.nvim_create_user_command("CovoptTasks", function()
  covopt().tasks()
end, { desc = "covopt: list the generation tasks" })

vim.api.nvim_create_user_command("CovoptReload", function()
  covopt().reload()
end, { desc = "covopt: re-read the coverage files" })

vim.api.nvim_create_user_command("CovoptCancel", function(args)
  covopt().cancel(args.args)
end, { nargs = "?", desc = "covopt: cancel a generation task" })
