"""Constants of report JSON version 1."""

from __future__ import annotations

from ..domain.fields import fields_at

SCHEMA_ID = "disclosure-desk.report/1"
# the top level: the file's kind and edition, the Draft's top-level fields, the report's parts
TOP_LEVEL_KEYS = ("schema", "edition", *(f.json[0] for f in fields_at()), "sections", "tables", "signature")

# Section titles seen in published reports that are not the official ones (format-spec §1.1)
TITLE_VARIANTS = {
    "四、因政府信息公开工作被申请行政复议提起行政诉讼情况": "四、政府信息公开行政复议、行政诉讼情况",
    "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况": "四、政府信息公开行政复议、行政诉讼情况",
    "五、政府信息公开工作存在的主要问题及改进情况": "五、存在的主要问题及改进情况",
    "三、政府信息公开工作存在的主要问题及改进情况": "五、存在的主要问题及改进情况",
    "六、其它需要报告的事项": "六、其他需要报告的事项",
    "四、其它需要报告的事项": "六、其他需要报告的事项",
}
