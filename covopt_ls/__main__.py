"""`python -m covopt_ls`: the language server, as editors launch it."""

from covopt_ls.lsp.main import main

if __name__ == "__main__":
    raise SystemExit(main())
