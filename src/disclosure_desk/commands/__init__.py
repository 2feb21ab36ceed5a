"""Handlers of the ``disclosure-desk`` subcommands: each module has ``run(args) -> int``."""
