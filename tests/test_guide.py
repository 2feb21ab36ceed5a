"""The user guide (docs/guide.md) explains every rule the checks can emit, and nothing else.

Section 五 of the guide has one ``### <id> <short name>`` heading per entry of
``disclosure_desk.checks.RULES``. Adding a rule without its guide entry (or leaving an entry
for a rule that is gone) fails here. A static scan of checks/ makes sure RULES itself names
every rule id the code can emit.
"""

from __future__ import annotations

import ast
import re

from disclosure_desk.checks import RULES
from tests.conftest import REPO

GUIDE = REPO / "docs" / "guide.md"
RULES_SECTION = "## 五、检查规则逐条说明"
RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*(?:-[0-9]+)?$")
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def rule_headings() -> dict[str, str]:
    """rule id -> heading text, from the ### headings of the rules section."""
    text = guide_text()
    assert RULES_SECTION in text, f"docs/guide.md has no section {RULES_SECTION!r}"
    section = text.split(RULES_SECTION, 1)[1].split("\n## ", 1)[0]
    headings: dict[str, str] = {}
    for line in section.splitlines():
        if line.startswith("#"):
            assert line.startswith("### "), f"only ### headings in the rules section: {line!r}"
            rule_id, _, name = line[4:].partition(" ")
            assert RULE_ID.match(rule_id), f"a rule heading starts with its id: {line!r}"
            assert rule_id not in headings, f"{rule_id} has two headings"
            headings[rule_id] = name.strip()
    return headings


def test_every_rule_has_a_guide_entry():
    missing = sorted(set(RULES) - set(rule_headings()))
    assert not missing, f"add a '### <id> <name>' entry to {RULES_SECTION} in docs/guide.md for: {missing}"


def test_every_guide_entry_is_a_rule():
    unknown = sorted(set(rule_headings()) - set(RULES))
    assert not unknown, f"docs/guide.md explains rules the checks do not have: {unknown}"


def test_guide_headings_carry_the_rule_names():
    for rule_id, name in rule_headings().items():
        assert name == RULES[rule_id], f"heading of {rule_id}: {name!r}, RULES says {RULES[rule_id]!r}"


def test_each_rule_entry_has_an_example_and_a_fix():
    text = guide_text().split(RULES_SECTION, 1)[1].split("\n## ", 1)[0]
    for entry in text.split("\n### ")[1:]:
        rule_id = entry.split(" ", 1)[0]
        assert "- 例：" in entry, f"{rule_id}: no example"
        assert "- 怎么改：" in entry, f"{rule_id}: no way to fix it"
        assert "**错误**" in entry or "**提示**" in entry, f"{rule_id}: severity not said"


def emitted_rule_ids() -> set[str]:
    """Rule ids in the code of checks/: every string literal shaped like ``T3-1``, and the first
    argument of any call when it is shaped like a rule id (``"TYPE"``)."""
    ids = set()
    with_number = re.compile(r"^[A-Z][A-Z0-9]*-[0-9]+$")
    for path in (REPO / "src" / "disclosure_desk" / "checks").glob("*.py"):
        if path.name == "__init__.py":  # RULES itself
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and with_number.match(node.value):
                ids.add(node.value)
            if isinstance(node, ast.Call) and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and RULE_ID.match(first.value):
                    ids.add(first.value)
    return ids


def test_rules_lists_every_rule_the_code_emits():
    emitted = emitted_rule_ids()
    assert emitted <= set(RULES), f"emitted but not in RULES: {sorted(emitted - set(RULES))}"
    assert set(RULES) <= emitted, f"in RULES but never emitted: {sorted(set(RULES) - emitted)}"


def test_guide_images_exist_and_are_small():
    images = IMAGE.findall(guide_text())
    assert len(images) >= 7
    for name in images:
        path = GUIDE.parent / name
        assert path.is_file(), f"docs/guide.md shows {name}, which is missing"
        assert path.stat().st_size < 150_000, f"{name}: keep screenshots small (tools/screenshots.py)"


def test_readme_images_exist():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    images = IMAGE.findall(readme)
    assert images
    for name in images:
        assert (REPO / name).is_file(), f"README.md shows {name}, which is missing"


def test_guide_covers_what_the_clerk_needs():
    text = guide_text()
    for topic in (
        "## 一、安装",
        "## 二、启动",
        "## 三、逐页填写",
        "### 基本信息",
        "### 表格",
        "### 检查全文",
        "### 导出和打印",
        "根据上年报告新建",
        "备份",
        "换一台电脑",
        "## 八、打印",
        "数据保存在哪里",
        "%LOCALAPPDATA%\\DisclosureDesk",
        "~/.local/share/DisclosureDesk",
        "JSON",
    ):
        assert topic in text, topic
