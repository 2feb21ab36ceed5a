"""The report wizard: one page per part of the report, generated from the spec."""
