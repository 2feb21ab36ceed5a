"""Publishing files so that a reader never sees half of one: a temporary file in the same folder, written
and fsynced, then given its name in one rename. The one place that does this (report files, PDFs, the
store when it is created, backups), and that sweeps the temporaries of writes that were killed."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import BadInputError, CannotWriteError, os_reason


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; on failure the old file is left as it was."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if os.path.isdir(target):  # also "" and "." (the rename would fail with "device busy")
        raise CannotWriteError(f"“{target}”是一个文件夹，不能写成文件。请写上文件名。", f"{target}: is a directory")
    refuse_read_only(target)
    remove_stale_parts(folder, target.name)
    try:
        fd, tmp = _create_part(folder, target)
    except FileNotFoundError:
        raise CannotWriteError(f"无法写入“{target}”：文件夹“{folder}”不存在。", f"{target}: folder missing") from None
    except PermissionError:
        raise CannotWriteError(
            f"无法写入“{target}”：没有在“{folder}”中写文件的权限。", f"{target}: permission denied"
        ) from None
    except OSError as e:
        raise CannotWriteError(f"无法写入“{target}”：{os_reason(e)}。", f"{target}: {e}") from None
    try:
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        except OSError as e:
            raise _write_error(target, e) from None
        _replace(tmp, target)
        _fsync_folder(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def reading(path: Path, what: str = "文件", kind: str = "报告文件") -> Iterator[None]:
    """The operating system's refusals to read ``path`` as ``BadInputError`` in the clerk's words:
    ``找不到文件“…”``, ``“…”是一个文件夹，不是报告文件``, ``没有权限读取文件“…”``, the OS's reason."""
    try:
        yield
    except FileNotFoundError:
        raise BadInputError(f"找不到{what}“{path}”。", f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadInputError(f"“{path}”是一个文件夹，不是{kind}。", f"{path}: is a directory") from None
    except PermissionError:
        raise BadInputError(f"没有权限读取{what}“{path}”。", f"{path}: permission denied") from None
    except OSError as e:
        raise BadInputError(f"无法读取{what}“{path}”：{os_reason(e)}。", f"{path}: {e}") from None


STALE_PART_AGE = 3600  # seconds: a temporary file this old belongs to no running write


def remove_stale_parts(folder: Path, name: str, age: float = STALE_PART_AGE) -> list[Path]:
    """Remove ``.NAME.*.part`` files left in ``folder`` by a write that was killed (power cut, SIGKILL,
    Task Manager) before it could clean up; only old ones, so a write in progress is never touched."""
    import glob  # here: reading a report (the check command) needs none of it

    return remove_stale_files(folder, f".{glob.escape(name)}.*.part", age)


def remove_stale_files(folder: Path, pattern: str, age: float = STALE_PART_AGE) -> list[Path]:
    """Remove regular files matching ``pattern`` in ``folder`` that are older than ``age`` seconds."""
    removed = []
    now = time.time()
    for p in folder.glob(pattern):
        with contextlib.suppress(OSError):
            info = p.lstat()
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > age:
                p.unlink()
                removed.append(p)
    return removed


def publish_file(tmp: Path, target: Path, *, overwrite: bool = True) -> bool:
    """Give the complete file ``tmp`` the name ``target`` (its data fsynced first, the folder after).

    ``overwrite`` False: only if ``target`` does not exist yet (another process may have just created it:
    then False is returned and ``tmp`` is left for the caller to remove). Errors are ``CannotWriteError``.
    """
    try:
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
    except OSError as e:
        raise _write_error(target, e) from None
    if overwrite:
        _replace(str(tmp), target)
    else:
        try:
            if os.name == "nt":
                os.rename(tmp, target)  # fails if target exists
            else:
                os.link(tmp, target)  # fails if target exists; tmp is removed by the caller
        except FileExistsError:
            return False
        except OSError as e:
            raise _write_error(target, e) from None
    _fsync_folder(target.parent)
    return True


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to flush)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _create_part(folder: Path, target: Path) -> tuple[int, str]:
    """A new ``.NAME.xxxxxxxx.part`` next to ``target``, with the permissions the file will keep: the
    old file's, or the usual ones of a new file (``mkstemp`` made every PDF and report file 0600,
    so replacing a shared report took the others' right to read it)."""
    for _ in range(100):
        tmp = str(folder / f".{target.name}.{os.urandom(4).hex()}.part")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        try:
            mode = os.stat(target).st_mode
            if stat.S_ISREG(mode):
                os.chmod(tmp, stat.S_IMODE(mode))
        except OSError:
            pass
        return fd, tmp
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _write_error(target: Path, error: OSError) -> CannotWriteError:
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return CannotWriteError(
            f"无法写入“{target}”：磁盘已满（或超出磁盘配额）。请清理磁盘空间后重试，原文件未改动。",
            f"{target}: disk full",
        )
    return CannotWriteError(f"无法写入“{target}”：{os_reason(error)}。原文件未改动。", f"{target}: {error}")


def _replace(tmp: str, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except PermissionError:
        raise CannotWriteError(
            f"无法覆盖“{target}”：文件是只读的，或正被其他程序（如 PDF 阅读器、Word）打开。请关闭后重试，原文件未改动。",
            f"{target}: cannot replace (read-only or locked)",
        ) from None
    except IsADirectoryError:
        raise CannotWriteError(f"“{target}”是一个文件夹，不能写成文件。", f"{target}: is a directory") from None
    except OSError as e:
        raise CannotWriteError(f"无法写入“{target}”：{os_reason(e)}。原文件未改动。", f"{target}: {e}") from None


def refuse_read_only(target: Path) -> None:
    """A read-only file is refused on every system (POSIX ``os.replace`` would silently replace it)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) and not mode & stat.S_IWUSR:
        raise CannotWriteError(
            f"无法覆盖“{target}”：文件是只读的。请去掉只读属性或另存为其他文件名，原文件未改动。",
            f"{target}: read-only",
        )
