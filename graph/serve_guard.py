"""What a query text is, read without running it: its form, whether it is an update, whether it
calls out with SERVICE, and the prefixes it declares.

pyoxigraph parses and evaluates in one call and gives no algebra back, so the endpoint decides
what to refuse from a small SPARQL tokenizer instead. Comments, strings, IRIs, variables and
prefixed names are whole tokens here, so a keyword is only a keyword where the grammar would
read one: "SERVICE" inside a literal, an IRI, a comment or `ex:SERVICE` is not a SERVICE call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})

# Order matters: the first alternative that matches at a position wins, as in the SPARQL lexer.
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
             | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
             | '(?:[^'\\\r\n]|\\.)*'
             | "(?:[^"\\\r\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>(?:[^\W\d][\w.\-]*)?:(?:[\w.\-:%]|\\\S)*)
  | (?P<word>[^\W\d]\w*)
  | (?P<number>\d+)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str


@dataclass(frozen=True)
class QueryInfo:
    """form: SELECT/ASK/CONSTRUCT/DESCRIBE, an update keyword, or None when the text has no keyword."""

    form: str | None
    uses_service: bool
    uses_dataset: bool  # FROM or FROM NAMED: the query names its own dataset
    prefixes: dict[str, str] = field(default_factory=dict)

    @property
    def is_update(self) -> bool:
        return self.form in UPDATE_WORDS

    @property
    def kind(self) -> str | None:
        """'results' (SELECT, ASK), 'graph' (CONSTRUCT, DESCRIBE), or None."""
        if self.form in ("SELECT", "ASK"):
            return "results"
        if self.form in ("CONSTRUCT", "DESCRIBE"):
            return "graph"
        return None


def tokens(text: str) -> list[Token]:
    """The significant tokens of a SPARQL text (no whitespace, no comments)."""
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind not in ("ws", "comment"):
            out.append(Token(kind, m.group()))
    return out


_SERVICE_WORD = re.compile(r"service", re.IGNORECASE)


def inspect_query(text: str) -> QueryInfo:
    """Read the prologue, the first keyword after it, and look for SERVICE and FROM anywhere."""
    toks = tokens(text)
    prefixes: dict[str, str] = {}
    form = None
    i = 0
    while i < len(toks):
        tok = toks[i]
        upper = tok.text.upper() if tok.kind == "word" else ""
        if upper == "PREFIX" and i + 2 < len(toks) and toks[i + 1].kind == "pname" and toks[i + 2].kind == "iri":
            prefixes[toks[i + 1].text[:-1]] = toks[i + 2].text[1:-1]
            i += 3
        elif upper == "BASE" and i + 1 < len(toks):
            i += 2
        else:
            form = upper or None
            break
    words = {t.text.upper() for t in toks if t.kind == "word"}
    # Text that lexes as an IRI here may be '<' comparisons to the engine ('(1<2)SERVICE?x#>'), so the
    # keyword is also looked for inside IRIs: refusing an IRI that names SERVICE is the safe mistake.
    in_iri = any(_SERVICE_WORD.search(t.text) for t in toks if t.kind == "iri")
    return QueryInfo(form, "SERVICE" in words or in_iri, "FROM" in words, prefixes)
