-- :checkhealth covopt with an interpreter that lacks covopt-ls (run by test_nvim.py):
--   COVOPT_PLUGIN=... COVOPT_PY=<python without covopt-ls> COVOPT_OUT=... nvim --headless --clean -u health_missing.lua
vim.opt.rtp:prepend(vim.env.COVOPT_PLUGIN)
require("covopt").setup({ python = vim.env.COVOPT_PY })
vim.cmd("checkhealth covopt")
vim.fn.writefile(vim.api.nvim_buf_get_lines(0, 0, -1, false), vim.env.COVOPT_OUT)
vim.cmd("qa!")
