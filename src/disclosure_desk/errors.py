"""Errors a user should see (a clear Chinese message) as opposed to bugs (a traceback in the log)."""

from __future__ import annotations


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
