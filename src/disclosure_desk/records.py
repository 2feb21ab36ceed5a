"""Records: the report model's data classes, made without the ``dataclasses`` machinery.

``@record`` gives a class what ``@dataclass(frozen=True)`` gave the spec, the Draft and the findings:
``__init__`` taking the annotated fields in order (defaults and ``field(default_factory=…)`` as there),
``__eq__`` and ``__hash__`` over the fields, ``__repr__``, and assignment refused on a frozen record;
``replace`` and ``field_names`` stand in for ``dataclasses.replace`` and ``dataclasses.fields``.

Why not dataclasses: every command reads the spec, and ``dataclasses`` costs a fresh process ~10 ms to
import (it brings ``inspect``, ``ast``, ``dis``, ``tokenize``) plus ~0.5 ms a class to generate and
compile its methods: ~20 ms of the ~75 ms ``disclosure-desk check`` (docs/performance.md). Here the
methods are shared functions reading the class's field table, so a class costs a few microseconds.
Type checkers see ``@record`` as a dataclass (PEP 681 ``dataclass_transform``).

Records keep a ``__dict__`` (no slots): the spec caches lookups on its frozen tables. Copying and
pickling work as for any plain object (the state is the ``__dict__``).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time (its import costs the CLI ~2 ms)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar, dataclass_transform

    _T = TypeVar("_T")
    _C = TypeVar("_C", bound=type)
else:

    def dataclass_transform(**_kwargs):
        return lambda decorated: decorated


class FrozenRecordError(AttributeError):
    """Assignment to a field of a frozen record (as ``dataclasses.FrozenInstanceError``)."""


_MISSING: Any = object()
_FIELDS = "__record_fields__"  # the class attribute holding the field table


class _Field:
    """What ``field()`` returns in a class body: read (and removed) by ``@record``."""

    __slots__ = ("default", "default_factory")

    def __init__(self, default: Any, default_factory: Any) -> None:
        self.default = default
        self.default_factory = default_factory


def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] = _MISSING) -> Any:
    """A field's default given explicitly: ``default=`` a value, or ``default_factory=`` for a fresh one."""
    if (default is _MISSING) == (default_factory is _MISSING):
        raise TypeError("field() takes exactly one of default and default_factory")
    return _Field(default, default_factory)


def _collect_fields(cls: type) -> tuple[tuple[str, Any, Any], ...]:
    """The field table: (name, default, factory) per field, ``_MISSING`` where there is none."""
    rows: dict[str, tuple[str, Any, Any]] = {}
    for base in reversed(cls.__mro__[1:]):
        for row in base.__dict__.get(_FIELDS, ()):
            rows[row[0]] = row
    # the class's own annotations (inspect.get_annotations would import inspect, which is what we avoid)
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063
        if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
            continue
        value = cls.__dict__.get(name, _MISSING)
        if isinstance(value, _Field):
            default, factory = value.default, value.default_factory
            if default is _MISSING:
                delattr(cls, name)  # as dataclasses: a factory field has no class attribute
            else:
                setattr(cls, name, default)
        else:
            default, factory = value, _MISSING
        rows.pop(name, None)  # a redeclared field keeps the place of its new declaration
        rows[name] = (name, default, factory)
    table = tuple(rows.values())
    required_after_default = False
    for name, default, factory in table:
        if default is _MISSING and factory is _MISSING:
            if required_after_default:
                raise TypeError(f"{cls.__name__}: field {name!r} without a default follows one with a default")
        else:
            required_after_default = True
    return table


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    cls = type(self)
    table = getattr(cls, _FIELDS)
    if not kwargs and len(args) == len(table):  # every field given in order: the common case
        state = self.__dict__
        for row, value in zip(table, args, strict=True):
            state[row[0]] = value
        return
    if len(args) > len(table):
        raise TypeError(f"{cls.__name__}() takes {len(table)} arguments but {len(args)} were given")
    state = self.__dict__
    for index, (name, default, factory) in enumerate(table):
        if index < len(args):
            if name in kwargs:
                raise TypeError(f"{cls.__name__}() got multiple values for argument {name!r}")
            state[name] = args[index]
        elif name in kwargs:
            state[name] = kwargs.pop(name)
        elif default is not _MISSING:
            state[name] = default
        elif factory is not _MISSING:
            state[name] = factory()
        else:
            raise TypeError(f"{cls.__name__}() missing required argument: {name!r}")
    if kwargs:
        raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {next(iter(kwargs))!r}")


def _values(self: Any) -> tuple[Any, ...]:
    state = self.__dict__
    return tuple(state[row[0]] for row in getattr(type(self), _FIELDS))


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    state = self.__dict__
    inner = ", ".join(f"{row[0]}={state[row[0]]!r}" for row in getattr(type(self), _FIELDS))
    return f"{type(self).__qualname__}({inner})"


def _refuse_set(self: Any, name: str, value: object) -> None:
    raise FrozenRecordError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")


def _refuse_delete(self: Any, name: str) -> None:
    raise FrozenRecordError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")


def _make_record(cls: _C, frozen: bool) -> _C:
    table = _collect_fields(cls)
    setattr(cls, _FIELDS, table)
    cls.__init__ = _init  # type: ignore[misc]
    cls.__eq__ = _eq  # type: ignore[method-assign,assignment]
    cls.__repr__ = _repr  # type: ignore[method-assign,assignment]
    cls.__match_args__ = tuple(row[0] for row in table)  # type: ignore[attr-defined,misc]
    if frozen:
        cls.__hash__ = _hash  # type: ignore[method-assign,assignment]
        cls.__setattr__ = _refuse_set  # type: ignore[method-assign,assignment]
        cls.__delattr__ = _refuse_delete  # type: ignore[method-assign,assignment]
    else:
        cls.__hash__ = None  # type: ignore[assignment]  # mutable and compared by value: unhashable
    return cls


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: _C | None = None, /, *, frozen: bool = True) -> Any:
    """Make ``cls`` a record: ``@record`` (frozen) or ``@record(frozen=False)``."""
    if cls is None:
        return lambda decorated: _make_record(decorated, frozen)
    return _make_record(cls, frozen)


def field_names(record_or_class: object) -> tuple[str, ...]:
    """The record's fields in declaration order."""
    cls = record_or_class if isinstance(record_or_class, type) else type(record_or_class)
    return tuple(row[0] for row in getattr(cls, _FIELDS))


def replace(obj: _T, /, **changes: Any) -> _T:
    """A copy of the record ``obj`` with ``changes`` (as ``dataclasses.replace``)."""
    names = field_names(obj)
    unknown = set(changes) - set(names)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {sorted(unknown)[0]!r}")
    state = obj.__dict__
    return type(obj)(**{name: changes[name] if name in changes else state[name] for name in names})
