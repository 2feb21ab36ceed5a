"""Constants of report JSON version 1."""

from __future__ import annotations

SCHEMA_ID = "disclosure-desk.report/1"
EXTENSION_KEY = "x-disclosure-desk"  # our own additions; other readers may ignore it
IMPORT_KEY = "import"  # under EXTENSION_KEY: the recognition report of a draft read from a published file
TOP_LEVEL_KEYS = ("schema", "edition", "year", "organ", "title", "preface", "sections", "tables", "signature")

# Section titles seen in published reports that are not the official ones (format-spec §1.1)
TITLE_VARIANTS = {
    "四、因政府信息公开工作被申请行政复议提起行政诉讼情况": "四、政府信息公开行政复议、行政诉讼情况",
    "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况": "四、政府信息公开行政复议、行政诉讼情况",
    "五、政府信息公开工作存在的主要问题及改进情况": "五、存在的主要问题及改进情况",
    "三、政府信息公开工作存在的主要问题及改进情况": "五、存在的主要问题及改进情况",
    "六、其它需要报告的事项": "六、其他需要报告的事项",
    "四、其它需要报告的事项": "六、其他需要报告的事项",
}
