"""Unexpected exceptions: log to the data folder, save the draft first, then say where the log is."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from . import messages

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

_busy = False
_shown: dict[str, float] = {}  # the same error (e.g. in a paint event) is shown once per QUIET_SECONDS
QUIET_SECONDS = 30.0


def install_excepthook(
    save_first: Callable[[], None], parent_getter: Callable[[], QWidget | None] = lambda: None
) -> None:
    def hook(exc_type, exc, tb):
        global _busy
        from ..logs import log_exception

        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        path = log_exception(exc)
        key = f"{exc_type.__name__}: {exc}"
        now = time.monotonic()
        if _busy or now - _shown.get(key, -QUIET_SECONDS) < QUIET_SECONDS:
            return  # an error while showing one, or one just shown: the log has it
        _shown[key] = now
        _busy = True
        try:
            save_first()
            messages.error(
                parent_getter(),
                "程序出错",
                "程序遇到了一个意外错误。您输入的内容已尽量保存。\n"
                f"错误详情已写入日志文件，请把它发给技术支持人员：\n{path}",
                detail=f"{exc_type.__name__}: {exc}",
            )
        except Exception:
            pass
        finally:
            _busy = False

    def thread_hook(args):
        from ..logs import log_exception

        if args.exc_value is not None:
            log_exception(args.exc_value)

    sys.excepthook = hook
    threading.excepthook = thread_hook
