"""Captions used in more than one place (so a test and the UI agree on them)."""

APP_TITLE = "政府信息公开工作年度报告编制助手"
ALL_ZERO = "本表无数据，全部填0"
BLANKS_ZERO = "空格填0"
SAVED_AT = "已保存 {time}"
SAVING_FAILED = "未能保存：{reason}。您输入的内容都还在，程序每隔几秒会自动重试。"
STORE_IN_USE = (
    "草稿库正被另一个“年度报告编制助手”窗口使用。\n\n"
    "为避免两处同时修改造成混乱，请切换到已经打开的那个窗口继续工作。\n"
    "如果确认没有其他窗口在运行（例如上次程序异常退出），请稍候片刻再打开。\n\n数据文件夹：{folder}"
)
CHINESE_NUMERALS = "一二三四五六七八九十"
