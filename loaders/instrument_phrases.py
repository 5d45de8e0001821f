"""Instruments a text names in lower case by what they are about.

A Council text cites 'the regulation on the prevention of dissemination of terrorist content
online' or 'a framework for targeted data retention' without a capital or an acronym, so neither
the vocabulary nor the capitalised-name rule sees it. The head says what kind of instrument it is;
the complement, up to where the noun phrase ends, says which. Where the end is uncertain (the word
cap is reached, or the words point back into the text) no name is taken rather than a wrong one.
The word lists are data (`data/instrument_phrases.json`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

from iskg.loaders.discovery import Definition, opens_sentence
from iskg.loaders.tokens import Token, tokenize


@cache
def _rules() -> dict:
    data = json.loads(files("iskg.loaders").joinpath("data/instrument_phrases.json").read_text(encoding="utf-8"))
    data["head_class"] = {head: cls for cls, heads in data["heads"].items() for head in heads}
    data["head_words"] = sorted((tuple(h.split()) for h in data["head_class"]), key=len, reverse=True)
    data["end_words"] = sorted((tuple(e.split()) for e in data["ends_before"]), key=len, reverse=True)
    data["numeric"] = re.compile(data["number"])
    return data


def _starts(tokens: list[Token], k: int, words: tuple[str, ...]) -> bool:
    return tuple(t.surface.lower() for t in tokens[k:k + len(words)]) == words


def _head_at(tokens: list[Token], k: int, rules: dict) -> tuple[str, ...] | None:
    """The instrument head the words from k spell, longest first ('framework decision' before 'framework')."""
    return next((words for words in rules["head_words"] if _starts(tokens, k, words)), None)


def _after_capital(text: str, tokens: list[Token], k: int) -> bool:
    """Whether token k follows a capitalised word of the same phrase ('EU Drugs Strategy on …' is the
    capitalised-name rule's); a possessive or a sentence's first word is no such word."""
    before = tokens[k - 1] if k else None
    return bool(before) and before.surface[:1].isupper() and text[before.end:tokens[k].start] == " " \
        and not opens_sentence(text, before) and text[before.end - 2:before.end] not in ("'s", "’s")


def _acronym_lead(text: str, tokens: list[Token], k: int, rules: dict) -> int | None:
    """Where the acronyms that name the instrument headed at token k begin ('CSDP/ FSJ road map'), if
    only acronyms (not a generic one such as 'EU') stand before the head."""
    lead = k
    while lead > 0 and tokens[lead - 1].is_acronym and text[tokens[lead - 1].end:tokens[lead].start] in rules["joints"]:
        lead -= 1
    while lead < k and tokens[lead].surface in rules["generic_acronyms"]:
        lead += 1
    if lead == k or lead > 0 and _after_capital(text, tokens, lead):
        return None
    return lead


def _classifying_start(tokens: list[Token], k: int, rules: dict) -> int:
    """The first of the classifying adjectives just before the head at k ('legal and policy framework')."""
    first = k
    while first > 0 and tokens[first - 1].surface in rules["classifying"]:
        first -= 1
        if first > 1 and tokens[first - 1].surface in rules["coordination"] \
                and tokens[first - 2].surface in rules["classifying"]:
            first -= 1
    return first


def _conclusion_verb(token: Token, rules: dict) -> bool:
    """A word in capitals long enough to be the verb of a Council conclusion ('CALLS ON'), not an acronym."""
    return token.surface.isupper() and len(token.surface) >= rules["min_verb_capitals"]


def _ends_phrase(tokens: list[Token], i: int, rules: dict) -> bool:
    """Whether the noun phrase has ended before token i: a clause, a finite verb, a number, a conclusion's verb."""
    t = tokens[i]
    return any(_starts(tokens, i, e) for e in rules["end_words"]) or t.surface.lower() in rules["verbs"] \
        or bool(rules["numeric"].search(t.surface)) or _conclusion_verb(t, rules)


def _complement_end(text: str, tokens: list[Token], k: int, known: Sequence[tuple[int, int]],
                    rules: dict) -> int | None:
    """The last token of the complement that opens at token k (its opener), k if it ends at once, or
    None where it runs on past the word cap."""
    end, paired, i = k, False, k + 1
    while i < len(tokens):
        if i - k > rules["max_words"]:
            return None
        t = tokens[i]
        span = next(((lo, hi) for lo, hi in known if lo <= t.start < hi), None)
        if span:  # a known name is read whole, its commas too
            while i < len(tokens) and tokens[i].start < span[1]:
                i += 1
            end = i - 1
            continue
        if text[tokens[i - 1].end:t.start].strip() not in ("", "-") or _ends_phrase(tokens, i, rules):
            break
        word = t.surface.lower()
        if word in rules["coordination"]:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            pairs = paired and word == "and"
            second = nxt is not None and (nxt.surface.lower() in rules["second_name"] or _conclusion_verb(nxt, rules))
            if nxt is None or not pairs and second:
                break
            paired = paired and not pairs
        paired = paired or word in rules["pairing"]
        if word not in rules["not_last"]:
            end = i
        i += 1
    return end


def find_described_instruments(text: str, known: Sequence[tuple[int, int]] = ()) -> list[Definition]:
    """Every 'head + on/for/against + noun phrase' that names an instrument, and every head named by
    acronyms alone; `known` are the spans of names already known in the text, read whole where the
    complement reaches them."""
    rules = _rules()
    tokens = tokenize(text)
    out = []
    for k in range(len(tokens)):
        head = _head_at(tokens, k, rules)
        if head is None:
            continue
        cls, last_head = rules["head_class"][" ".join(head)], k + len(head) - 1
        generic = k > 0 and tokens[k - 1].surface in rules["generic_acronyms"] \
            and not _after_capital(text, tokens, k - 1)
        if _after_capital(text, tokens, k) and not generic:
            lead = _acronym_lead(text, tokens, k, rules)
            if lead is not None and tokens[k].surface.islower():  # 'PIF Directive' is the capitalised-name rule's
                start, end = tokens[lead].start, tokens[last_head].end
                out.append(Definition(text[start:end], "", start, end, cls))
            continue
        opener = last_head + 1
        if opener >= len(tokens) or tokens[opener].surface.lower() not in rules["openers"] \
                or text[tokens[last_head].end:tokens[opener].start] != " ":
            continue
        last = _complement_end(text, tokens, opener, known, rules)
        if last is None:
            continue
        words = [t for t in tokens[opener + 1:last + 1] if t.surface.lower() not in rules["second_name"]]
        if len(words) < rules["min_words"] or not words[0].surface.islower() \
                or any(t.surface.lower() in rules["anaphora"] for t in tokens[opener + 1:last + 1]):
            continue  # a capitalised complement is a proper name's; an anaphoric one points back into the text
        start, end = tokens[_classifying_start(tokens, k, rules)].start, tokens[last].end
        out.append(Definition(text[start:end], "", start, end, cls))
    return out


@cache
def _quoted_rules() -> tuple[re.Pattern[str], re.Pattern[str], dict]:
    spec = _rules()["quoted_titles"]
    kinds = "|".join(r"\s+".join(map(re.escape, kind.split())) for kind in spec["kinds"])
    kind = re.compile(rf"\b(?:{kinds}){spec['complement']}\s*,?\s*$", re.IGNORECASE)
    quotes = "|".join(rf"{re.escape(o)}((?:[^{re.escape(o + c)}\n]|{re.escape(c)}(?=\w))+){re.escape(c)}(?!\w)"
                      for o, c in map(tuple, spec["quotes"]))
    return kind, re.compile(quotes), spec


def find_quoted_titles(text: str) -> list[Definition]:
    """Titles in quotes that a document-kind word introduces ('the Green Paper "Adapting to climate
    change in Europe"'): proper names of instruments whatever their capitals, which neither the
    capitalised-name rule nor the lower-case phrases read whole."""
    kind, quotes, spec = _quoted_rules()
    out = []
    for m in quotes.finditer(text):
        group = next(g for g in range(1, len(spec["quotes"]) + 1) if m.group(g) is not None)
        title, start = m.group(group).strip(), m.start(group) + len(m.group(group)) - len(m.group(group).lstrip())
        if title[:1].isupper() and spec["min_words"] <= len(title.split()) <= spec["max_words"] \
                and kind.search(text[max(0, m.start() - spec["before"]):m.start()]):
            out.append(Definition(title, "", start, start + len(title), spec["class"]))
    return out


def quoted_title_openers() -> frozenset[str]:
    """Words a title may open with before the name of the instrument it is the title of ('Draft')."""
    return frozenset(_rules()["quoted_titles"]["openers"])
