"""Extraction on noisy renditions of the corpus: encodings, OCR, page furniture, markup (not part of the test run).

The loaders are judged on texts they have never seen, some OCR'd, some drafts, some in other
encodings. Each perturbation here writes every corpus text again, seeded and deterministic, under
the same file name (the scorer finds a document by the file name of its dcterms:source), builds
that corpus as `iskg build` does and scores it against the gold, beside the clean build:

    .venv/bin/python benchmarks/perturb.py --gold ../shared/gold/seeds.json \\
        --scorer ../shared/tools/score.py [--corpus corpus] [--only wrap,ocr] [--write benchmarks/results/perturb.md]

Under the table, each perturbation's false mentions and misses that the clean build does not have
show what the noise cost, and whether tolerant matching invented anything. Tables of confusions,
furniture and boxes are in benchmarks/data/perturb.json.
"""

from __future__ import annotations

import argparse
import codecs
import json
import random
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from iskg.graph.build import build
from iskg.loaders import markup, ocr
from iskg.loaders.read import read_corpus
from iskg.ontology import ontology_path

CLASSES = ("Threat", "Principle", "Guideline", "Objective", "Agency", "Instrument")
DATA = json.loads((Path(__file__).parent / "data" / "perturb.json").read_text(encoding="utf-8"))
SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


@dataclass(frozen=True)
class Text:
    """One corpus text being perturbed: its words, its place in the corpus, and its own random stream."""

    body: str
    index: int
    number: str
    rng: random.Random


Step = Callable[[Text], str]


def _is_markup_line(line: str) -> bool:
    s = line.strip()
    return not s or s.startswith(("|", "#")) or bool(re.fullmatch(r"[-*_=]{3,}", s))


def _syllable_cut(word: str, rng: random.Random, room: int) -> int:
    """Where to hyphenate a word so that its first part and the hyphen fit in `room`: after a vowel
    followed by a consonant, at least three letters from each end; 0 when there is no such place."""
    cuts = [i for i in range(3, len(word) - 2)
            if i + 1 <= room and word[i - 1] in "aeiouy" and word[i] not in "aeiouy" and word[:i].isalpha()
            and word[i:].rstrip(",.;:)\"'").isalpha()]
    return rng.choice(cuts) if cuts else 0


def wrap(t: Text) -> str:
    """Hard-wrap every long line at about 70 columns (the width drawn once per text), words
    hyphenated across lines about half the time they would overflow and compounds broken at their
    own hyphen. An already wrapped text (an OCR copy) is left as it is."""
    if ocr.is_wrapped(ocr.split_lines(t.body)):
        return t.body
    low, high = DATA["wrap_width"]
    width = t.rng.randint(low, high)
    out: list[str] = []
    for line in t.body.split("\n"):
        if _is_markup_line(line) or len(line) <= width:
            out.append(line)
            continue
        indent = "  " if re.match(r"\s*[-*\u2022]\s", line) else ""
        cur = ""
        for word in line.split():
            if not cur:
                cur = word
                continue
            if len(cur) + 1 + len(word) <= width:
                cur += " " + word
                continue
            room = width - len(cur) - 1
            head, sep, tail = word.partition("-")
            if sep and head.isalpha() and tail and len(head) + 1 <= room:
                out.append(f"{cur} {head}-")
                cur = indent + tail
            elif t.rng.random() < DATA["hyphenate_share"] and (cut := _syllable_cut(word, t.rng, room)):
                out.append(f"{cur} {word[:cut]}-")
                cur = indent + word[cut:]
            else:
                out.append(cur)
                cur = indent + word
        out.append(cur)
    return "\n".join(out)


def _furniture(t: Text, page: int, pages: int) -> tuple[list[str], list[str]]:
    style = DATA["page_furniture"][t.index % len(DATA["page_furniture"])]
    initials = DATA["initials"][t.index % len(DATA["initials"])]

    def fill(lines: list[str], n: int) -> list[str]:
        return [x.format(number=t.number, page=n, pages=pages, initials=initials) for x in lines]

    return fill(style["foot"], page), fill(style["head"], page + 1)


