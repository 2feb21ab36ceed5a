"""The storage package's lazy exports: what type checkers see (``__all__``) is what run time gives."""

import importlib

from disclosure_desk import storage


def test_all_lists_exactly_the_lazy_exports():
    assert sorted(storage.__all__) == sorted(storage._EXPORTS)


def test_every_export_is_its_module_attribute():
    for name, module in storage._EXPORTS.items():
        real = getattr(importlib.import_module(f"disclosure_desk.storage.{module}"), name)
        assert getattr(storage, name) is real, name
