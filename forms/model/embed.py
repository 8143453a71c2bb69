"""How an exported DOCX or HTML carries the report's own data, so next year's import is exact.

DOCX: a custom XML part whose root is `<report xmlns=NAMESPACE>` holding the native JSON as text.
HTML: `<script type="application/json" id=HTML_SCRIPT_ID>` holding the native JSON.
The importer also reads the visible tables: when they differ from the embedded data, someone
edited the document after export, and the visible tables win.

What is embedded is the published report: the office's own working notes (warnings marked
已核实 with their explanations, the log of exports with open findings) stay in the native file
and never reach a website.
"""
from __future__ import annotations

from forms.model import store
from forms.model import Report

NAMESPACE = "urn:nianbao:report:1"
HTML_SCRIPT_ID = "nianbao-data"


def published(report: Report) -> Report:
    """The report as it may be made public: without the office's working notes."""
    return report.model_copy(update={"acknowledged": {}, "exports": []})


def to_json(report: Report) -> str:
    """The native JSON, with the two characters JSON writes as themselves but XML cannot hold
    (U+FFFE, U+FFFF) as JSON escapes: the same data, embeddable in a Word part."""
    return store.dumps(published(report)).replace("\ufffe", "\\ufffe").replace("\uffff", "\\uffff")


def to_html_script_text(report: Report) -> str:
    """JSON safe inside <script>: no `</script>` or `<!--` can end or confuse it."""
    return to_json(report).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def from_json(text: str, source: str = "<嵌入数据>") -> Report:
    return store.loads(text, source)