def pages(t: Text) -> str:
    """Running footers and headers with page numbers every ~50 lines, where a page ends (often in
    mid-sentence), with or without blank lines around them and a form feed between pages."""
    lines = t.body.split("\n")
    low, high = DATA["page_lines"]
    cuts, at = [], t.rng.randint(low, high)
    while at < len(lines) - 5:
        cuts.append(at)
        at += t.rng.randint(low, high)
    out: list[str] = []
    page = 1
    for i, line in enumerate(lines):
        if cuts and i == cuts[0]:
            cuts.pop(0)
            foot, head = _furniture(t, page, page + len(cuts) + 1)
            pad = [""] if t.rng.random() < 0.5 else []
            feed = "\f" if t.rng.random() < 0.5 else ""
            out += pad + foot + [feed + (head[0] if head else "")] + head[1:] + pad
            page += 1
        out.append(line)
    return "\n".join(out)


_WORDS = re.compile(r"<[^>\n]*>|\[[a-z ]+:|[A-Za-z0-9]+")


def ocr_noise(t: Text) -> str:
    """Common OCR misreadings (rn/m, l/I/1, c/e, O/0, ligatures) in a modest share of the words
    that contain one; markup tags are left alone."""
    pairs = DATA["ocr_confusions"]

    def misread(m: re.Match[str]) -> str:
        word = m.group()
        if not word[0].isalnum() or t.rng.random() >= DATA["ocr_word_rate"]:
            return word
        options = [(a, b) for a, b in pairs if a in word]
        if not options:
            return word
        a, b = t.rng.choice(options)
        places = [i for i in range(len(word)) if word.startswith(a, i)]
        i = t.rng.choice(places)
        return word[:i] + b + word[i + len(a):]

    return _WORDS.sub(misread, t.body)


def strip_markdown(t: Text) -> str:
    """Markdown emphasis, heading marks and rules removed (revision strikethrough is kept)."""
    lines = []
    for line in t.body.split("\n"):
        if re.fullmatch(r"\s*(?:-{3,}|\*{3,}|_{3,})\s*", line):
            continue
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
        line = re.sub(r"\*\*|__", "", line)
        line = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1", line)
        lines.append(line.replace("\\", ""))
    return "\n".join(lines)


def add_markdown(t: Text) -> str:
    """Markdown added: short all-caps or numbered lines become '##' headings, and a share of the
    paragraphs get a run of two to four words in bold."""
    out = []
    for line in t.body.split("\n"):
        s = line.strip()
        letters = [c for c in s if c.isalpha()]
        heading = (s and not s.startswith(("#", "|", "-")) and len(s) < 90 and not ocr.ends_sentence(s)
                   and letters and (sum(c.isupper() for c in letters) > 0.85 * len(letters)
                                    or re.match(r"(?:\d{1,2}\.|[IVX]{1,4}\.)\s+\S", s)))
        if heading:
            out.append(f"## {s}")
            continue
        words = line.split(" ")
        plain = [i for i in range(len(words) - 4) if re.fullmatch(r"[A-Za-z]+", "".join(words[i:i + 4]))]
        if len(line) > 80 and plain and t.rng.random() < DATA["markdown_bold_share"]:
            i, n = t.rng.choice(plain), t.rng.randint(2, 4)
            words[i] = "**" + words[i]
            words[i + n - 1] += "**"
        out.append(" ".join(words))
    return "\n".join(out)


