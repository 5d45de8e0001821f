"""Graph hygiene as a report (`iskg check`): ROBOT-style quality queries, each with a severity.

Why queries and not more SHACL: each check is one `.rq` file under `queries/checks/` that a
user can read, run by hand on any store, or add to; a row is one finding, in ROBOT report's
columns (subject, property, value). Severity `error` fails the check, `warning` and `info` are
reported only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from iskg.graph.query import open_store, parse_header, run_select
from iskg.loaders.errors import IskgError
from iskg.queries import check_paths

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Check:
    """One quality query and what a row of it means."""

    name: str
    title: str
    severity: str
    finding: str
    text: str


@dataclass(frozen=True)
class Finding:
    """One row of a check: what is wrong, where."""

    check: str
    severity: str
    subject: str
    property: str
    value: str


@dataclass(frozen=True)
class CheckReport:
    """Every finding of every check, and how many each check found."""

    findings: list[Finding]
    counts: dict[str, int]

    def at(self, severity: str) -> list[Finding]:
        return [f for f in self.findings if f.severity == severity]

    @property
    def passed(self) -> bool:
        """No error-level finding."""
        return not self.at("error")


def load_checks() -> list[Check]:
    """The checks in `queries/checks/`, each header naming a known severity."""
    out = []
    for name, path in check_paths().items():
        text = path.read_text(encoding="utf-8")
        header = parse_header(name, text)
        fields = {k: v for k, _, v in (line[1:].strip().partition(": ") for line in text.splitlines()
                                        if line.startswith("# ")) if v}
        severity = fields.get("severity", "")
        if severity not in SEVERITIES:
            raise IskgError(f"checks/{name}.rq: severity must be one of {', '.join(SEVERITIES)}, got '{severity}'")
        out.append(Check(name, header.title, severity, fields.get("finding", ""), text))
    return out


def _text(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    return "" if term is None else term.value


def run_checks(source: ox.Store | Path, checks: list[Check] | None = None) -> CheckReport:
    """Run every check (or the given ones) on a store or a graph file."""
    store = open_store(source) if isinstance(source, Path) else source
    findings: list[Finding] = []
    counts: dict[str, int] = {}
    for check in checks if checks is not None else load_checks():
        rows = run_select(store, check.text).rows
        counts[check.name] = len(rows)
        findings += [Finding(check.name, check.severity, _text(r.get("subject")), _text(r.get("property")),
                             _text(r.get("value"))) for r in rows]
    order = {s: i for i, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (order[f.severity], f.check, f.subject, f.property, f.value))
    return CheckReport(findings, counts)


def report_table(report: CheckReport, checks: list[Check]) -> str:
    """A ROBOT-like table (level, rule, subject, property, value) and a line per check."""
    lines = ["level\trule\tsubject\tproperty\tvalue"]
    lines += [f"{f.severity.upper()}\t{f.check}\t{f.subject}\t{f.property}\t{f.value}" for f in report.findings]
    lines.append("")
    for check in checks:
        lines.append(f"{check.severity:7} {report.counts.get(check.name, 0):5}  {check.name}: {check.title}")
    errors, warnings = len(report.at("error")), len(report.at("warning"))
    lines.append(f"{errors} errors, {warnings} warnings, {len(report.at('info'))} notes")
    return "\n".join(lines) + "\n"


def report_json(report: CheckReport, checks: list[Check]) -> str:
    """The same as data: checks with their severity and count, then the findings."""
    data = {
        "passed": report.passed,
        "checks": [{"name": c.name, "title": c.title, "severity": c.severity, "finding": c.finding,
                    "count": report.counts.get(c.name, 0)} for c in checks],
        "findings": [f.__dict__ for f in report.findings],
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
