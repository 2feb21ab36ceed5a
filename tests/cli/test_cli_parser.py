"""The command line builds only the subcommand it is given (a few milliseconds less for ``check`` and
``list``), reads it as the whole parser would, and still lists every command in its help. ``list``
and ``export`` read the store without importing SQLAlchemy."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from disclosure_desk import cli


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["check", "a.json"], "check"),
        (["--data-dir", "list", "check", "a.json"], "check"),  # a folder named like a command
        (["--data-dir=x", "list"], "list"),
        (["--version"], None),
        (["--help"], None),
        ([], None),
        (["chekc", "a.json"], None),  # a typo: the whole parser says which commands there are
    ],
)
def test_the_subcommand_is_found_as_argparse_finds_it(argv, command):
    assert cli.command_in(argv) == command


def test_one_subcommand_parses_as_with_the_whole_parser():
    argv = ["--data-dir", "d", "pdf", "r.json", "-o", "r.pdf", "--previous", "p.json"]
    assert cli.build_parser(only="pdf").parse_args(argv) == cli.build_parser().parse_args(argv)


def test_the_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert all(name in out for name in cli._COMMANDS)


def test_a_mistyped_command_is_refused_with_the_list_of_commands(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["chekc", "a.json"])
    assert exit_info.value.code == 2 and "check" in capsys.readouterr().err


def _commands_in_a_fresh_process(tmp_path, commands: str, modules: str, *args: str) -> str:
    """Run ``commands`` (Python calling ``main``) on a store holding the 2021 sample, then print which of
    the ``modules`` (a Python expression over a module name ``m``) were imported; the output."""
    from disclosure_desk.application.workspace import open_workspace
    from tests.conftest import SAMPLE_2021_JSON

    with open_workspace(tmp_path / "drafts.sqlite3") as workspace:
        workspace.import_file(SAMPLE_2021_JSON)
    probe = (
        f"import sys; from disclosure_desk.cli import main\n{commands}\n"
        f"print(sorted(m for m in sys.modules if {modules}))\n"
    )
    env = dict(os.environ, DISCLOSURE_DESK_DATA_DIR=str(tmp_path))
    return subprocess.run(
        [sys.executable, "-c", probe, *args], env=env, capture_output=True, text=True, check=True
    ).stdout


def test_list_and_export_do_not_import_sqlalchemy(tmp_path):
    from tests.conftest import SAMPLE_2021_JSON

    out = _commands_in_a_fresh_process(
        tmp_path,
        "main(['list']); main(['export', '1', '-o', sys.argv[1]])",
        "m.split('.')[0] == 'sqlalchemy'",
        str(tmp_path / "out.json"),
    )
    assert "青禾县统计局" in out and out.strip().endswith("[]")
    assert (tmp_path / "out.json").read_bytes() == SAMPLE_2021_JSON.read_bytes()


def test_list_imports_neither_typing_nor_dataclasses(tmp_path):
    """The list command's path is kept light (docs/performance.md): no typing (~3 ms), no dataclasses
    (~10 ms with inspect): a module that imports one at run time shows here."""
    out = _commands_in_a_fresh_process(tmp_path, "main(['list'])", "m in ('typing', 'dataclasses', 'inspect')")
    assert "青禾县统计局" in out and out.strip().endswith("[]")
