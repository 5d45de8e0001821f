"""Discover names the reference vocabulary lacks, from the way texts define them.

A first rule: a name defined with its acronym, "European Police Records Index System (EPRIS)".
The name is taken when its head noun says what kind of thing it is (data file `discovery.json`);
otherwise it is left alone rather than guessed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from iskg.loaders.tokens import Token, fold, tokenize

_PAREN = re.compile(r"\(([^()\s]{2,14})\)")


@dataclass(frozen=True)
class Definition:
    """A long form defined with an acronym, where it stands in the text and its class by head noun."""

    long_form: str
    acronym: str
    start: int
    end: int
    cls: str | None


@cache
def _rules() -> dict:
    return json.loads(files("iskg.loaders").joinpath("data/discovery.json").read_text(encoding="utf-8"))


def discovery_rules() -> dict:
    """The data of `discovery.json`, read once, for the modules that apply its rules elsewhere."""
    return _rules()


def _is_name_word(token: Token, connectors: set[str]) -> bool:
    return token.surface[:1].isupper() or token.surface.lower() in connectors


def _initials_fit(words: list[Token], acronym: str) -> bool:
    """The acronym's capitals are spelled by the long form's capitalised words, in order."""
    initials = "".join(w.surface[0].upper() for w in words if w.surface[:1].isupper())
    letters = [c for c in acronym.upper() if c.isalpha()]
    if not initials or letters[0] != initials[0]:
        return False
    pos, hits = 0, 0
    for c in letters:
        found = initials.find(c, pos)
        if found >= 0:
            hits, pos = hits + 1, found + 1
    return hits >= min(len(letters), max(2, -(-3 * len(letters) // 4)))


def head_noun_class(head: str) -> str | None:
    """The class a head noun gives, or its singular gives; a head listed as null gives none
    ('Groups': organised crime groups are no body)."""
    heads = _rules()["heads"]
    return heads[head] if head in heads else heads.get(head.rstrip("s"))


def head_word(words: list[Token]) -> str | None:
    """The head noun of a name: its word before 'of'/'for'… ('Convention' in 'Convention on
    Cybercrime'), else its last ('and' joins modifiers: 'European Border and Coast Guard Agency')."""
    stops = _rules()["head_stops"]
    head = None
    for w in words:
        if w.surface.lower() in stops and head is not None:
            break
        head = w.surface
    return head


def head_class(words: list[Token]) -> str | None:
    """The class the head noun of a name gives it."""
    return head_noun_class(head_word(words) or "")


def find_definitions(text: str) -> list[Definition]:
    """Every 'Long Form (ACRONYM)' in a text whose initials fit."""
    rules = _rules()
    connectors = set(rules["connectors"])
    pattern = re.compile(rules["acronym"])
    tokens = tokenize(text)
    out = []
    for m in _PAREN.finditer(text):
        acronym = m.group(1)
        capitals = sum(c.isupper() for c in acronym)
        if not pattern.match(acronym) or capitals < rules["min_acronym_capitals"]:
            continue
        before = [t for t in tokens if t.end <= m.start()]
        words: list[Token] = []
        for t in reversed(before[-rules["max_long_form_words"]:]):
            gap = text[t.end:(words[0].start if words else m.start())]
            if not _is_name_word(t, connectors) or gap.strip() not in ("", "-", "'"):
                break
            if t.surface in rules["coordination"] and words and words[0].surface == "the":
                break  # 'the Connecting Europe Facility and the European Network of … (ENFAST)': two names
            if t.surface.endswith(("'s", "’s")) or text[t.end:t.end + 1] in ("'", "’"):
                break  # 'Europol's European Cybercrime Centre (EC3)': the owner is no word of the name
            words.insert(0, t)
        # a long form opens with a capital, and not with the verb of a conclusion ('ENCOURAGES the …')
        while words and (not words[0].surface[:1].isupper() or len(words) > 1 and words[1].surface[:1].islower()
                         and not _capitalised(words[0], rules["names"]["max_capital_verb"])):
            words.pop(0)
        # the longest stretch of the name whose initials still spell the acronym
        for i in range(len(words)):
            part = words[i:]
            if part[0].surface[:1].isupper() and _initials_fit(part, acronym):
                # capitalised words just before belong to the name too ("Standing Committee …")
                while i > 0 and not words[i - 1].is_acronym and words[i - 1].key not in rules["not_names"]:
                    i -= 1
                part = words[i:]
                start = part[0].start
                out.append(Definition(text[start:part[-1].end], acronym, start, m.end(), head_class(part)))
                break
        else:
            if body := _mnemonic_body(words, rules["mnemonic_bodies"]):
                start = body[0].start
                out.append(Definition(text[start:body[-1].end], acronym, start, m.end(), head_class(body)))
    return out


def _mnemonic_body(words: list[Token], openers: list[str]) -> list[Token] | None:
    """A Council preparatory body's name, whose acronym is a mnemonic rather than its initials
    ('Working Party on JHA Information Exchange (IXIM)'): from the opener to the parenthesis."""
    surfaces = [w.surface for w in words]
    for opener in openers:
        first = opener.split()
        for k in range(len(words) - len(first)):
            if surfaces[k:k + len(first)] == first:
                return words[k:]
    return None


def _capitalised(token: Token, max_verb: int) -> bool:
    """A word that can be part of a proper name; long all-capital words are the verbs of conclusions."""
    if token.is_acronym:
        return len(token.surface) <= max_verb
    return token.surface[:1].isupper()


def _adjacent(text: str, a: Token, b: Token) -> bool:
    return text[a.end:b.start] in (" ", "-", " - ")


def _learned_class(word: str, learned: Mapping[str, str]) -> str | None:
    return learned.get(word) or (learned.get(word[:-1]) if word.endswith("s") else None)


def _head_class(word: str, listed: set[str], learned: Mapping[str, str]) -> str | None:
    """The class a head gives: by the listed heads, else by the heads learned from the vocabulary."""
    return head_noun_class(word) if word in listed else _learned_class(word, learned)


def find_names(text: str, learned: Mapping[str, str] | None = None) -> list[Definition]:
    """Names without an acronym: capitalised words ending in a head noun that says what they are (a
    listed one, or one `learned` from the vocabulary, with its class: `vocabulary_heads.py`)."""
    spec, rules, learned = _rules()["names"], _rules(), learned or {}
    listed, complements, inner = set(spec["heads"]), set(spec["complements"]), set(spec["inner"])
    stop = set(rules["not_names"]) | set(spec["generic_first"])
    linking = re.compile(spec["linking_complement"])
    linking_classes, whose = set(spec["linking_classes"]), re.compile(spec["owner_complement"])
    generic_heads = set(spec["generic_heads"]["heads"])
    tokens = tokenize(text)
    heads = listed | {w for w in {t.surface for t in tokens} if _learned_class(w, learned)}
    out = []
    for i, head in enumerate(tokens):
        if head.surface not in heads:
            continue
        # modifiers before the head: adjacent capitalised words (with 'and' between two of them, unless
        # the word before 'and' is a head that ends a name of its own: 'the Mobility Partnerships and
        # Common Agendas on Migration')
        lo = i
        while lo > 0 and _adjacent(text, tokens[lo - 1], tokens[lo]):
            prev = tokens[lo - 1]
            if _capitalised(prev, spec["max_capital_verb"]) and not prev.surface.endswith(("'s", "’s")):
                lo -= 1
            elif prev.surface == "and" and lo > 1 and _capitalised(tokens[lo - 2], spec["max_capital_verb"]) \
                    and tokens[lo - 2].surface not in heads:
                lo -= 2
            else:
                break
        while lo < i and (tokens[lo].key in rules["not_names"] or tokens[lo].surface == "and"):
            lo += 1
        # a complement after the head: 'for Combating Radicalisation and Recruitment to Terrorism'
        hi = i
        linked = linking.match(text, head.end) if _head_class(head.surface, listed, learned) in linking_classes \
            else None
        if linked and linked.end() < len(text) and text[linked.end()].isupper():
            # 'Action Plan for the implementation of the Stockholm Programme'
            hi = next(k for k in range(i + 1, len(tokens)) if tokens[k].start >= linked.end())
        # 'the Asset Recovery Offices of the Member States': whose they are is no part of their name
        elif whose.match(text, head.end) is None and i + 2 < len(tokens) and tokens[i + 1].surface in complements:
            if _capitalised(tokens[i + 2], 4):
                hi = i + 2
            elif i + 3 < len(tokens) and tokens[i + 2].surface == "the" and tokens[i + 3].surface[:1].isupper() \
                    and not tokens[i + 3].is_acronym:
                hi = i + 3  # 'Convention on the Prevention of Terrorism'

        if hi > i:
            # a name whose complement is in another language goes on in that language
            foreign = spec["complement_inner"]
            language = foreign["complements"].get(tokens[i + 1].surface)
            going_on = set(foreign["words"][language]) if language else inner
            while hi + 1 < len(tokens) and _adjacent(text, tokens[hi], tokens[hi + 1]):
                nxt = tokens[hi + 1]
                if _capitalised(nxt, spec["max_capital_verb"]):
                    hi += 1
                elif nxt.surface in going_on and hi + 2 < len(tokens) and _capitalised(tokens[hi + 2], 4):
                    hi += 2
                else:
                    break
        words = tokens[lo:hi + 1]
        capitals = [w for w in words if w.surface[:1].isupper()]
        modifiers = tokens[lo:i]
        if len(capitals) < spec["min_words"] or not modifiers and hi == i:
            continue
        # 'European Strategy' is too generic a name; 'European Convention on Human Rights' is not
        if len(modifiers) == 1 and modifiers[0].key in stop and hi == i and head.surface not in generic_heads:
            continue
        # 'Council of Europe Convention': a head after the 'of' complement's capitalised words is the name's
        owner = head
        for k in range(i + 2, hi + 1) if hi > i and tokens[i + 1].surface == "of" else ():
            if not tokens[k].surface[:1].isupper():
                break
            owner = tokens[k] if tokens[k].surface in heads else owner
        cls = _head_class(owner.surface, listed, learned)
        out.append(Definition(text[words[0].start:words[-1].end], "", words[0].start, words[-1].end, cls))
    return out


def head_end(name: Definition) -> int:
    """Where the first head noun of a name found by `find_names` ends ('Action Plan' in 'Action Plan for
    the implementation of the Stockholm Programme'), as an offset into its text."""
    heads = set(_rules()["names"]["heads"])
    return next((name.start + t.end for t in tokenize(name.long_form) if t.surface in heads), name.end)


def _plain(token: Token, stop: set[str]) -> bool:
    """A lower-case word that can modify a threat's head noun ('excise', 'firearms', 'cyber'): no
    participle, adverb or verb by its ending ('-ed', '-ly', '-ises': 'not_plain_endings')."""
    word = token.surface.lower()
    return token.surface[:1].islower() and token.key not in stop and word not in stop \
        and not word.endswith(_not_plain_endings()) and not any(c.isdigit() for c in word)


@cache
def _not_plain_endings() -> tuple[str, ...]:
    return tuple(_rules()["not_plain_endings"])


def _short_acronym(token: Token, stop: set[str], longest: int) -> bool:
    """An acronym that can say what a threat concerns ('ICT breakdowns', 'CBRN attacks')."""
    return token.is_acronym and len(token.surface) <= longest and token.key not in stop


def _title_inside(text: str, tokens: list[Token], k: int, stop: set[str]) -> bool:
    """A capitalised modifier inside a sentence, after a lower-case word ('MTIC and Excise fraud')."""
    t = tokens[k]
    return t.surface[:1].isupper() and t.surface[1:].islower() and t.key not in stop and k > 0 \
        and tokens[k - 1].surface.islower() and text[tokens[k - 1].end:t.start] == " "


def _modifier_start(text: str, tokens: list[Token], k: int, stop: set[str], spec: dict) -> int | None:
    """Where the modifier ending at tokens[k] begins, if it can modify a threat's head noun: a word
    ('excise', 'ICT'), a hyphenated compound whose first part is one ('trans-national', 'drug-related'),
    or an adverb and participle ('politically motivated')."""
    j = k
    while j > 0 and text[tokens[j - 1].end:tokens[j].start] == "-" and tokens[j].surface.isalpha() \
            and tokens[j].surface.islower():
        j -= 1
    if j < k:  # a part of a compound modifies nothing alone ('well-known', 'counter-terrorism')
        return j if _plain(tokens[j], stop) or _short_acronym(tokens[j], stop, spec["max_acronym"]) else None
    word = tokens[k]
    if k > 0 and word.surface.islower() and word.surface.endswith("ed") and word.key not in stop \
            and tokens[k - 1].surface.islower() and tokens[k - 1].surface.endswith("ly") \
            and tokens[k - 1].key not in stop and text[tokens[k - 1].end:word.start] == " ":
        return k - 1
    if _plain(word, stop) or _short_acronym(word, stop, spec["max_acronym"]) or _title_inside(text, tokens, k, stop):
        return k
    return None


def find_threat_phrases(text: str) -> list[Definition]:
    """Threats named by the kind of crime they are: 'excise fraud', 'trafficking in cultural goods'."""
    spec = _rules()["threat_phrases"]
    heads, stop, complements = set(spec["heads"]), set(spec["stop"]), set(spec["complements"])
    tokens = tokenize(text)
    out = []
    for i, head in enumerate(tokens):
        if head.surface not in heads:
            continue
        lo, modifiers = i, 0
        while modifiers < spec["max_modifiers"] and lo > 0 and _adjacent(text, tokens[lo - 1], tokens[lo]):
            start = _modifier_start(text, tokens, lo - 1, stop, spec)
            if start is None:
                break
            lo, modifiers = start, modifiers + 1
        hi = i
        takes = complements | {c for c, by in spec["complements_of"].items() if head.surface in by}
        if i + 2 < len(tokens) and tokens[i + 1].surface in takes \
                and _adjacent(text, head, tokens[i + 1]) and _adjacent(text, tokens[i + 1], tokens[i + 2]) \
                and _plain(tokens[i + 2], stop):
            goes_on = i + 3 < len(tokens) and _adjacent(text, tokens[i + 2], tokens[i + 3]) \
                and _plain(tokens[i + 3], stop)
            if lo == i and goes_on and tokens[i + 3].surface in heads:
                continue  # the complement names a threat of its own: 'radicalisation to violent extremism'
            if lo == i:
                hi = i + 3 if goes_on else i + 2
            elif not goes_on:
                hi = i + 2  # after modifiers, a complement of one word ending the phrase: 'sexual abuse of children'
        elif lo == i and (named := _named_complement(text, tokens, i, spec)):
            hi = named
        if lo == i and hi == i:
            continue
        start, end = tokens[lo].start, tokens[hi].end
        out.append(Definition(text[start:end], "", start, end, "Threat"))
        if lo < i and (shared := _defined_conjunct(text, start, head.surface, spec)):
            out.append(shared)
    out += _listed_alone(text, tokens, out, spec) + _facilitation(text, tokens, spec)
    out += _promoting(text, tokens, out, spec)
    return sorted(out, key=lambda d: d.start)


def _promoting(text: str, tokens: list[Token], phrases: list[Definition], spec: dict) -> list[Definition]:
    """Content that promotes a threat is one: 'online material that promotes radicalisation to terrorism'
    (a 'promoting' pattern, then a threat phrase or head; a plain word before it modifies it)."""
    stop, heads = set(spec["stop"]), set(spec["heads"])
    out = []
    for m in re.finditer(spec["promoting"], text, re.IGNORECASE):
        ends = [d.end for d in phrases if d.start == m.end()]
        ends += [t.end for t in tokens if t.start == m.end() and t.surface in heads]
        if not ends:
            continue
        k = next(k for k, t in enumerate(tokens) if t.start >= m.start())
        start = tokens[k - 1].start if k and _plain(tokens[k - 1], stop) and _adjacent(text, tokens[k - 1], tokens[k]) \
            else m.start()
        out.append(Definition(text[start:max(ends)], "", start, max(ends), "Threat"))
    return out


def _named_complement(text: str, tokens: list[Token], i: int, spec: dict) -> int | None:
    """The last word of a proper name a head takes as its 'of' complement, with at most one adjective
    before it ('breakdown of major Information and Communication Technologies'), of two capitalised
    words or more."""
    rule, not_names = spec["named_complement"], set(_rules()["not_names"])
    k = i + 1
    if k >= len(tokens) or tokens[k].surface not in rule["links"] or not _adjacent(text, tokens[i], tokens[k]):
        return None
    k += 1
    if k < len(tokens) and tokens[k].surface.isalpha() and tokens[k].surface.islower() \
            and tokens[k].key not in not_names and _adjacent(text, tokens[k - 1], tokens[k]):
        k += 1
    last, capitals = None, 0
    while k < len(tokens) and _adjacent(text, tokens[k - 1], tokens[k]):
        word = tokens[k].surface
        if word[:1].isupper() and not tokens[k].is_acronym:
            last, capitals = k, capitals + 1
        elif word not in rule["inner"] or last != k - 1:
            break
        k += 1
    # capitals that modify a lower-case noun are no name of their own ('abuse of European Union funds')
    modifies = last is not None and last + 1 < len(tokens) and _adjacent(text, tokens[last], tokens[last + 1]) \
        and tokens[last + 1].surface.isalpha() and tokens[last + 1].surface.islower() \
        and tokens[last + 1].key not in spec["stop"] and tokens[last + 1].key not in rule["inner"]
    return last if capitals >= rule["min_words"] and not modifies else None


def _defined_conjunct(text: str, start: int, head: str, spec: dict) -> Definition | None:
    """A name defined with its acronym and coordinated with a threat's modifier shares its head noun
    ('Missing Trader Intra-Community (MTIC) and Excise fraud': MTIC fraud), unless it names a body."""
    joined = re.search(spec["conjunct_before"], text[:start])
    if not joined:
        return None
    for d in find_definitions(text[:joined.start()]):
        if d.end == joined.start() and d.cls is None:
            return Definition(f"{d.long_form} {head}", d.acronym, d.start, d.end, "Threat")
    return None


def _listed_alone(text: str, tokens: list[Token], phrases: list[Definition], spec: dict) -> list[Definition]:
    """A word that names a kind of threat alone ('counterfeiting', 'piracy') is one where it is an item
    of a list next to a threat phrase ('drug trafficking, counterfeiting, …')."""
    alone, separator = set(spec["alone"]), re.compile(spec["list_separator"])
    opens, closes = re.compile(spec["item_before"]), re.compile(spec["item_after"])
    out = []
    for t in tokens:
        if t.surface not in alone or any(d.start <= t.start < d.end for d in phrases) \
                or not opens.search(text[:t.start]) or not closes.match(text, t.end):
            continue
        if any(separator.fullmatch(text[d.end:t.start]) for d in phrases if d.end <= t.start) \
                or any(separator.fullmatch(text[t.end:d.start]) for d in phrases if d.start >= t.end):
            out.append(Definition(t.surface, "", t.start, t.end, "Threat"))
    return out


def _facilitation(text: str, tokens: list[Token], spec: dict) -> list[Definition]:
    """Facilitating what the law forbids is a crime of its own: 'facilitation of illegal immigration'
    (a head of 'facilitation', then 'of', a word of 'marks' and a plain word)."""
    rule, stop = spec["facilitation"], set(spec["stop"])
    out = []
    for k in range(len(tokens) - 3):
        head, of, mark, noun = tokens[k:k + 4]
        if head.key in rule["heads"] and of.surface == "of" and mark.key in rule["marks"] and _plain(noun, stop) \
                and all(_adjacent(text, a, b) for a, b in ((head, of), (of, mark), (mark, noun))):
            out.append(Definition(text[head.start:noun.end], "", head.start, noun.end, "Threat"))
    return out


@cache
def _principle_spec() -> dict:
    spec = dict(_rules()["principle_phrases"])
    spec["before"] = [re.compile(p, re.IGNORECASE) for p in spec["lists_after"]]
    spec["after"] = [(re.compile(p, re.IGNORECASE), False) for p in spec["named_before"]] \
        + [(re.compile(p, re.IGNORECASE), True) for p in spec["subject_of"]]
    spec["stop_words"], spec["inner_words"] = set(spec["stop"]), set(spec["inner"])
    spec["clause_rx"] = re.compile(spec["clause"])
    spec["naming_rx"] = re.compile(spec["naming"], re.IGNORECASE)
    spec["single_rx"] = re.compile(spec["single"], re.IGNORECASE)
    return spec


def _principle_word(token: Token, spec: dict) -> bool:
    word = token.surface.lower()
    return token.surface.islower() and word.isalpha() and word not in spec["stop_words"]


def _names_principle(tokens: list[Token], spec: dict) -> bool:
    """Not words that cannot be a principle alone ('rights', 'law': but 'human rights', 'rule of
    law'), nor a phrase opening with one that cannot begin it ('rights and freedoms of citizens')."""
    return tokens[0].surface.lower() not in spec["not_first"] \
        and any(t.surface.lower() not in spec["not_alone"] and t.key not in spec["inner_words"] for t in tokens) \
        and not all(t.surface.lower() in spec["not_qualities"] for t in tokens)


def opens_sentence(text: str, token: Token) -> bool:
    """A capitalised word that is so only because it opens the sentence or list item ('Mutual trust …')."""
    before = text[:token.start].rstrip()
    return token.surface[:1].isupper() and token.surface[1:].islower() and (not before or before[-1] in ".;:-•*")


def _phrase_from(text: str, tokens: list[Token], i: int, spec: dict) -> tuple[int, bool]:
    """Index past the principle's words from tokens[i] ('rule of law'), and whether the list goes on
    after it (the words end at a separator of the list)."""
    j = i
    while j < len(tokens) and j - i < spec["max_words"]:
        t = tokens[j]
        if _principle_word(t, spec) or (j > i and t.key in spec["inner_words"] and j + 1 < len(tokens)
                                         and _principle_word(tokens[j + 1], spec)):
            if j > i and not _adjacent(text, tokens[j - 1], t):
                break
            j += 1
        else:
            break
    if j - i == spec["max_words"] and j < len(tokens) and _adjacent(text, tokens[j - 1], tokens[j]) \
            and (_principle_word(tokens[j], spec) or tokens[j].key in spec["inner_words"]):
        # the words go on past the longest principle: keep what comes before their last 'of'
        inner = [k for k in range(i + 1, j) if tokens[k].key in spec["inner_words"]]
        return (inner[-1], False) if inner else (i, False)
    gap = text[tokens[j - 1].end:tokens[j].start] if i < j < len(tokens) else ""
    goes_on = j < len(tokens) and (tokens[j].surface in spec["joiners"] or gap.strip() == ",")
    return j, goes_on and j > i


def find_principles(text: str) -> list[Definition]:
    """Principles a text names as such: 'the principles of tolerance and freedom of expression',
    'the values of the Union: democracy, dialogue …', 'respecting fundamental rights and privacy',
    'mutual trust as a key principle', 'the subsidiarity principle'."""
    spec = _principle_spec()
    tokens = tokenize(text)
    found: list[tuple[int, int]] = []
    # a list of principles does not cross a full stop, semicolon or bracket
    for lo, hi in ((m.start(), m.end()) for m in spec["clause_rx"].finditer(text)):
        for trigger in spec["before"]:
            for m in trigger.finditer(text, lo, hi):
                i = next((k for k, t in enumerate(tokens) if t.start >= m.end()), len(tokens))
                found_any = False
                # an item after the first must end at a separator or the clause ('…, constitute a …' is no item)
                while i < len(tokens) and tokens[i].start < hi:
                    while i < len(tokens) and tokens[i].key in spec["leading"]:
                        i += 1
                    j, goes_on = _phrase_from(text, tokens, i, spec)
                    ends = j >= len(tokens) or tokens[j].start >= hi
                    # words that modify a noun after them name no principle ('in full respect of national competences')
                    modifies = i < j < len(tokens) and _adjacent(text, tokens[j - 1], tokens[j]) \
                        and tokens[j].surface.lower() in spec["modified_nouns"]
                    if j == i or tokens[j - 1].end > hi or (found_any and not goes_on and not ends) or modifies:
                        break
                    if _names_principle(tokens[i:j], spec):
                        found.append((i, j))
                    # 'the principle of proportionality of offences and penalties' is one principle
                    if not goes_on or spec["single_rx"].search(m.group()):
                        break
                    i, found_any = j, True
        for trigger, subject in spec["after"]:
            for m in trigger.finditer(text, lo, hi):
                j = next((k for k, t in enumerate(tokens) if t.end > m.start()), len(tokens))
                i = j
                # the words end where the pattern begins ('information, constitute a … principle' names none)
                while i > 0 and j - i < spec["max_words"] and tokens[i - 1].start >= lo \
                        and (tokens[i - 1].end == m.start() if i == j else _adjacent(text, tokens[i - 1], tokens[i])):
                    if _principle_word(tokens[i - 1], spec):
                        i -= 1
                    elif opens_sentence(text, tokens[i - 1]) and tokens[i - 1].key not in spec["stop_words"]:
                        i -= 1
                        break
                    else:
                        break
                # the whole subject, not the complement of a longer one ('the exchange of information is …')
                whole = not subject or i == 0 or tokens[i - 1].key not in spec["subject_not_after"]
                if i < j and whole and _names_principle(tokens[i:j], spec):
                    found.append((i, j))
    out = {}
    for i, j in found:
        start, end = tokens[i].start, tokens[j - 1].end
        out[start] = Definition(text[start:end], "", start, end, "Principle")
    return [out[k] for k in sorted(out)]


def principle_of(words: str) -> bool:
    """Whether words name the principle that follows them ('the principle of ', 'principles of ')."""
    return _principle_spec()["naming_rx"].fullmatch(words) is not None


def find_threat_objects(text: str) -> list[Definition]:
    """Threats named as what is fought: 'the fight against antisemitism', 'tackling illegal
    immigration' (the plain words right after the verb, up to a word that cannot modify a threat)."""
    spec, stop = _rules()["threat_objects"], set(_rules()["threat_phrases"]["stop"])
    ends_before = set(spec["ends_before"])
    # word keys are folded ('factors' is 'factor'), so the lists are compared folded too
    not_alone, agents = {fold(w) for w in spec["not_alone"]}, {fold(w) for w in spec["posing_agents"]}
    tokens = tokenize(text)
    out = []
    for trigger in (re.compile(p, re.IGNORECASE) for p in spec["triggers"]):
        for m in trigger.finditer(text):
            i = next((k for k, t in enumerate(tokens) if t.start >= m.end()), len(tokens))
            j = i
            while j < len(tokens) and j - i < spec["max_words"] and _plain(tokens[j], stop) \
                    and tokens[j].key not in ends_before and (j == i or _adjacent(text, tokens[j - 1], tokens[j])):
                j += 1
            # the phrase must end where the noun phrase does: at punctuation or a word that cannot go on with it
            gap = text[tokens[j - 1].end:tokens[j].start] if i < j < len(tokens) else " "
            ends = j == len(tokens) or gap.strip() not in ("", "-") or tokens[j].key in ends_before
            if i < j and ends and tokens[j - 1].key not in not_alone:
                start, end = tokens[i].start, tokens[j - 1].end
                out.append(Definition(text[start:end], "", start, end, "Threat"))
    # what poses a threat, named just before the clause that says so ('lone actors who pose a … threat'),
    # each of the phrases coordinated there ('foreign fighters and returnees and lone actors who pose …')
    joined = re.compile(spec["posers_joined"])
    for m in (m for p in spec["posing"] for m in re.finditer(p, text, re.IGNORECASE)):
        j = next((k for k, t in enumerate(tokens) if t.start >= m.start()), len(tokens))
        for _ in range(spec["max_posers"]):
            i = j
            while i > 0 and j - i < spec["max_words"] and _plain(tokens[i - 1], stop) \
                    and (i == j or _adjacent(text, tokens[i - 1], tokens[i])):
                i -= 1
            if i == j or tokens[j - 1].key in not_alone or tokens[j - 1].key not in agents:
                break
            start, end = tokens[i].start, tokens[j - 1].end
            out.append(Definition(text[start:end], "", start, end, "Threat"))
            link = joined.search(text, 0, start)
            if not link or i < 2:
                break
            j = next(k for k in range(i - 1, -1, -1) if tokens[k].end <= link.start()) + 1
    return sorted(out, key=lambda d: d.start)


def find_listed_actors(text: str) -> list[Definition]:
    """One-word names a text lists as agencies, bodies or organisations ('EU agencies and bodies
    (Europol, Frontex and Sitcen)', 'the responsible agencies, foremost eu-LISA and Europol'); longer
    names are left to the head-noun rules."""
    spec = _rules()["listed_actors"]
    out = []
    for cls, patterns in spec["triggers"].items():
        for m in (m for p in patterns for m in re.finditer(p, text, re.IGNORECASE)):
            end = min([i for i in (text.find(c, m.end()) for c in spec["list_ends"]) if i >= 0] + [len(text)])
            pos = m.end()
            for piece in re.split(f"({spec['separator']})", text[m.end():end]):
                start, pos = pos, pos + len(piece)
                if re.fullmatch(spec["separator"], piece):
                    continue
                words = [w for w in piece.split() if w.lower() not in spec["leading"]]
                if len(words) == 1 and re.fullmatch(spec["name"], words[0]):
                    start += piece.index(words[0])
                    out.append(Definition(words[0], "", start, start + len(words[0]), cls))
                elif not words or not all(w[:1].isupper() or w in spec["inner"] for w in words):
                    break  # the list has ended where its items are no longer names
    return sorted(out, key=lambda d: d.start)
