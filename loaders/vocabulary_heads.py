"""Head nouns learned from the reference vocabulary: a word ending the names of several known bodies
or instruments ('Forum' in 'Global Counterterrorism Forum' and 'EU Internet Forum') heads names the
vocabulary lacks ('the Salzburg Forum'), so the listed heads of `discovery.json` need not foresee every
kind of body; a name so found takes the class most of those known names have."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from iskg.loaders.discovery import discovery_rules, head_word
from iskg.loaders.tokens import tokenize
from iskg.loaders.vocabulary import Entity


def label_head(label: str) -> str | None:
    """The head noun of a name of two words or more (`discovery.head_word`), if it is a capitalised
    word, not an acronym or a number."""
    words = tokenize(label)
    head = head_word(words) if len(words) > 1 else None
    return head if head and head.isalpha() and head[:1].isupper() and not head.isupper() and len(head) > 2 else None


def learned_heads(entities: Iterable[Entity]) -> dict[str, str]:
    """Head noun to class, for the heads at least `min_entities` curated entities of the given top
    classes end a label with; a word that is itself a name ('Europol') or a place ('Europe') is none."""
    rules = discovery_rules()["names"]["learned_heads"]
    curated = [e for e in entities if not e.discovered]
    # words of the other classes' labels ('management' of integrated border management) name no kind of body
    other_words = {t.key for e in curated if e.top not in rules["tops"] for label in e.labels for t in tokenize(label)}
    names = {label.lower() for e in curated for label in e.labels} | other_words
    names |= {w.lower() for w in rules["not_heads"]}
    classes: dict[str, Counter[str]] = defaultdict(Counter)
    for entity in curated:
        if entity.top not in rules["tops"]:
            continue
        for head in {label_head(label) for label in entity.labels} - {None}:
            if head.lower() not in names:
                classes[head][entity.cls] += 1
    return {head: min(count, key=lambda c: (-count[c], c)) for head, count in sorted(classes.items())
            if sum(count.values()) >= rules["min_entities"]}
