"""Write N synthetic EU internal-security policy texts for benchmarks, deterministically.

Why synthetic: the five real texts cannot show how the build grows to thousands of documents. The
texts here look like the real ones to the loaders: Council front matter (number, date, file codes,
From/To/Subject), numbered sections, paragraphs of 1-6 sentences with entity names from the reference
vocabulary at about the real texts' density, relation sentences the relation patterns read, lists of
threats and objectives, citations of other documents, and new names the vocabulary lacks
("European Centre for Port Security (ECPS)"). Formats rotate: clean text, markdown, OCR-like scans
(wrapped and hyphenated lines, page furniture, character confusions), drafts with revision markup,
and texts in cp1252, latin-1, UTF-16 and UTF-8 with a BOM.

Document i depends only on (seed, i), so the first 100 texts of a 1,000-text corpus are the 100-text
corpus: growth measurements compare like with like. Word lists and templates: benchmarks/data/words.json.

    python benchmarks/generate.py --n 100 --out /tmp/corpus-100 [--seed 1]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

from iskg.loaders.vocabulary import load_vocabulary

DATA = Path(__file__).parent / "data" / "words.json"
FORMATS = ("clean", "markdown", "ocr", "draft", "clean", "encoded", "markdown", "ocr")
ENCODINGS = ("cp1252", "latin-1", "utf-16", "utf-8-sig")


@dataclass(frozen=True)
class Words:
    """The word lists, and the vocabulary's names by top class."""

    data: dict
    names: dict[str, list[str]]


def load_words() -> Words:
    names: dict[str, list[str]] = {}
    for entity in load_vocabulary().values():
        names.setdefault(entity.top, []).append(entity.label)
    return Words(json.loads(DATA.read_text(encoding="utf-8")), {k: sorted(v) for k, v in sorted(names.items())})


class Writer:
    """One document's text, drawn from one seeded random stream."""

    def __init__(self, words: Words, rng: random.Random, index: int) -> None:
        self.w, self.d, self.rng, self.index = words, words.data, rng, index
        self.year = rng.randint(2008, 2024)
        self.number = f"{rng.randint(5000, 17999)}/{self.year % 100:02d}"
        self.new: list[tuple[str, str, str]] = []  # (name, acronym, top) defined in this text

    def pick(self, items: list):
        return self.rng.choice(items)

    def date(self) -> str:
        return f"{self.rng.randint(1, 28)} {self.pick(self.d['months'])} {self.year}"

    def cite(self) -> str:
        year = self.rng.randint(max(2000, self.year - 6), self.year)
        code = self.pick(self.d["file_codes"])
        return f"{self.rng.randint(5000, 17999)}/{year % 100:02d} {code} {self.rng.randint(1, 999)}"

    def new_name(self) -> tuple[str, str, str]:
        kind = self.pick(sorted(self.d["new_names"]))
        parts = self.d["new_names"][kind]
        first, theme, head = self.pick(parts["first"]), self.pick(parts["themes"]), self.pick(parts["heads"])
        name = f"{first} {head} for {theme}" if self.rng.random() < 0.5 else f"{first} {theme} {head}"
        acronym = "".join(w[0] for w in re.findall(r"[A-Z][\w-]*", name) if w[0].isupper())
        acronym += self.pick(["", "", "N", "-EU", str(self.rng.randint(2, 9))])
        top = "Actor" if kind in ("Agency", "CouncilBody") else "Instrument"
        return name, acronym, top

    def entity(self, top: str) -> str:
        if top in ("Actor", "Instrument") and self.new and self.rng.random() < 0.25:
            fitting = [acr for _, acr, t in self.new if t == top]
            if fitting:
                return self.pick(fitting)
        return self.pick(self.w.names[top])

    def sentence(self) -> str:
        roll = self.rng.random()
        if roll < 0.30:
            template = self.pick(self.d["relation_templates"])
            subject, obj = self.entity(template["subject"]), self.entity(template["object"])
            return template["text"].format(subject=subject, object=obj)
        if roll < 0.36:
            name, acronym, top = self.new_name()
            self.new.append((name, acronym, top))
            return self.pick(self.d["definition_templates"]).format(name=name, acronym=acronym)
        if roll < 0.40 and self.new:
            return self.pick(self.d["new_name_mention_templates"]).format(acronym=self.pick(self.new)[1])
        if roll < 0.44:
            template = self.pick(self.d["enumeration_templates"])
            items = self.rng.sample(self.w.names[template["class"]], self.rng.randint(3, 6))
            return template["text"].format(items=", ".join(items[:-1]) + " and " + items[-1])
        if roll < 0.50:
            lead = self.pick(self.d["citation_templates"]).format(date=self.date(), cite=self.cite())
            filler = self.pick(self.d["filler"])
            return f"{lead[0].upper()}{lead[1:]} {filler[0].lower()}{filler[1:]}"
        if roll < 0.70:
            name = self.entity(self.pick(["Actor", "Instrument", "Threat", "Principle"]))
            return f"Particular attention should be given to {name} in this context."
        return self.pick(self.d["filler"])

    def paragraph(self) -> str:
        sentences = [(s := self.sentence())[0].upper() + s[1:] for _ in range(self.rng.randint(1, 6))]
        if self.rng.random() < 0.3:
            first = sentences[0]
            sentences[0] = f"{self.pick(self.d['openers'])} that {first[0].lower()}{first[1:]}"
        return " ".join(sentences)

    def front_matter(self) -> list[str]:
        codes = " ".join(f"{self.pick(self.d['file_codes'])} {self.rng.randint(1, 999)}" for _ in range(3))
        return ["COUNCIL OF THE EUROPEAN UNION", f"Brussels, {self.date()}", self.number, codes,
                self.pick(self.d["doc_kinds"]), f"From:\t{self.pick(self.d['authors'])}",
                f"To:\t{self.pick(self.d['recipients'])}",
                f"Subject:\t{self.pick(self.d['title_templates']).format(topic=self.pick(self.d['topics']))}"]

    def body(self) -> list[tuple[str, list[str]]]:
        """Sections (title, paragraphs): about 6-35 KB, like the real texts."""
        titles = self.rng.sample(self.d["section_titles"], self.rng.randint(3, 8))
        return [(f"{k}. {title}", [self.paragraph() for _ in range(self.rng.randint(3, 12))])
                for k, title in enumerate(titles, start=1)]


