"""Report JSON (version 1): read, write, schema. Qt-free."""

from .format import SCHEMA_ID
from .reader import draft_from_object, parse_report_bytes, parse_report_text, read_report_file
from .writer import dumps_report, report_to_object, write_report_file

__all__ = [
    "SCHEMA_ID",
    "draft_from_object",
    "dumps_report",
    "parse_report_bytes",
    "parse_report_text",
    "read_report_file",
    "report_to_object",
    "write_report_file",
]
