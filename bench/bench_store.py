"""Benchmark of the draft store: prints figures, asserts nothing.

    .venv/bin/python bench/bench_store.py [--drafts 1000] [--repeat 200]

- save of a full draft: created new, every value rewritten, one cell changed, nothing changed
- opening a store that holds N drafts (validation with integrity_check included) and listing them
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from disclosure_desk import paths
from disclosure_desk.interchange import read_report_file
from disclosure_desk.storage import DraftRepository, open_store
from disclosure_desk.storage.validate import check_store_file

SAMPLE = paths.samples_dir() / "qinghe-tongjiju-2025.json"


def timed(fn, repeat: int) -> list[float]:
    out = []
    for i in range(repeat):
        start = time.perf_counter()
        fn(i)
        out.append(time.perf_counter() - start)
    return out


def ms(samples: list[float]) -> str:
    q = statistics.quantiles(samples, n=20)
    return f"median {statistics.median(samples) * 1000:7.2f} ms   p95 {q[-1] * 1000:7.2f} ms   (n={len(samples)})"


def bench_saves(folder: Path, repeat: int) -> None:
    store = open_store(folder / "saves.sqlite3")
    sample = read_report_file(SAMPLE)
    cells = [c.id for c in sample.spec.all_cells]
    draft = read_report_file(SAMPLE)

    def save(d) -> None:
        with store.session() as session:
            DraftRepository(session).save(d)

    def create(i: int) -> None:
        d = read_report_file(SAMPLE)
        save(d)

    def rewrite_all(i: int) -> None:
        draft.values.update(dict.fromkeys(cells, i))
        draft.preface = f"第{i}版前言"
        save(draft)

    def one_cell(i: int) -> None:
        draft.values["t3.new.natural"] = i
        save(draft)

    def unchanged(i: int) -> None:
        save(draft)

    save(draft)
    print(f"Save of a full draft ({len(cells)} cells, {len(sample.sections)} sections), synchronous=FULL:")
    print(f"  create (insert everything)   {ms(timed(create, repeat))}")
    print(f"  full rewrite (every value)   {ms(timed(rewrite_all, repeat))}")
    print(f"  one cell changed (autosave)  {ms(timed(one_cell, repeat))}")
    print(f"  nothing changed              {ms(timed(unchanged, repeat))}")
    store.close()


def bench_open(folder: Path, drafts: int) -> None:
    path = folder / "many.sqlite3"
    with open_store(path) as store, store.session() as session:
        repo = DraftRepository(session)
        for i in range(drafts):
            d = read_report_file(SAMPLE)
            d.organ = f"机关{i:04d}"
            repo.save(d)
    size = path.stat().st_size / 1e6

    def open_and_list(_: int) -> None:
        with open_store(path) as store, store.read_session() as session:
            listed = DraftRepository(session).list_drafts()
            assert len(listed) == drafts

    def validate_only(_: int) -> None:
        check_store_file(path, None)

    def list_only(store):
        def run(_: int) -> None:
            with store.read_session() as session:
                DraftRepository(session).list_drafts()

        return run

    def load_one(store):
        def run(i: int) -> None:
            with store.read_session() as session:
                DraftRepository(session).load(1 + i % drafts)

        return run

    print(f"Store holding {drafts} drafts ({size:.1f} MB):")
    print(f"  open (validate + integrity_check) and list   {ms(timed(open_and_list, 15))}")
    print(f"  of which validation with integrity_check     {ms(timed(validate_only, 15))}")
    with open_store(path) as store:
        print(f"  list only (store already open)               {ms(timed(list_only(store), 50))}")
        print(f"  open one draft (load)                        {ms(timed(load_one(store), 200))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_saves(Path(tmp), args.repeat)
        bench_open(Path(tmp), args.drafts)


if __name__ == "__main__":
    main()
