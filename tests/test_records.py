"""records.py: the report model's classes behave as the dataclasses they replaced (construction,
defaults, equality, hashing, frozenness, replace, copying), and the command path no longer imports
``dataclasses`` (the point of the module: docs/performance.md)."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys

import pytest

from disclosure_desk.records import FrozenRecordError, field, field_names, record, replace


@record
class Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default=())


@record(frozen=False)
class Bag:
    name: str = ""
    items: list[int] = field(default_factory=list)


@record
class Point3(Point):
    z: int = 0


def test_fields_positional_keyword_and_defaults():
    assert Point(1) == Point(x=1, y=0, tags=())
    assert (Point(1, 2).x, Point(1, 2).y) == (1, 2)
    assert field_names(Point) == ("x", "y", "tags")
    assert field_names(Point(1)) == ("x", "y", "tags")
    assert Point.y == 0  # the default stays a class attribute, as with dataclasses


def test_wrong_arguments_are_refused_like_a_dataclass():
    with pytest.raises(TypeError, match="missing required argument: 'x'"):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'w'"):
        Point(1, w=2)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="multiple values for argument 'x'"):
        Point(1, x=2)  # type: ignore[misc]
    with pytest.raises(TypeError, match="takes 3 arguments but 4 were given"):
        Point(1, 2, (), 4)  # type: ignore[call-arg]


def test_a_required_field_after_a_default_is_refused_at_definition():
    with pytest.raises(TypeError, match="'b' without a default"):

        @record
        class Bad:
            a: int = 0
            b: int


def test_a_factory_gives_each_record_its_own_object():
    first, second = Bag(), Bag()
    first.items.append(1)
    assert second.items == []
    assert "items" not in Bag.__dict__  # as dataclasses: no class attribute for a factory field
    with pytest.raises(TypeError, match="exactly one"):
        field()


def test_equality_is_by_class_and_fields():
    assert Point(1, 2) == Point(1, 2)
    assert Point(1, 2) != Point(2, 1)
    assert Point(1) != Point3(1)  # another class is never equal, as with dataclasses
    assert Point(1).__eq__(object()) is NotImplemented


def test_frozen_records_hash_by_value_and_refuse_assignment():
    assert hash(Point(1, 2)) == hash(Point(1, 2))
    assert len({Point(1, 2), Point(1, 2), Point(2, 1)}) == 2
    p = Point(1)
    with pytest.raises(FrozenRecordError, match="frozen Point"):
        p.x = 3  # type: ignore[misc]
    with pytest.raises(AttributeError):  # FrozenRecordError is an AttributeError, as FrozenInstanceError
        del p.y  # type: ignore[misc]
    assert p.x == 1


def test_mutable_records_take_assignment_and_are_unhashable():
    b = Bag("a")
    b.name = "b"
    assert b == Bag("b")
    with pytest.raises(TypeError, match="unhashable"):
        hash(b)


def test_inherited_fields_come_first():
    assert field_names(Point3) == ("x", "y", "tags", "z")
    assert Point3(1, 2, (), 3).z == 3


def test_replace_copies_with_changes_and_names_an_unknown_field():
    p = Point(1, 2, ("a",))
    q = replace(p, y=5)
    assert (q, p) == (Point(1, 5, ("a",)), Point(1, 2, ("a",)))
    with pytest.raises(TypeError, match="no field 'w'"):
        replace(p, w=1)


def test_repr_names_the_fields():
    assert repr(Point(1, 2)) == "Point(x=1, y=2, tags=())"


def test_copy_deepcopy_and_pickle_keep_the_record():
    b = Bag("a", [1, 2])
    deep = copy.deepcopy(b)
    deep.items.append(3)
    assert (b.items, deep.items) == ([1, 2], [1, 2, 3])
    assert pickle.loads(pickle.dumps(Point(1, 2, ("t",)))) == Point(1, 2, ("t",))
    assert copy.copy(Point(1)) == Point(1)


def test_the_model_is_made_of_records():
    """The spec, the Draft and the findings are records (not dataclasses), so the check command's path
    does not import dataclasses; a record the command needs can be replaced."""
    from disclosure_desk.checks.finding import Finding, Severity
    from disclosure_desk.domain import Draft
    from disclosure_desk.spec import get_spec

    spec = get_spec("2021")
    assert field_names(spec)[0] == "edition"
    assert field_names(Draft)[:2] == ("organ", "year")
    finding = Finding("T3-1", Severity.ERROR, "x")
    assert finding.accept("因为").accepted_reason == "因为"
    assert hash(spec.tables[0].cells[0]) == hash(replace(spec.tables[0].cells[0]))


def test_the_check_command_does_not_import_dataclasses():
    code = (
        "import sys\n"
        "from disclosure_desk.cli import main\n"
        "sys.argv = ['disclosure-desk', 'check', sys.argv[1]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('dataclasses', 'inspect') if m in sys.modules))\n"
    )
    from pathlib import Path

    sample = Path(__file__).resolve().parents[1] / "resources" / "samples" / "qinghe-tongjiju-2025.json"
    out = subprocess.run([sys.executable, "-c", code, str(sample)], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
