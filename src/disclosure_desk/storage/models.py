"""ORM classes of the draft store (SQLAlchemy 2.x declarative, ``…Record``): the one definition of the schema.

Values and texts are key-value rows, so a spec that gains a cell or a section needs no DDL.
The tables are created by the migrations in ``schema.py`` (frozen SQL); tests check that the
migrated schema and these classes agree, and that the column lists of ``rows.py`` (the sqlite3
paths that list, load and save without importing SQLAlchemy) are these tables' columns.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from .dialect import pg_text_from_sql, pg_text_to_sql
from .encoding import optional_time_from_sql, optional_time_to_sql, text_from_sql, text_to_sql


class ExactText(TypeDecorator[str]):
    """Text kept exactly, including lone surrogates (from a ``"\\ud800"`` escape in report JSON).

    SQLite text must be UTF-8, which cannot hold a lone surrogate: such a string is stored as
    a BLOB of its ``surrogatepass`` encoding and decoded back on reading. Every other string
    is plain TEXT. On PostgreSQL NUL and lone surrogates are escaped (``dialect.pg_text_to_sql``).
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | bytes | None:
        # str or, with a lone surrogate, bytes (SQLite) / an escaped str (PostgreSQL)
        return pg_text_to_sql(value) if dialect.name == "postgresql" else text_to_sql(value)  # type: ignore[no-any-return]

    def process_result_value(self, value: str | bytes | None, dialect: Dialect) -> str | None:
        return pg_text_from_sql(value) if dialect.name == "postgresql" else text_from_sql(value)  # type: ignore[no-any-return]


class UtcTimestamp(TypeDecorator[dt.datetime]):
    """An aware datetime stored as ISO 8601 text in UTC (sorts as text, readable in any tool)."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> str | None:
        return optional_time_to_sql(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> dt.datetime | None:
        return optional_time_from_sql(value)


class Base(DeclarativeBase):
    pass


class DraftRecord(Base):
    """One report draft; its values and texts hang off it."""

    __tablename__ = "drafts"
    __table_args__ = (Index("ix_drafts_organ_year", "organ", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organ: Mapped[str] = mapped_column(ExactText)
    year: Mapped[int | None] = mapped_column(Integer)
    edition: Mapped[str] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(ExactText)
    status: Mapped[str] = mapped_column(String)
    signature_organ: Mapped[str] = mapped_column(ExactText)
    signature_date: Mapped[str | None] = mapped_column(String)  # ISO date
    contact: Mapped[str] = mapped_column(ExactText)
    website: Mapped[str] = mapped_column(ExactText)
    extras: Mapped[str] = mapped_column(Text)  # JSON object of "x-" keys, Decimals exact
    revision: Mapped[int] = mapped_column(Integer)  # +1 on every save that changed something
    created_at: Mapped[dt.datetime] = mapped_column(UtcTimestamp)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcTimestamp)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UtcTimestamp)  # set: in the trash
    owner: Mapped[str] = mapped_column(ExactText, server_default="")  # the organ account owning it (server)
    updated_by: Mapped[str] = mapped_column(ExactText, server_default="")  # who saved it last


class ValueRecord(Base):
    """A cell value: ``kind`` is ``int``, ``dec`` (Decimal, text exact) or ``blank`` (explicit None)."""

    __tablename__ = "draft_values"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy reads it from the class

    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True)
    cell_id: Mapped[str] = mapped_column(String, primary_key=True)
    kind: Mapped[str] = mapped_column(String)
    text: Mapped[str | None] = mapped_column(String)


class TextRecord(Base):
    """A text of a draft: ``family`` is preface, section, accepted, origin, carried or import
    (the recognition report of a draft read from a published file, one JSON text, key "").

    ``format`` is ``text`` (the body as is) or ``parts`` (a section as a JSON list of
    ``[heading, text]``); ``pos`` keeps the order of the draft's mappings.
    """

    __tablename__ = "draft_texts"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy reads it from the class

    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True)
    family: Mapped[str] = mapped_column(String, primary_key=True)
    key: Mapped[str] = mapped_column(ExactText, primary_key=True)
    pos: Mapped[int] = mapped_column(Integer)
    format: Mapped[str] = mapped_column(String)
    body: Mapped[str] = mapped_column(ExactText)


class StatusEventRecord(Base):
    """History of 定稿 / 重新打开 (with the reason the clerk gave)."""

    __tablename__ = "draft_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UtcTimestamp)
    action: Mapped[str] = mapped_column(String)
    reason: Mapped[str] = mapped_column(ExactText)


class LeaseRecord(Base):
    """Who is editing a draft (one app session: ``token``), since when, last heard of at ``renewed_at``."""

    __tablename__ = "draft_leases"

    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True)
    holder: Mapped[str] = mapped_column(ExactText)
    host: Mapped[str] = mapped_column(ExactText)
    token: Mapped[str] = mapped_column(String)
    since: Mapped[dt.datetime] = mapped_column(UtcTimestamp)
    renewed_at: Mapped[dt.datetime] = mapped_column(UtcTimestamp)


class ChangeRecord(Base):
    """The change log: who changed which cell, text or field of a draft, when, from what to what."""

    __tablename__ = "draft_changes"
    __table_args__ = (Index("ix_draft_changes_draft_id", "draft_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)  # the draft's revision this change made
    at: Mapped[dt.datetime] = mapped_column(UtcTimestamp)
    who: Mapped[str] = mapped_column(ExactText)
    what: Mapped[str] = mapped_column(String)  # changelog.VALUE, TEXT, FIELD, STATUS, CREATED
    key: Mapped[str] = mapped_column(ExactText)  # cell id, "family/key" of a text, column name
    old: Mapped[str | None] = mapped_column(ExactText)
    new: Mapped[str | None] = mapped_column(ExactText)


class DeskUserRecord(Base):
    """A clerk's or reviewer's account on a server (its PostgreSQL login role) and the organ it belongs to."""

    __tablename__ = "desk_users"

    name: Mapped[str] = mapped_column(ExactText, primary_key=True)
    organ: Mapped[str] = mapped_column(ExactText)  # "" for the 政务公开办's reviewers
    display_name: Mapped[str] = mapped_column(ExactText)
