"""Named roles of rows and columns: how checks, carry-over, quotes in the text and the review desk find
the cells they mean, in any edition, without knowing cell ids.

A row role names what a row (or a group of rows) counts; a column role names what a column holds. An
edition's builders give every value cell its roles (``CellSpec.row_role`` / ``column_role``);
``ReportSpec.cells(row=…, column=…)`` finds them. A rule that needs a role an edition lacks does not apply
to that edition (e.g. X-2 needs 现行有效件数, which only the 2021 format has).
"""

from __future__ import annotations

# ---- 表三: applications -----------------------------------------------------------------------
NEW = "applications.new"  # 一、本年新收
CARRIED_IN = "applications.carried_in"  # 二、上年结转
DISCLOSED = "applications.disclosed"  # （一）予以公开
PARTIAL = "applications.partial"  # （二）部分公开
WITHHELD = "applications.withheld"  # （三）不予公开, every sub-row
UNAVAILABLE = "applications.unavailable"  # （四）无法提供
NOT_PROCESSED = "applications.not_processed"  # （五）不予处理
OTHER_RESULT = "applications.other"  # （六）其他处理
FEE_NOT_PAID = "applications.fee_not_paid"  # （六）2. 逾期未缴纳费用 (2021 format)
RESULTS_TOTAL = "applications.results_total"  # （七）总计
CARRIED_OUT = "applications.carried_out"  # 四、结转下年度继续办理
# the rows that add up to （七）总计 (FEE_NOT_PAID is one of the （六） rows)
RESULTS = (DISCLOSED, PARTIAL, WITHHELD, UNAVAILABLE, NOT_PROCESSED, OTHER_RESULT, FEE_NOT_PAID)

# ---- 表四: reviews and lawsuits ---------------------------------------------------------------
REVIEW = "appeals.review"  # 行政复议
SUIT_DIRECT = "appeals.suit_direct"  # 未经复议直接起诉
SUIT_AFTER_REVIEW = "appeals.suit_after_review"  # 复议后起诉
SUITS = (SUIT_DIRECT, SUIT_AFTER_REVIEW)
CORRECTED = "corrected"  # 结果纠正 (a column)

# ---- 表二: proactive disclosure ---------------------------------------------------------------
RULES = "publication.rules"  # 规章
NORMATIVE = "publication.normative"  # （行政）规范性文件
FEES = "publication.fees"  # 行政事业性收费
ISSUED = "issued"  # 本年制发件数 (2021)
REPEALED = "repealed"  # 本年废止件数 (2021)
IN_FORCE = "in_force"  # 现行有效件数 (2021)
PUBLISHED_NEW = "published_new"  # 本年新公开数量 (2019)
PUBLISHED_TOTAL = "published_total"  # 对外公开总数量 (2019)
ITEMS_BEFORE = "items_before"  # 上一年项目数量 (2019)
ITEMS_CHANGE = "items_change"  # 本年增/减 (2019)
AMOUNT = "amount"  # an amount in 万元

# ---- columns shared by the tables ------------------------------------------------------------
TOTAL = "total"  # the 总计 column of 表三 and of each 表四 block

# the other rows of 表二 (by the matter they count)
LICENSING = "publication.licensing"  # 行政许可
OTHER_SERVICES = "publication.other_services"  # 其他对外管理服务事项 (2019)
PENALTY = "publication.penalty"  # 行政处罚
COERCION = "publication.coercion"  # 行政强制
PROCUREMENT = "publication.procurement"  # 政府集中采购 (2019)

# how messages name a row role briefly (an official label is too long inside a sentence)
SHORT_NAMES = {
    NEW: "本年新收",
    CARRIED_IN: "上年结转",
    RESULTS_TOTAL: "办理结果总计",
    CARRIED_OUT: "结转下年度",
}
