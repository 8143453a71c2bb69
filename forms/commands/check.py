"""`nianbao check FILE [--prior FILE] [--json]`: the findings, for people or for programs."""
from __future__ import annotations

import json
import sys

from forms.commands import EXIT_FINDINGS, EXIT_OK, open_file, open_source_file


def register(sub) -> None:
    p = sub.add_parser("check", help="校验年报，列出问题")
    p.add_argument("file", help="年报文件（本软件的 .json，或可导入的 Word/网页/PDF/文本）")
    p.add_argument("--prior", help="上年报告，用于上年结转等跨年度校验")
    p.add_argument("--json", action="store_true", help='以 JSON 输出 {"findings": [...]}')
    p.add_argument("--final", action="store_true", help="按定稿标准校验（空白单元格视为错误）")
    p.set_defaults(run=run)


def run(args) -> int:
    # The work's imports, here: `nianbao --help` reads only the declaration above.
    from forms.model.findings import Severity
    from forms.rules import check
    source = open_source_file(args.file)  # a document written elsewhere brings its written totals
    report = source.report
    prior = open_file(args.prior)[0] if args.prior else None
    findings = check(report, prior, final=args.final, stated=source.stated)
    if args.json:
        json.dump({"findings": [f.to_dict() for f in findings]}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_human(report, findings)
    return EXIT_FINDINGS if any(f.severity is Severity.ERROR for f in findings) else EXIT_OK


def _print_human(report, findings) -> None:
    from forms.model.findings import Severity
    from forms.rules import open_findings
    print(f"{report.display_title}")
    if not findings:
        print("未发现问题。")
        return
    # Counted as the editor's status bar counts them: what is still open; 已核实 said apart.
    still_open = open_findings(report, findings)
    counts = {s: sum(1 for f in still_open if f.severity is s) for s in Severity}
    verified = len(findings) - len(still_open)
    for line in _lines(report, findings):
        print(f"  {line}")
    print(f"共 {counts[Severity.ERROR]} 个错误，{counts[Severity.WARNING]} 个警告，{counts[Severity.INFO]} 个提示"
          + (f"（另有 {verified} 个已核实）。" if verified else "。"))


def _lines(report, findings) -> list[str]:
    """One line a finding, except blank cells (A6): one line a table row, naming its columns."""
    lines: list[str | tuple] = []
    blank_rows: dict[tuple, list] = {}
    for f in findings:
        loc = f.location
        if f.code == "A6" and loc.table and loc.row and f.fingerprint not in report.acknowledged:
            key = (f.severity, loc.table, loc.row)
            if key not in blank_rows:
                blank_rows[key] = []
                lines.append(key)
            blank_rows[key].append(f)
            continue
        mark = "（已核实）" if f.fingerprint in report.acknowledged else ""
        lines.append(f"[{f.severity.label}] {f.code} {f.message}{mark}")
    return [line if isinstance(line, str) else _blank_row_line(report, line, blank_rows[line])
            for line in lines]


def _blank_row_line(report, key, blanks) -> str:
    from forms.model.findings import blank_row_label
    return f"[{key[0].label}] A6 {blank_row_label(report, blanks)}"
