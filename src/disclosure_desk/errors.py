"""Errors a user should see (a clear Chinese message) as opposed to bugs (a traceback in the log)."""

from __future__ import annotations

import errno


class UserFacingError(Exception):
    """An expected failure with a message in Chinese for the clerk (and English for logs)."""

    exit_code = 2

    def __init__(self, message: str, english: str = ""):
        super().__init__(message)
        self.message = message
        self.english = english

    def __str__(self) -> str:
        return self.message


class BadInputError(UserFacingError):
    """A file that cannot be read or is not a report (exit 2)."""

    exit_code = 2


class CannotWriteError(UserFacingError):
    """A target that cannot be written (exit 3); nothing half-written is left behind."""

    exit_code = 3


# what the operating system says, in the clerk's words (strerror is English, or the console's code page)
_OS_REASONS = {
    errno.ENOSPC: "磁盘已满",
    getattr(errno, "EDQUOT", -1): "超出磁盘配额",
    errno.EROFS: "所在的磁盘是只读的",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.EBUSY: "正被其他程序占用",
    errno.EIO: "磁盘读写出错（磁盘或U盘可能有故障）",
    errno.EINVAL: "文件名中有不允许的字符",
    errno.EEXIST: "已有同名文件",
    errno.EMFILE: "打开的文件太多",
    errno.ENXIO: "设备不存在",
}


def os_reason(error: OSError) -> str:
    """``OSError`` as a short Chinese reason (the English text in brackets for anything else)."""
    reason = _OS_REASONS.get(error.errno) if error.errno is not None else None
    if reason is None and getattr(error, "winerror", None) == 32:  # ERROR_SHARING_VIOLATION
        reason = "正被其他程序占用"
    return reason or f"系统错误（{error.strerror or error}）"
