"""The ``disclosure-desk`` command: the app without arguments, subcommands for files and the store.

Exit codes (docs/report-json.md): 0 ok, 1 errors found (check), 2 bad input, 3 cannot write,
4 an internal error (a bug; the traceback is in the log file, never shown raw).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys

from . import __version__, paths
from .errors import CannotWriteError, UserFacingError, os_reason

EXIT_INTERNAL = 4

# subcommand -> module in disclosure_desk.commands holding ``run(args) -> int``
_HANDLERS = {
    "check": "check",
    "pdf": "pdf",
    "docx": "docx",
    "html": "html",
    "convert": "convert",
    "import": "store",
    "export": "store",
    "list": "store",
    "restore-backup": "store",
    "empty-trash": "store",
    "review": "review",
    "server-setup": "server",
    "server-user": "server",
}


def _check(c: argparse.ArgumentParser) -> None:
    c.add_argument("file", metavar="FILE")
    c.add_argument("--previous", metavar="LAST", help="上一年度的报告，用于跨年度校验")
    c.add_argument("--json", action="store_true", help="以 JSON 数组输出校验结果")


def _pdf(d: argparse.ArgumentParser) -> None:
    d.add_argument("file", metavar="FILE")
    d.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    d.add_argument("--previous", metavar="LAST", help="上一年度的报告（用于校验）")


def _docx(w: argparse.ArgumentParser) -> None:
    w.add_argument("file", metavar="FILE")
    w.add_argument("-o", "--output", required=True, metavar="OUT.docx")
    w.add_argument("--previous", metavar="LAST", help="上一年度的报告（用于校验，决定是否印草稿标记）")


def _html(h: argparse.ArgumentParser) -> None:
    h.add_argument("file", metavar="FILE")
    h.add_argument("-o", "--output", required=True, metavar="OUT.html")
    h.add_argument("--fragment", action="store_true", help="只生成正文片段（粘贴到网站内容管理系统的编辑器中）")
    h.add_argument("--previous", metavar="LAST", help="上一年度的报告（用于校验，决定是否印草稿标记）")


def _convert(v: argparse.ArgumentParser) -> None:
    v.add_argument("file", metavar="IN")
    v.add_argument("-o", "--output", required=True, metavar="OUT")
    v.add_argument("--previous", metavar="LAST", help="上一年度的报告（用于校验，决定是否印草稿标记）")


def _import(i: argparse.ArgumentParser) -> None:
    i.add_argument("file", metavar="FILE")
    i.add_argument("--replace", action="store_true", help="覆盖同一机关同一年度的已有草稿")


def _export(e: argparse.ArgumentParser) -> None:
    e.add_argument("draft", metavar="DRAFT", help="草稿编号，或“机关名称 年度”")
    e.add_argument("-o", "--output", required=True, metavar="FILE.json")


def _restore_backup(r: argparse.ArgumentParser) -> None:
    r.add_argument("backup", nargs="?", metavar="BACKUP", help="备份文件名（不填则列出可用备份）")


def _review(a: argparse.ArgumentParser) -> None:
    a.add_argument("folder", metavar="FOLDER", nargs="?", help="存放各机关本年度报告的文件夹（JSON、Word、网页、PDF）")
    a.add_argument("--previous", metavar="FOLDER", help="存放上年度报告的文件夹，用于跨年度校验和比对")
    a.add_argument(
        "--from-store",
        action="store_true",
        help="不读文件夹，而读草稿库中的草稿（--store 指定的服务器，如 postgresql://审核账户@服务器/disclosure_desk）",
    )
    a.add_argument(
        "--year", type=int, metavar="YEAR", help="与 --from-store 一起：审核哪一年度（默认：草稿最多的年度）"
    )
    a.add_argument("--expected", metavar="ORGANS.txt", help="应报机关名单：每行一个机关名称的文本文件")
    a.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="存放审核结果的文件夹")
    a.add_argument("--include-errors", action="store_true", help="汇总时也计入仍有错误的报告（默认不计入）")
    a.add_argument("--name", metavar="NAME", help="汇总表的名称，如“青禾县（汇总）”（默认按机关名称推断）")


def _server_setup(s: argparse.ArgumentParser) -> None:
    s.add_argument(
        "url", metavar="URL", help="管理员连接，如 postgresql://postgres@服务器/disclosure_desk（数据库不存在时新建）"
    )


def _server_user(u: argparse.ArgumentParser) -> None:
    u.add_argument("url", metavar="URL", help="管理员连接，如 postgresql://postgres@服务器/disclosure_desk")
    u.add_argument("name", metavar="NAME", help="登录名（英文字母、数字），如 zhangsan")
    who = u.add_mutually_exclusive_group(required=True)
    who.add_argument("--organ", metavar="ORGAN", help="所属机关：只能查看、编辑本机关的草稿")
    who.add_argument("--reviewer", action="store_true", help="政务公开办的审核账户：查看所有机关的草稿，不能修改")
    u.add_argument("--display-name", metavar="NAME", default="", help="显示的姓名，如“张三”（修改记录、谁在编辑）")
    u.add_argument("--password-stdin", action="store_true", help="从标准输入读取新密码（一行），不在终端提问")


def _no_arguments(_: argparse.ArgumentParser) -> None:
    pass


# subcommand -> (help, its arguments), in the order --help lists them
_COMMANDS = {
    "check": ("校验报告文件（JSON、Word、网页或 PDF）", _check),
    "pdf": ("生成可打印的 PDF", _pdf),
    "docx": ("生成可编辑的 Word 文档（.docx）", _docx),
    "html": ("生成用于政府网站发布的网页（.html）", _html),
    "convert": ("把报告从一种格式转换为另一种（按输出文件扩展名），不改动草稿库", _convert),
    "import": ("把报告文件（JSON、Word、网页或 PDF）导入为草稿", _import),
    "export": ("把草稿导出为报告 JSON 文件", _export),
    "list": ("列出草稿", _no_arguments),
    "restore-backup": ("从自动备份恢复草稿库", _restore_backup),
    "empty-trash": ("清空回收站（彻底删除已删除的草稿）", _no_arguments),
    "review": ("审核台：校验、比对、汇总一个文件夹（或服务器草稿库）中各机关的报告", _review),
    "server-setup": ("在 PostgreSQL 服务器上建立或升级草稿库（数据库、角色、表）", _server_setup),
    "server-user": ("在服务器上添加或修改办事员、审核员账户", _server_user),
}


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's, measuring the terminal as ``shutil.get_terminal_size`` does but without importing
    shutil (and with it bz2 and lzma: ~2 ms of every command, for help text that is rarely shown)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, _terminal_columns() - 2 if width is None else width)


def _terminal_columns() -> int:
    """$COLUMNS, else the width of the terminal standard output is, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or (``only``) the top level and that one subcommand: building all ten
    subparsers costs a few milliseconds that ``check`` and ``list`` need not pay."""
    p = argparse.ArgumentParser(
        prog="disclosure-desk",
        formatter_class=_HelpFormatter,
        description="政府信息公开工作年度报告编制助手（Disclosure Desk）。不带参数运行时打开图形界面。",
    )
    p.add_argument("--version", action="version", version=f"Disclosure Desk {__version__}")
    p.add_argument("--data-dir", metavar="DIR", help="数据文件夹（也可用环境变量 DISCLOSURE_DESK_DATA_DIR 指定）")
    p.add_argument(
        "--store",
        metavar="URL",
        help="草稿库：服务器地址 postgresql://用户名@服务器/数据库（也可用环境变量 DISCLOSURE_DESK_STORE 指定）；"
        "不指定时用数据文件夹中的本机草稿库",
    )
    sub = p.add_subparsers(dest="command", metavar="命令")
    for name, (text, add_arguments) in _COMMANDS.items():
        if only is None or name == only:
            add_arguments(sub.add_parser(name, help=text, formatter_class=_HelpFormatter))
    return p


def command_in(argv: list[str]) -> str | None:
    """The subcommand ``argv`` names, read as the top-level parser reads it (its only options are
    ``--version``, ``--data-dir DIR`` and ``--store URL``); None when there is none (no arguments, ``--help``, a typo)."""
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        i += 2 if argv[i] in ("--data-dir", "--store") else 1
    return argv[i] if i < len(argv) and argv[i] in _COMMANDS else None


def main(argv: list[str] | None = None) -> int:
    _utf8_stdio()
    argv = sys.argv[1:] if argv is None else argv
    parser, args = None, None
    if argv:  # without arguments (the clerk's double-click) the app starts: no parser to build
        parser = build_parser(only=command_in(argv))
        args = parser.parse_args(argv)
        if args.data_dir:
            paths.set_data_dir(args.data_dir)
        if args.store:
            paths.set_store_url(args.store)
    try:
        if args is None or args.command is None:
            return _run_gui(parser)
        module = importlib.import_module(f".commands.{_HANDLERS[args.command]}", __package__)
        return module.run(args)
    except UserFacingError as e:
        _print_error(e.message, e.english)
        return e.exit_code
    except KeyboardInterrupt:
        return 130
    except OSError as e:  # the machine, not a bug: a path too long, a device gone, … (logged too)
        _log_exception(e)
        where = f"“{e.filename}”" if e.filename else ""
        _print_error(f"无法读写文件{where}：{os_reason(e)}。", f"{type(e).__name__}: {e}")
        return CannotWriteError.exit_code
    except Exception as e:  # a bug: log it, tell the user where the log is
        log_path = _log_exception(e)
        _print_error(f"程序内部错误，已记录到日志：{log_path}", f"internal error: {type(e).__name__}")
        return EXIT_INTERNAL


def _run_gui(parser: argparse.ArgumentParser | None) -> int:
    try:
        app = importlib.import_module(".ui.app", __package__)
    except ModuleNotFoundError as e:
        if e.name and e.name.startswith(("disclosure_desk.ui", "PySide6")):
            (parser or build_parser()).print_help()
            return 0
        raise
    return app.run()


def _print_error(message: str, english: str) -> None:
    line = message if not english else f"{message} ({english})"
    print(f"错误：{line}", file=sys.stderr)


def _log_exception(exc: BaseException) -> str:
    from .logs import log_exception

    return str(log_exception(exc))


def _utf8_stdio() -> None:
    """Windows consoles may default to a legacy code page; Chinese must never raise there.

    A windowed build (PyInstaller on Windows) has no streams at all: printing goes nowhere.
    """
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
