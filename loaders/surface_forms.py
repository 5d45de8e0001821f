"""Other printed forms of a name that the text itself gives: citation heads and appositions.

'The Council Framework Decision of 18 December 2006 on simplifying ...' is also cited as 'the
Council Framework Decision of 18 December 2006'; 'X (the "Swedish initiative")' and 'X, the
so-called Y' name one entity twice. Both forms become labels of the entity, so that a text citing
either finds it. A name ending in a list of conjuncts ('area of freedom, security and justice') is
printed in other orders too ('area of justice, freedom and security'), an action noun with its
object as a gerund ('confiscating criminal assets'), and two nouns sharing a complement one at a
time ('freezing of assets'), a compound name with its modifiers as a complement ('strategy for
internal security'), and a kind of crime with its object first ('cocaine smuggling' for 'smuggling of
cocaine'). The patterns are data (`data/surface_forms.json`).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files
from itertools import permutations

from iskg.loaders.tokens import is_acronym


@cache
def _rules() -> dict:
    data = json.loads(files("iskg.loaders").joinpath("data/surface_forms.json").read_text(encoding="utf-8"))
    data["citation"] = re.compile(data["citation_head"])
    data["compiled"] = [re.compile(p) for p in data["appositions"]]
    data["conjuncts"] = re.compile(data["conjunct_list"])
    data["verbal"] = re.compile(data["verbal_form"]["pattern"])
    data["pair"] = re.compile(data["distributed_pair"])
    data["compound"] = re.compile(data["compound_form"]["pattern"])
    data["complemented"] = re.compile(data["complement_compound"]["pattern"])
    return data


def citation_head(name: str) -> str | None:
    """The issuer-type-date head a legal act's printed name opens with, when more follows it."""
    m = _rules()["citation"].match(name)
    return m.group(0) if m else None


def apposition(text: str, end: int) -> str | None:
    """Another form of the name printed just before text[end:], where the text gives one."""
    rules = _rules()
    for i, pattern in enumerate(rules["compiled"]):
        m = pattern.match(text, end)
        if not m:
            continue
        form = " ".join(m.group("form").split())
        words = form.split()
        quoted_or_marked = i < len(rules["compiled"]) - 1
        if not words or len(words) > rules["max_words"] or not form[:1].isupper() or is_acronym(form):
            continue
        if quoted_or_marked or words[-1] in rules["unquoted_heads"]:
            return form
    return None


def printed_forms(text: str, end: int, labels: list[str], top: str) -> list[str]:
    """The other forms of an entity named by the words ending at text[end]: the citation heads of
    its labels (for instruments), then the apposition that follows the name."""
    heads = [citation_head(label) for label in labels] if top == "Instrument" else []
    return [form for form in [*heads, apposition(text, end)] if form]


def conjunct_orders(label: str) -> list[str]:
    """The label with the one-word conjuncts of the list it ends in in every other order."""
    m = _rules()["conjuncts"].match(label)
    if not m:
        return []
    items = re.split(r",?\s+and\s+|,\s+", m.group("items"))
    if len(items) > _rules()["max_conjuncts"]:
        return []
    head = m.group("head") or ""
    forms = (f"{head}{', '.join(order[:-1])} and {order[-1]}" for order in permutations(items))
    return sorted(set(forms) - {label})


def _action_noun(word: str) -> bool:
    gerunds = _rules()["verbal_form"]["gerunds"]
    return word in gerunds or word in gerunds.values()


def verbal_form(label: str) -> list[str]:
    """The label's action noun with its 'of' object, printed as its gerund with a direct object: the
    two name one act, so a text writing either names the entity."""
    rules = _rules()
    m = rules["verbal"].match(label)
    gerund = rules["verbal_form"]["gerunds"].get(m["noun"]) if m else None
    return [f"{gerund} {m['object']}"] if gerund and gerund != m["noun"] else []


def distributed_pair(label: str) -> list[str]:
    """The label's two action nouns sharing an 'of' complement, each with the complement alone: a
    text that does one of the two still names the entity."""
    m = _rules()["pair"].match(label)
    if not m or not (_action_noun(m["first"]) and _action_noun(m["second"])):
        return []
    return [f"{m['first']} {m['rest']}", f"{m['second']} {m['rest']}"]


def compound_form(label: str) -> list[str]:
    """The label's capitalised modifiers before an instrument noun, printed as the noun's 'for' complement."""
    rules = _rules()
    m = rules["compound"].match(label)
    return [rules["compound_form"]["form"].format(**m.groupdict()).lower()] if m else []


def object_first(label: str) -> list[str]:
    """A kind of crime named with its object as a complement, printed with the object first."""
    rule = _rules()["complement_compound"]
    m = _rules()["complemented"].match(label)
    return [rule["form"].format(**m.groupdict())] if m and m["head"] in rule["heads"] else []


def label_variants(label: str) -> list[str]:
    """Every other printed form the words of a label give, each once, in a stable order."""
    forms = [*conjunct_orders(label), *distributed_pair(label), *compound_form(label), *object_first(label)]
    forms += [v for form in [label, *forms] for v in verbal_form(form)]
    return list(dict.fromkeys(f for f in forms if f != label))
