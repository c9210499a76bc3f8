"""Findings as text for people and as JSON for programs."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from .findings import ERROR, WARNING, Finding


def _counts(findings: list[Finding]) -> tuple[int, int]:
    errors = sum(f.severity == ERROR for f in findings)
    return errors, sum(f.severity == WARNING for f in findings)


def format_findings(path: Path, findings: list[Finding], clean: str = "đúng thể thức, không có lỗi.") -> str:
    """One block per finding and a summary line, in Vietnamese; ``clean`` when there is none."""
    name = Path(path).name
    if not findings:
        return f"{name}: {clean}"
    blocks = [
        f"[{f.severity}] {f.where}\n"
        f"    Quy định: {f.expected}\n"
        f"    Thực tế:  {f.found}\n"
        f"    (quy tắc {f.rule})"
        for f in findings
    ]
    errors, warnings = _counts(findings)
    return "\n\n".join([f"{name}:", *blocks, f"{name}: {errors} lỗi, {warnings} cảnh báo."])


def findings_json(path: Path, findings: list[Finding]) -> str:
    errors, warnings = _counts(findings)
    payload = {
        "file": str(path),
        "errors": errors,
        "warnings": warnings,
        "findings": [asdict(f) for f in findings],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
