"""The review desk (审核台) in the app: the board, the read-only report viewer, charts, the watched folder.

Everything it shows comes from ``application.review`` (Qt-free); this package adapts it to widgets and
signals. matplotlib's Qt canvas is imported here only (chart_panel.py).
"""
