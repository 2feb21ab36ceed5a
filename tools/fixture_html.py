"""A fixture layout as HTML shaped like real published pages (structure copied from pages in the page
store, not their text): a CMS fragment, a whole saved page (navigation, breadcrumb, metadata table,
title outside the article, footer; GB2312), and Word's "save as web page" output (mso classes, <o:p>)."""

from __future__ import annotations

import html

from fixture_layout import Item, Rows

_SPLIT_EVERY = 3  # CMS copies of Word text cut labels into <span>s of a few characters


def fragment_html(items: list[Item], *, split_spans: bool = True, nbsp_blanks: bool = True) -> str:
    body = "\n".join(_item(i, split_spans, nbsp_blanks, word=False) for i in items if i.kind != "title")
    return f'<div class="TRS_Editor"><div class="Custom_UnionStyle">\n{body}\n</div></div>\n'


def page_html(items: list[Item], site: str, charset: str = "gb2312") -> str:
    title = next((i.text for i in items if i.kind == "title"), "")
    content = "\n".join(_item(i, True, True, word=False) for i in items if i.kind != "title")
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{html.escape(title)}-{site}</title>
<script type="text/javascript">var siteId = "0000"; document.write("<p>一、总体情况</p>");</script>
<style>.nav li{{float:left}}</style>
</head>
<body>
<div class="header"><div class="logo">{site}</div>
<ul class="nav"><li><a href="#">首页</a></li><li><a href="#">政务公开</a></li><li><a href="#">政务服务</a></li>
<li><a href="#">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="#">首页</a> &gt; <a href="#">政府信息公开</a> &gt; <a href="#">政府信息公开年报</a></div>
<table class="xxgk_table"><tr><td>索引号：</td><td>000000000/2024-00001</td><td>发布机构：</td><td>{html.escape(site)}</td></tr>
<tr><td>生成日期：</td><td>2024-01-18</td><td>主题分类：</td><td>政府信息公开年报</td></tr></table>
<div class="article">
<h1 class="article-title">{html.escape(title)}</h1>
<div class="info">发布时间：2024-01-18 09:30 来源：本网 浏览次数：<span id="count">128</span></div>
<div class="article-content" id="zoom">
{content}
</div>
<div class="share">【打印本页】【关闭窗口】</div>
</div>
<div class="footer"><p>主办单位：{site}办公室 网站标识码：0000000000</p><p>备案号：某ICP备00000000号</p></div>
</body>
</html>
"""


def word_html(items: list[Item]) -> str:
    body = "\n".join(_item(i, False, False, word=True) for i in items)
    return f"""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {{mso-style-parent:""; margin:0cm; font-size:10.5pt;}} --></style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
{body}
</div>
</body>
</html>
"""


def _item(item: Item, split: bool, nbsp: bool, word: bool) -> str:
    if item.kind == "table":
        return _table(item.rows, split, nbsp, word)
    text = _text(item.text, split and item.kind in ("h1", "h2"), word)
    if word:
        align = " align=center style='text-align:center'" if item.kind == "title" else ""
        align = " align=right style='text-align:right'" if item.kind == "sign" else align
        return f"<p class=MsoNormal{align}><span style='font-family:仿宋_GB2312'>{text}<o:p></o:p></span></p>"
    style = {"sign": "text-align: right;", "h1": "text-indent: 2em; font-weight: bold;"}.get(
        item.kind, "text-indent: 2em;"
    )
    if item.kind == "h2":
        return f'<p style="text-indent: 2em;"><strong>{text}</strong></p>'
    return f'<p style="{style}">{text}</p>'


def _text(text: str, split: bool, word: bool) -> str:
    parts = [html.escape(line) for line in text.split("\n")]
    if split:
        parts = [
            "".join(
                f"<span>{html.escape(line[i : i + _SPLIT_EVERY])}</span>" for i in range(0, len(line), _SPLIT_EVERY)
            )
            for line in text.split("\n")
        ]
    return "<br />".join(parts)


def _table(rows: Rows, split: bool, nbsp: bool, word: bool) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="0" style="border-collapse: collapse;">', "<tbody>"]
    for row in rows:
        out.append("<tr>")
        for cell in row:
            attrs = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
                f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
            )
            if word:
                attrs += " width=60 valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'"
            out.append(f"<td{attrs}>{_cell(cell.text, split, nbsp, word)}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _cell(text: str, split: bool, nbsp: bool, word: bool) -> str:
    if not text:
        if word:
            return "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
        return "<p>&nbsp;</p>" if nbsp else ""
    inner = _text(text, split, word)
    if word:
        return (
            f"<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US>{inner}<o:p></o:p></span></p>"
        )
    return f'<p style="text-align: center;">{inner}</p>'
