"""Sub-headings inside a narrative section: ``（二）依申请公开`` as a paragraph of its own, or leading one
(``（一）政府信息主动公开情况。一是……``). One definition for the Draft's parts, the writers and the readers."""

from __future__ import annotations

import re

NUMBER = r"（[一二三四五六七八九十]+）"
# a paragraph that is only a sub-heading: "（二）依申请公开" or "（三）政府信息管理。"
SUBHEADING = re.compile(rf"^{NUMBER}[^。！？\n]{{1,40}}。?$")
# a paragraph that starts with one, ended by its full stop: "（一）政府信息主动公开情况。一是……"
SUBHEADING_LEAD = re.compile(rf"^{NUMBER}[^。！？\n]{{1,40}}?。")
