"""The print-ready PDF (GB/T 9704 layout), built with ReportLab. Qt-free.

The only package that imports ReportLab. Importing ``disclosure_desk.pdf`` itself is cheap; the GUI
and the ``pdf`` command import :mod:`disclosure_desk.pdf.export` when they need it.

Modules: ``styles`` (every visual constant), ``fonts`` (official fonts, bundled fonts, fallback),
``textprep`` / ``typeset`` / ``linebreak`` (text to measured characters to lines), ``draw`` and
``flowables`` (lines on the page), ``title``, ``tables`` (the official tables from the spec grid),
``document`` (the story in official order), ``page`` (page numbers, draft mark), ``export`` (API).
"""