def footnotes(t: Text) -> str:
    """Footnote markers after a share of the words that stand before a comma or full stop, in the
    text's style (superscript, <sup>, [n], or a bare number as OCR leaves it), each note printed
    after the paragraph (the blank line) that calls it."""
    style = DATA["footnote_styles"][t.index % len(DATA["footnote_styles"])]
    n = 60
    out: list[str] = []
    notes: list[str] = []

    def mark(k: int) -> str:
        return str(k).translate(SUPERSCRIPT) if style["marker"] == "unicode" else style["marker"].format(n=k)

    for line in t.body.split("\n"):
        if not line.strip() and notes:
            out += ["", *(x for note in notes for x in (note, ""))]
            notes.clear()
        places = [m.end(1) for m in re.finditer(r"([A-Za-z]{3,})[,.](?:\s|$)", line)]
        if _is_markup_line(line) or len(line) < 60 or not places or t.rng.random() >= DATA["footnote_share"]:
            out.append(line)
            continue
        at = t.rng.choice(places)
        out.append(line[:at] + mark(n) + line[at:])
        note = mark(n) + " " if style["note"] == "unicode" else style["note"].format(n=n)
        docno = f"{t.rng.randint(5000, 17999)}/{t.rng.randint(5, 20):02d}"
        notes.append(note + DATA["footnote_text"].format(docno=docno, code=t.rng.randint(10, 999)))
        n += 1
    return "\n".join(out + ["", *notes] if notes else out)


def _box(t: Text, n: int) -> list[str]:
    lines = [x.format(n=n) for x in DATA["sidebars"][(t.index + n) % len(DATA["sidebars"])]]
    frame = DATA["sidebar_frames"][(t.index + n) % len(DATA["sidebar_frames"])]
    w = max(map(len, lines)) + 2
    if frame == "ascii":
        return ["+" + "-" * w + "+", *(f"| {x.ljust(w - 2)} |" for x in lines), "+" + "-" * w + "+"]
    if frame == "unicode":
        return ["\u250c" + "\u2500" * w + "\u2510", *(f"\u2502 {x.ljust(w - 2)} \u2502" for x in lines),
                "\u2514" + "\u2500" * w + "\u2518"]
    return lines


def sidebar(t: Text) -> str:
    """A boxed sidebar every ~6,000 characters, interleaved in mid-sentence: between two lines of
    a wrapped paragraph, or inside a one-line paragraph before a lower-case word."""
    lines = t.body.split("\n")
    out: list[str] = []
    n, seen, due = 1, 0, DATA["sidebar_chars"] // 2
    for i, line in enumerate(lines):
        seen += len(line) + 1
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        box = None
        if seen >= due and not _is_markup_line(line):
            if len(line) > 160:
                spaces = [m.start() for m in re.finditer(r"(?<=[a-z,]) (?=[a-z])", line)]
                spaces = [s for s in spaces if 40 < s < len(line) - 40]
                if spaces:
                    at = t.rng.choice(spaces)
                    box = [line[:at], "", *_box(t, n), "", line[at + 1:]]
            elif nxt.strip()[:1].islower() and not ocr.ends_sentence(line.strip()):
                box = [line, "", *_box(t, n), ""]
        if box:
            out += box
            n, due = n + 1, seen + DATA["sidebar_chars"]
        else:
            out.append(line)
    return "\n".join(out)


def revisions(style: str) -> Step:
    """Revision marks rewritten in another style the readers accept: HTML tags or bracketed
    notes. Bold becomes an insertion only where the text says bold marks its changes; the legend
    sentence keeps its markup."""
    dele, ins = {"html": ("<del>{}</del>", "<ins>{}</ins>"), "bracket": ("[deleted: {}]", "[added: {}]")}[style]

    def step(t: Text) -> str:
        bold_added = markup.bold_means_added(t.body)
        out = []
        for line in t.body.split("\n"):
            if markup.is_legend(line):
                out.append(line)
                continue
            line = re.sub(r"~~(?=\S)([^~]+?)~~", lambda m: dele.format(m.group(1)), line)
            if bold_added:
                line = re.sub(r"\*\*(?=\S)([^*\n]+?)\*\*", lambda m: ins.format(m.group(1)), line)
            out.append(line)
        return "\n".join(out)

    return step


def crlf(t: Text) -> str:
    return t.body.replace("\n", "\r\n")


def encode(text: str, encoding: str) -> bytes:
    """The text saved in an encoding; characters an 8-bit one lacks are transliterated (else '?')."""
    if encoding in ("utf-16-le", "utf-16-be"):
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        return bom + text.encode(encoding)
    if encoding in ("cp1252", "latin-1"):
        table = DATA["transliterate"]
        text = "".join(ch if _encodable(ch, encoding) else table.get(ch, "?") for ch in text)
        return text.encode(encoding, errors="replace")
    return text.encode(encoding)


