"""``disclosure-desk import | export | list | restore-backup | empty-trash``: reports in and out
of the local draft store. Exit codes as in docs/report-json.md: 0 ok, 2 bad input, 3 cannot write.

``list`` and ``export`` read through the store's own door (``Store.rows()``, sqlite3): neither imports
SQLAlchemy, and ``list`` not even the report model (docs/performance.md). The other imports are made
by the command that needs them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import unicodedata

from .. import paths
from ..errors import BadInputError
from ..storage import AmbiguousDraftError, DraftNotFoundError, StoreNotWritableError, default_store_path, open_store
from ..storage.locate import is_server_url
from .login import with_login

TYPE_CHECKING = False  # typing is not imported at run time (the list command's path: ~3 ms)
if TYPE_CHECKING:
    from ..storage.engine import Store
    from ..storage.rows import DraftRows
    from ..storage.server import ServerStore
    from ..storage.summary import DraftSummary


def run(args: argparse.Namespace) -> int:
    from ..storage import engine

    engine.wait_notice = _say_waiting
    handlers = {
        "import": _import,
        "export": _export,
        "list": _list,
        "restore-backup": _restore,
        "empty-trash": _empty_trash,
    }
    return handlers[args.command](args)


# ---- import / export ------------------------------------------------------------------------


def _import(args: argparse.Namespace) -> int:
    from ..application.workspace import OnClash, open_workspace
    from .convert import read_input

    draft = read_input(args.file)
    with with_login(paths.store_url(), lambda password: open_workspace(password=password)) as workspace:
        outcome = workspace.import_draft(draft, OnClash.REPLACE if args.replace else OnClash.ADD)
    print(outcome.message(how_to_replace="如要覆盖原草稿，请加 --replace 重新导入。"))
    return 0


def _say_waiting() -> None:
    print("草稿库正被另一个程序（如打开着的 Disclosure Desk 窗口）使用，正在等待……", file=sys.stderr, flush=True)


def _server() -> str | None:
    url = paths.store_url()
    return url if is_server_url(url) else None


def _open_any() -> Store | ServerStore:
    """The store ``--store`` names (a server: the password asked for when needed), else the local one."""
    url = _server()
    if url is None:
        return open_store()
    from ..storage.locate import open_server_store

    return with_login(url, lambda password: open_server_store(url, password=password))


def _open_for_reading() -> Store | ServerStore:
    """The store for list/export; one that cannot be written is still read (nothing is changed)."""
    if _server() is not None:
        return _open_any()
    try:
        return open_store()
    except StoreNotWritableError as e:
        store = open_store(read_only=True)
        print(f"注意：{e.message}（只读取了草稿，没有做任何改动。）", file=sys.stderr)
        return store


def _export(args: argparse.Namespace) -> int:
    if _server() is None and not default_store_path().exists():
        raise DraftNotFoundError(f"“{args.draft}”（草稿库还是空的）", "no store yet")
    from ..interchange import write_report_file

    with _open_for_reading() as store, store.rows() as drafts:
        draft = drafts.load(resolve_draft(drafts, args.draft))
    write_report_file(draft, args.output)
    print(f"已把草稿（编号 {draft.id}）“{draft.display_title}”导出到“{args.output}”。")
    return 0


_ORGAN_YEAR = re.compile(r"^(.*?)\s*(\d{4})\s*年?(?:度)?$")


def resolve_draft(drafts: DraftRows, spec: str) -> int:
    """The id of the draft named by ``spec``: an id (``12``) or "organ year" (``伊洛街道办事处 2019``)."""
    text = spec.strip()
    if re.fullmatch(r"#?\d+", text):
        return drafts.summary(int(text.lstrip("#"))).id
    m = _ORGAN_YEAR.match(text)
    if not m or not m.group(1).strip():
        raise DraftNotFoundError(
            f"“{spec}”这份草稿。请写草稿编号，或“机关名称 年度”（如“伊洛街道办事处 2019”）", f"cannot parse {spec!r}"
        )
    organ, year = m.group(1).strip(), int(m.group(2))
    found = drafts.find(organ, year)
    if len(found) == 1:
        return found[0].id
    if not found:
        others = [s for s in drafts.list_drafts() if s.organ == organ]
        hint = f"（该机关的草稿有：{'、'.join(f'{s.year}年度' for s in others)}）" if others else ""
        raise DraftNotFoundError(f"“{organ}”{year}年度的草稿{hint}", f"no draft of {organ} {year}")
    raise AmbiguousDraftError(
        f"“{organ} {year}”有 {len(found)} 份草稿，请用编号指定其中一份：\n{_candidates(found)}",
        f"{len(found)} drafts of {organ} {year}",
    )


# ---- list / trash / backups -----------------------------------------------------------------


def _list(args: argparse.Namespace) -> int:
    if _server() is None and not default_store_path().exists():
        print(f"草稿库中还没有草稿（{default_store_path()}）。")
        return 0
    with _open_for_reading() as store, store.rows() as drafts:
        summaries, trash = drafts.list_drafts(), drafts.list_trash()
    if not summaries:
        print("草稿库中还没有草稿。")
    else:
        print(_candidates(summaries, header=True))
    if trash:
        print(f"回收站中还有 {len(trash)} 份已删除的草稿（可在程序中恢复；disclosure-desk empty-trash 彻底删除）。")
    return 0


def _empty_trash(args: argparse.Namespace) -> int:
    from ..storage import DraftRepository

    with _open_any() as store, store.session() as session:
        removed = DraftRepository(session).empty_trash()
    print(f"已清空回收站，彻底删除了 {removed} 份草稿。" if removed else "回收站是空的。")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from ..storage import list_backups, restore_backup
    from ..storage.backups import backup_time

    if _server() is not None:
        raise BadInputError(
            "服务器上的草稿库不由各台电脑备份，而由信息技术人员在服务器上用 pg_dump 备份、pg_restore 恢复（见 docs/server.md）。",
            "restore-backup: not for a server store",
        )
    if not args.backup:
        backups = list_backups(default_store_path().parent / "backups")
        if not backups:
            print("还没有自动备份。")
            return 0
        print("可用的自动备份（最新的在最后）：")
        for b in backups:
            print(f"  {b.name}  {backup_time(b):%Y-%m-%d %H:%M:%S}  {b.stat().st_size // 1024 + 1} KB")
        print("恢复：disclosure-desk restore-backup 备份文件名")
        return 0
    result = restore_backup(args.backup)
    kept = f"恢复前的草稿库已另存为“{result.previous_saved_as.name}”。" if result.previous_saved_as else ""
    print(f"已从备份“{result.restored_from.name}”恢复草稿库。{kept}")
    return 0


# ---- formatting -----------------------------------------------------------------------------


def _candidates(summaries: list[DraftSummary], header: bool = False) -> str:
    rows = [("编号", "机关", "年度", "格式", "状态", "最后保存")] if header else []
    for s in summaries:
        t = dt.datetime.fromtimestamp(s.updated_at.timestamp())  # local time; astimezone() and strftime: 6 µs each
        saved = f"{t.year:04d}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}"
        year = str(s.year) if s.year is not None else "—"
        rows.append((str(s.id), s.organ or "（未填机关）", year, f"{s.edition}版", s.status, saved))
    cell_widths = [[_width(cell) for cell in r] for r in rows]
    widths = [max(w[i] for w in cell_widths) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell + " " * (width - w) for cell, w, width in zip(r, ws, widths, strict=False)).rstrip()
        for r, ws in zip(rows, cell_widths, strict=False)
    )


class _CharWidths(dict[str, int]):
    """Columns of each character on a terminal, looked up once per character: wide and full-width (Chinese) 2."""

    def __missing__(self, ch: str) -> int:
        self[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return self[ch]


_CHAR_WIDTHS = _CharWidths()


def _width(text: str) -> int:
    return len(text) if text.isascii() else sum(map(_CHAR_WIDTHS.__getitem__, text))
