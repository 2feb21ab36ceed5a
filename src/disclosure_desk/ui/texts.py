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

LONE_SURROGATES = (
    "这份报告的“{places}”中有不成对的代理码位（如 U+D800）。这种“字符”只能来自报告文件中 \\ud800 这样的转义，"
    "编辑框无法显示它：打印时它印为带编码的方框；在程序中修改这些部分时，它会被删除。"
)
