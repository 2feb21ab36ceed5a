"""The application layer: what a user does, once, for both faces — the app (``ui``) and the commands.

Qt-free (the way Anki's ``pylib`` sits under its GUI): ``editor.ReportEditor`` owns one report being
edited (edits, totals, checks after each edit, accepted warnings, 定稿); ``workspace.Workspace`` owns
the draft store and its policies (last year's report, carry-over, what an import does when that organ
and year are already there). ``ui`` adapts them to signals and widgets, ``commands`` to arguments and
exit codes; neither holds a rule of its own.

Nothing is imported here: the app's start window imports ``workspace`` (cheap) before the checks are
needed.
"""