def _encodable(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True)
class Perturbation:
    name: str
    why: str
    steps: tuple[Step, ...] = ()
    encoding: str = "utf-8"


PERTURBATIONS = (
    Perturbation("clean", "the corpus as it is"),
    Perturbation("utf-8-bom", "UTF-8 with a byte-order mark", encoding="utf-8-sig"),
    Perturbation("utf-16-le", "UTF-16 little-endian with BOM", encoding="utf-16-le"),
    Perturbation("utf-16-be", "UTF-16 big-endian with BOM", encoding="utf-16-be"),
    Perturbation("cp1252", "Windows-1252", encoding="cp1252"),
    Perturbation("latin-1", "ISO 8859-1 (dashes, quotes, superscripts 4-9 transliterated)", encoding="latin-1"),
    Perturbation("crlf", "CRLF line ends", (crlf,)),
    Perturbation("wrap", "hard-wrapped at ~70 columns, words hyphenated across lines", (wrap,)),
    Perturbation("pages", "wrapped, with running headers/footers and page numbers every ~50 lines", (wrap, pages)),
    Perturbation("pages-unwrapped", "running headers/footers and page numbers every ~50 lines", (pages,)),
    Perturbation("ocr", "OCR confusions in ~4% of the words that can have one", (ocr_noise,)),
    Perturbation("md-stripped", "markdown emphasis and headings removed", (strip_markdown,)),
    Perturbation("md-added", "markdown headings and bold added", (add_markdown,)),
    Perturbation("footnotes", "footnote markers and notes (superscript, <sup>, [n], bare number)", (footnotes,)),
    Perturbation("sidebar", "wrapped, a boxed sidebar interleaved mid-sentence every ~6,000 characters",
                 (wrap, sidebar)),
    Perturbation("sidebar-unwrapped", "a boxed sidebar interleaved mid-sentence every ~6,000 characters", (sidebar,)),
    Perturbation("rev-html", "revision marks as <del>/<ins>", (revisions("html"),)),
    Perturbation("rev-bracket", "revision marks as [deleted: ]/[added: ]", (revisions("bracket"),)),
    Perturbation("scan", "all of an OCR'd scan: wrapped, sidebars, pages, OCR confusions, cp1252, CRLF",
                 (wrap, sidebar, pages, ocr_noise, crlf), "cp1252"),
)


def perturb(p: Perturbation, name: str, text: str, index: int, number: str, seed: int) -> bytes:
    """One text's rendition: every step with its own random stream, seeded by perturbation, file and step."""
    for k, step in enumerate(p.steps):
        text = step(Text(text, index, number, random.Random(f"{seed}/{p.name}/{name}/{k}")))
    return encode(text, p.encoding)


def score(scorer: Path, gold: Path, graph: Path) -> dict:
    run = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--graph", str(graph),
                          "--ontology", str(ontology_path().parent), "--json"],
                         capture_output=True, text=True, check=False)
    return json.loads(run.stdout[:run.stdout.rindex("}") + 1])


def write_corpus(p: Perturbation, corpus: Path, folder: Path, gold: dict, seed: int) -> None:
    """Every corpus text's rendition, under its own file name; the running headers print the
    document's number as the gold records it (or a made-up one)."""
    numbers = {Path(d["file"]).name: d.get("council_doc_number") or "" for d in gold["documents"].values()}
    folder.mkdir(parents=True, exist_ok=True)
    for index, path in enumerate(sorted(corpus.iterdir())):
        number = numbers.get(path.name) or f"{10000 + 137 * index}/{10 + index}"
        (folder / path.name).write_bytes(perturb(p, path.name, path.read_text(encoding="utf-8"), index, number, seed))


