"""A server password in the OS keyring (Windows Credential Manager, the desktop's secret service), never in a file.

Every call is best effort: where no keyring works (a minimal Linux, a locked keychain) the password is simply
not remembered and the app asks for it when it starts.
"""

from __future__ import annotations

import logging

SERVICE = "DisclosureDesk"
log = logging.getLogger(__name__)


def saved_password(url: str) -> str | None:
    """The password remembered for ``url`` (without its password), or None."""
    try:
        import keyring

        return keyring.get_password(SERVICE, url)
    except Exception as e:  # no backend, a locked keyring, no D-Bus: nothing remembered
        log.info("no password from the keyring: %s", type(e).__name__)
        return None


def save_password(url: str, password: str) -> bool:
    """Remember the password; False when no keyring can hold it."""
    try:
        import keyring

        keyring.set_password(SERVICE, url, password)
        return True
    except Exception as e:
        log.info("the keyring cannot keep the password: %s", type(e).__name__)
        return False


def forget_password(url: str) -> None:
    try:
        import keyring

        keyring.delete_password(SERVICE, url)
    except Exception as e:
        log.info("no password forgotten: %s", type(e).__name__)
