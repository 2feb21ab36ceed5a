"""Printed labels to official ones: normalisation and approximate matching. Qt-free.

Published reports print the official labels with small differences: 其它 for 其他, half-width
brackets, spaces and line breaks inside a label (``本年新<br />制作数量``), straight quotes, a
different numbering mark (``1、`` for ``1.``), and now and then a misprint. ``label_key`` removes
every difference that cannot change the meaning; ``LabelResolver`` then finds the official label a
printed one stands for: exactly, after normalisation, or approximately (a misprint) when one
official label is clearly closer than every other.
"""

from __future__ import annotations

import difflib
import enum
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Similarity (difflib ratio of the keys) a misprint must reach, and by how much the best official
# label must beat the second best, so that two similar official labels are never confused
# (一、本年新收… and 二、上年结转… share most of their characters).
FUZZY_THRESHOLD = 0.8
FUZZY_MARGIN = 0.1
FUZZY_MIN_LENGTH = 4  # shorter labels (规章, 其他, 总计) must match exactly after normalisation
CACHE_SIZE = 5000
FUZZY_MAX_LENGTH = 80  # the longest official label has 41 characters; longer text is no label

_VARIANT_CHARS = {"其它": "其他", "它": "他"}


class MatchKind(enum.Enum):
    EXACT = "exact"  # printed exactly as the official label
    NORMALISED = "normalised"  # differs only in brackets, spaces, 其它, quotes, numbering marks
    APPROXIMATE = "approximate"  # a misprint: similar enough and clearly closest
    NONE = "none"

    @property
    def is_match(self) -> bool:
        return self is not MatchKind.NONE


def clean_text(text: str) -> str:
    """Text as printed, without invisible characters, with one space for any run of white space."""
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc") or ch in "\n\t")
    return " ".join(text.split())


def printed_text(text: str) -> str:
    """A cell's text on one line for messages: a line break between Chinese characters (a wrapped
    label, ``本年新<br />制作数量``) disappears, any other run of white space is one space."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out = ""
    for line in filter(None, lines):
        joined = out and (_is_cjk(out[-1]) or _is_cjk(line[0]))
        out += line if not out or joined else " " + line
    return out


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def label_key(text: str) -> str:
    """The comparable core of a label: NFKC, 其它 -> 其他, only letters and digits (no brackets,
    punctuation, quotes or white space), Latin letters lower-cased."""
    s = "".join(ch.lower() for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())
    return s.replace("其它", "其他")


def _bounded_similarity(a: str, b: str) -> float:
    """``similarity``, or a cheap upper bound of it when that bound is already too low to matter: below
    ``FUZZY_THRESHOLD - FUZZY_MARGIN`` a label can neither be the match nor spoil the margin of one. (A table
    of thousands of unknown texts must not cost a full comparison with every official label.)"""
    low = FUZZY_THRESHOLD - FUZZY_MARGIN
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    bound = matcher.real_quick_ratio()
    if bound >= low:
        bound = matcher.quick_ratio()
    return matcher.ratio() if bound >= low else bound


def similarity(a: str, b: str) -> float:
    """How alike two keys are (0..1)."""
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@dataclass(frozen=True)
class Resolution:
    printed: str
    official: str | None
    kind: MatchKind
    score: float = 1.0

    @property
    def is_match(self) -> bool:
        return self.official is not None


class LabelResolver:
    """Resolves printed labels against a vocabulary of official labels (one table, or the section titles)."""

    def __init__(self, officials: Iterable[str]):
        self._by_key: dict[str, str] = {}
        for label in officials:
            self._by_key.setdefault(label_key(label), label)
        self._cache: dict[str, Resolution] = {}

    @property
    def officials(self) -> tuple[str, ...]:
        return tuple(self._by_key.values())

    def resolve(self, printed: str) -> Resolution:
        cached = self._cache.get(printed)
        if cached is None:
            if len(self._cache) >= CACHE_SIZE:  # resolvers live as long as the app: keep the cache bounded
                self._cache.clear()
            cached = self._cache[printed] = self._resolve(printed)
        return cached

    def _resolve(self, printed: str) -> Resolution:
        key = label_key(printed)
        if not key:
            return Resolution(printed, None, MatchKind.NONE, 0.0)
        official = self._by_key.get(key)
        if official is not None:
            exact = clean_text(printed).replace(" ", "") == official
            return Resolution(printed, official, MatchKind.EXACT if exact else MatchKind.NORMALISED)
        return self._approximate(printed, key)

    def _approximate(self, printed: str, key: str) -> Resolution:
        if not FUZZY_MIN_LENGTH <= len(key) <= FUZZY_MAX_LENGTH:
            return Resolution(printed, None, MatchKind.NONE, 0.0)
        scored = sorted(((_bounded_similarity(key, k), label) for k, label in self._by_key.items()), reverse=True)
        best_score, best = scored[0] if scored else (0.0, "")
        second = scored[1][0] if len(scored) > 1 else 0.0
        if best_score >= FUZZY_THRESHOLD and best_score - second >= FUZZY_MARGIN:
            return Resolution(printed, best, MatchKind.APPROXIMATE, round(best_score, 3))
        return Resolution(printed, None, MatchKind.NONE, round(best_score, 3))