def run_one(p: Perturbation, corpus: Path, gold: dict, gold_path: Path, scorer: Path, seed: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(p, corpus, folder, gold, seed)
        documents, refusals = read_corpus(folder)
        result = build(folder, Path(tmp) / "out", progress=lambda _: None)
        report = score(scorer, gold_path, result.graph_file)
    report["read_as"] = sorted({f"{d.encoding}/{d.format}" for d in documents})
    report["refused"] = [r.source for r in refusals]
    return report


def _errors(report: dict) -> tuple[set[str], set[str]]:
    false = {f"{k}:{c}:{x}" for k, doc in report["documents"].items() for c in CLASSES for x in doc[c]["false"]}
    missed = {f"{k}:{c}:{x}" for k, doc in report["documents"].items() for c in CLASSES for x in doc[c]["missed"]}
    return false, missed


def table(rows: dict[str, dict], perturbations: dict[str, Perturbation]) -> str:
    base = rows.get("clean")
    lines = ["| perturbation | read as | P | R | F1 | ΔF1 | false | " + " | ".join(CLASSES)
             + " | relations F1 | deleted asserted |", "| --- " * (9 + len(CLASSES)) + "|"]
    for name, rep in rows.items():
        m = rep["micro"]
        delta = f"{m['f1'] - base['micro']['f1']:+.3f}" if base else ""
        fp = sum(doc[c]["fp"] for doc in rep["documents"].values() for c in CLASSES)
        lines.append(f"| {name} | {', '.join(rep['read_as'])} | {m['p']:.3f} | {m['r']:.3f} | {m['f1']:.3f} | {delta} "
                     f"| {fp} | " + " | ".join(f"{rep['per_class'][c]['f1']:.2f}" for c in CLASSES)
                     + f" | {rep['relations']['f1']:.2f} | {len(rep['deleted_text_asserted'])} |")
    lines += ["", "Perturbations:", ""] + [f"- `{n}`: {perturbations[n].why}" for n in rows]
    if base:
        base_false, base_missed = _errors(base)
        lines += ["", "False mentions and misses the clean build does not have (document:class:entity):", ""]
        for name, rep in rows.items():
            if name == "clean":
                continue
            false, missed = _errors(rep)
            extra = ", ".join(sorted(false - base_false)) or "none"
            lost = ", ".join(sorted(missed - base_missed)) or "none"
            refused = f"; refused: {', '.join(rep['refused'])}" if rep["refused"] else ""
            lines.append(f"- `{name}`: false {extra}; missed {lost}{refused}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--scorer", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--only", help="comma-separated perturbation names (the clean baseline is always run)")
    ap.add_argument("--write", type=Path, help="also write the table (markdown) here")
    ap.add_argument("--note", default="", help="a line on what was measured, written under the heading")
    ap.add_argument("--dump", type=Path, help="only write the perturbed texts into this folder, one subfolder each")
    a = ap.parse_args()
    by_name = {p.name: p for p in PERTURBATIONS}
    wanted = ["clean"] + [n for n in (a.only.split(",") if a.only else by_name) if n != "clean"]
    unknown = [n for n in wanted if n not in by_name]
    if unknown:
        ap.error(f"unknown perturbation(s) {', '.join(unknown)}; known: {', '.join(by_name)}")
    gold = json.loads(a.gold.read_text(encoding="utf-8"))
    if a.dump:
        for name in wanted:
            write_corpus(by_name[name], a.corpus, a.dump / name, gold, a.seed)
        return 0
    rows = {}
    for name in wanted:
        print(f"perturb: {name}", file=sys.stderr, flush=True)
        rows[name] = run_one(by_name[name], a.corpus, gold, a.gold, a.scorer, a.seed)
    text = table(rows, by_name)
    header = (f"Extraction on perturbed renditions of the corpus (seed {a.seed}); micro P/R/F1 of mentions, "
              "F1 per class, relation F1, beside the clean build.\n\n"
              "    .venv/bin/python benchmarks/perturb.py --gold ../shared/gold/seeds.json "
              "--scorer ../shared/tools/score.py --write benchmarks/results/perturb.md\n\n"
              + (f"{a.note}\n\n" if a.note else ""))
    print(text)
    if a.write:
        a.write.write_text(header + text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
