"""Entry point of the frozen app (PyInstaller): the same `main` as the `disclosure-desk` command."""

import sys

from disclosure_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
