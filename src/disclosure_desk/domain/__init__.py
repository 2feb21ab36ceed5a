"""The Draft and what clerks type into it. Qt-free."""

from .draft import STATUS_DRAFT, STATUS_FINAL, Draft, SectionPart, SectionText, section_as_parts, section_as_text
from .numbers import ValueParseError, format_value, parse_value

__all__ = [
    "STATUS_DRAFT",
    "STATUS_FINAL",
    "Draft",
    "SectionPart",
    "SectionText",
    "ValueParseError",
    "format_value",
    "parse_value",
    "section_as_parts",
    "section_as_text",
]
