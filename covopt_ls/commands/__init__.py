"""One module per `covopt` subcommand: `add_arguments(parser)` and `run(args) -> int`."""
