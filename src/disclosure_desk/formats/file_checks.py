"""What every reader checks before parsing: the file exists, is not too big, and is what its name says. Qt-free."""

from __future__ import annotations

from pathlib import Path

from ..errors import BadInputError
from ..fileio import reading
from .limits import Limits

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (.doc), and Office files encrypted with a password
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def check_file(path: Path, limits: Limits, *, magic: tuple[bytes, ...], kind: str) -> bytes:
    """The first bytes of ``path`` after the checks (``BadInputError`` naming the problem)."""
    with reading(path):
        if path.is_dir():
            raise IsADirectoryError(path)
        size = path.stat().st_size
        limits.check_bytes(size)
        with open(path, "rb") as f:
            head = f.read(1 << 16)
    if size == 0:
        raise BadInputError(f"文件“{path.name}”是空的（0 字节）。", f"{path}: empty file")
    if head.startswith(_OLE):
        if _ENCRYPTED_PACKAGE in head:
            raise BadInputError(
                f"“{path.name}”设有打开密码，无法读取。请在 Word/WPS 中去掉密码后另存一份再导入。",
                f"{path}: encrypted Office file",
            )
        raise BadInputError(
            f"“{path.name}”是旧版 Word 97-2003 文档（.doc），请在 Word/WPS 中“另存为” .docx 格式后再导入。",
            f"{path}: OLE compound file (.doc)",
        )
    if magic and not any(m in head[:1024] for m in magic):
        raise BadInputError(
            f"“{path.name}”不是有效的{kind}文件（文件内容与扩展名不符，或文件已损坏）。", f"{path}: not a {kind} file"
        )
    return head