def clean(front: list[str], body: list[tuple[str, list[str]]]) -> str:
    blocks = [*front, ""]
    for title, paragraphs in body:
        blocks += [title, *paragraphs]
    return "\n\n".join(blocks) + "\n"


def markdown(front: list[str], body: list[tuple[str, list[str]]], rng: random.Random) -> str:
    blocks = [f"**{front[0]}**", *front[1:4], f"#### {front[4]}", "---", *front[5:], "---"]
    notes = []
    for title, paragraphs in body:
        blocks.append(f"## **{title}**")
        for text in paragraphs:
            if rng.random() < 0.15:
                notes.append(len(notes) + 1)
                text = f"{text}<sup>{notes[-1]}</sup>"
            blocks.append(text)
    blocks += ["---", *(f"<sup>{n}</sup> Doc. {rng.randint(5000, 17999)}/{rng.randint(8, 24):02d}." for n in notes)]
    return "\n\n".join(blocks) + "\n"


def draft(front: list[str], body: list[tuple[str, list[str]]], rng: random.Random, words: Words) -> str:
    """Markdown with a legend, **added** and ~~deleted~~ words (deleted words name entities too)."""
    legend = rng.choice(words.data["draft_legends"])
    revised = []
    for title, paragraphs in body:
        marked = []
        for text in paragraphs:
            sentences = text.split(". ")
            if rng.random() < 0.35:
                k = rng.randrange(len(sentences))
                sentences[k] = f"**{sentences[k]}**"
            if rng.random() < 0.25:
                gone = rng.choice(words.names["Threat"] + words.names["Instrument"])
                sentences.insert(rng.randrange(len(sentences) + 1), f"~~The Council also recalls {gone}~~")
            marked.append(". ".join(sentences))
        revised.append((title, marked))
    return markdown([*front[:5], legend, "**DRAFT**", *front[5:]], revised, rng)


def ocr(text: str, rng: random.Random, words: Words, number: str) -> str:
    """Wrapped at ~90 columns, hyphenated at line ends, page furniture every ~45 lines, confusions."""
    confusions = words.data["ocr_confusions"]
    lines: list[str] = []
    for block in text.split("\n\n"):
        wrapped = textwrap.wrap(block, width=rng.randint(80, 96), break_long_words=False) or [""]
        for k, line in enumerate(wrapped[:-1]):
            last = line.rsplit(" ", 1)[-1]
            if len(last) > 8 and last.isalpha() and rng.random() < 0.3:
                cut = rng.randint(3, len(last) - 3)
                wrapped[k] = line[: len(line) - len(last) + cut] + "-"
                wrapped[k + 1] = last[cut:] + " " + wrapped[k + 1]
        lines += [*wrapped, ""]
    out, page = [], 1
    for k, line in enumerate(lines):
        if line and rng.random() < 0.02:
            key = rng.choice(sorted(confusions))
            line = line.replace(key, confusions[key], 1)
        out.append(line)
        if k and k % 45 == 0:
            page += 1
            furniture = rng.choice(words.data["page_furniture"])
            out += ["", furniture.format(number=number, code="JAI", page=page), "\f"]
    return "\n".join(out) + "\n"


def document(words: Words, seed: int, index: int) -> tuple[str, bytes]:
    """File name and bytes of document `index` of the corpus with `seed`."""
    rng = random.Random(f"{seed}:{index}")
    writer = Writer(words, rng, index)
    front, body = writer.front_matter(), writer.body()
    fmt = FORMATS[index % len(FORMATS)]
    if fmt == "markdown":
        text, ext, encoding = markdown(front, body, rng), "md", "utf-8"
    elif fmt == "draft":
        text, ext, encoding = draft(front, body, rng, words), "md", "utf-8"
    elif fmt == "ocr":
        text, ext, encoding = ocr(clean(front, body), rng, words, writer.number), "txt", "utf-8"
    elif fmt == "encoded":
        text, ext, encoding = clean(front, body), "txt", ENCODINGS[(index // len(FORMATS)) % len(ENCODINGS)]
    else:
        text, ext, encoding = clean(front, body), "txt", "utf-8"
    data = text.encode(encoding, errors="replace")
    return f"{index:05d}_{hashlib.sha1(data).hexdigest()[:12]}.{ext}", data


def generate(n: int, out: Path, seed: int = 1) -> list[Path]:
    """Write documents 0..n-1 into `out` (emptied first); the same (n, seed) gives the same bytes."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    words = load_words()
    paths = []
    for index in range(n):
        name, data = document(words, seed, index)
        (out / name).write_bytes(data)
        paths.append(out / name)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, required=True, help="number of documents")
    ap.add_argument("--out", type=Path, required=True, help="folder to write (emptied first)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    paths = generate(args.n, args.out, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} texts ({size / 1e6:.1f} MB) into {args.out}")


if __name__ == "__main__":
    main()
