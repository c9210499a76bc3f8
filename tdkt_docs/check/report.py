"""Format findings as text for people and as JSON for programs."""
from __future__ import annotations

import json
from pathlib import Path

from ..problems import Problem, errors


def _counts(findings: list[Problem]) -> tuple[int, int]:
    count = len(errors(findings))
    return count, len(findings) - count


def format_findings(path: Path, findings: list[Problem], clean: str = "đúng thể thức, không có lỗi.") -> str:
    """One block per finding and a summary line, in Vietnamese; ``clean`` when there is none."""
    name = Path(path).name
    if not findings:
        return f"{name}: {clean}"
    blocks = [
        f"[{f.severity.label.lower()}] {f.location.paragraph}\n"
        f"    Quy định: {f.expected}\n"
        f"    Thực tế:  {f.found}\n"
        f"    (quy tắc {f.code})"
        for f in findings
    ]
    errors_, warnings = _counts(findings)
    return "\n\n".join([f"{name}:", *blocks, f"{name}: {errors_} lỗi, {warnings} cảnh báo."])


def findings_json(path: Path, findings: list[Problem]) -> str:
    errors_, warnings = _counts(findings)
    payload = {
        "file": str(path),
        "errors": errors_,
        "warnings": warnings,
        "findings": [{"rule": f.code, "severity": f.severity.label.lower(), "where": f.location.paragraph,
                      "expected": f.expected, "found": f.found} for f in findings],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
