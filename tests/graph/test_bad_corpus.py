"""A corpus of good texts beside every kind of bad file: the build reads the good, refuses the bad.

The corpus is made here, not committed. The build runs in its own process as user nobody when
the tests run as root (where a file without read permission can still be read), after a build
of the good texts alone, so the peak memory it reports shows what the bad files cost on top.
"""

from __future__ import annotations

import json
import os
import re
import struct
import zlib
from pathlib import Path

from iskg.graph.cli import EXIT_BAD_INPUT, EXIT_REFUSED, main
from iskg.loaders.parse import MAX_LINE_CHARS
from iskg.loaders.read import MAX_BYTES

GOOD = Path(__file__).resolve().parents[2] / "corpus" / "004_16ba2f289b8017e2.txt"
BIG_BYTES = 50 * 2**20
LINE_CHARS = 5_000_000
REASONS = {  # each bad file and the start of the one line that refuses it
    "big.txt": f"file too large (over {MAX_BYTES} bytes)",
    "deleted.txt": "no readable text (all of it is marked as deleted)",
    "empty.txt": "empty file",
    "folder.txt": "not a file (a directory)",
    "image.txt": "binary content",
    "locked.txt": "cannot read: Permission denied",
    "loop.txt": "cannot read: Too many levels of symbolic links",
    "nul.txt": "binary content (NUL bytes)",
    "oneline.txt": f"line 1 is {LINE_CHARS} characters long, over the limit of {MAX_LINE_CHARS}",
    "pipe.txt": "not a regular file (a named pipe)",
    "scan.txt": "malformed PDF",  # sniffed as a PDF by its bytes, whatever its name
    "shiftjis.txt": "not text in an encoding read here: invalid UTF-8",
}


def make_bad_corpus(folder: Path) -> None:
    text = GOOD.read_text(encoding="utf-8")
    data = text.encode()
    (folder / "good.txt").write_text(text, encoding="utf-8")
    (folder / "utf16.txt").write_bytes(text.encode("utf-16-le"))  # no BOM: recognised and read, not refused
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + bytes(range(256)) * 4)
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n"
                                      + zlib.compress(data[:2000]) + b"\nendstream\nendobj\n%%EOF\n")
    (folder / "nul.txt").write_bytes(data[:3000] + b"\x00" * 40 + data[3000:])
    japanese = "国際的な安全保障戦略について、理事会は次のとおり結論する。\n"
    (folder / "shiftjis.txt").write_bytes((japanese * 200).encode("shift_jis"))
    line = " ".join(text.split()) + " "
    (folder / "oneline.txt").write_text((line * (LINE_CHARS // len(line) + 1))[:LINE_CHARS], encoding="utf-8")
    with (folder / "big.txt").open("w", encoding="utf-8") as f:
        while f.tell() < BIG_BYTES:
            f.write(text)
    (folder / "folder.txt").mkdir()
    (folder / "loop.txt").symlink_to("loop.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "locked.txt").write_text(text, encoding="utf-8")
    (folder / "locked.txt").chmod(0)
    (folder / "deleted.txt").write_text("<del>COUNCIL CONCLUSIONS</del>\n\n<del>The Council adopts a strategy.</del>"
                                        "\n\n~~Europol shall support the Member States.~~\n", encoding="utf-8")


def _peak(stderr: str, label: str) -> int:
    return int(re.search(rf"^{label} peak (\d+) kB$", stderr, re.MULTILINE).group(1))


def test_build_reads_the_good_refuses_each_bad_file_and_exits_3(shared_tmp, unprivileged):
    bad, good, out = shared_tmp / "bad", shared_tmp / "good", shared_tmp / "out"
    bad.mkdir()
    good.mkdir()
    make_bad_corpus(bad)
    for name in ("good.txt", "utf16.txt"):
        (good / name).write_bytes((bad / name).read_bytes())
    out.mkdir(mode=0o777)
    out.chmod(0o777)
    warm_up = f"""import resource, sys
from iskg.graph import cli
import encodings.cp1252, encodings.latin_1, encodings.utf_16_le
assert cli.main(["build", "--corpus", {str(good)!r}, "--out", {str(shared_tmp / 'good-out')!r}]) == 0
print("good peak", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "kB", file=sys.stderr)"""
    run = f"""code = cli.main(["build", "--corpus", {str(bad)!r}, "--out", {str(out)!r}])
print("bad peak", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "kB", file=sys.stderr)
sys.exit(code)"""
    done = unprivileged(warm_up, run)
    assert done.returncode == EXIT_REFUSED, done.stderr[-3000:]

    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["files_read"] == ["good.txt", "utf16.txt"]
    refused = {r["file"]: r["reason"] for r in report["files_refused"]}
    assert set(refused) == set(REASONS)
    for name, reason in REASONS.items():
        assert refused[name].startswith(reason), (name, refused[name])
        lines = [ln for ln in done.stderr.splitlines() if ln.startswith(f"iskg: refused {name}: ")]
        assert lines == [f"iskg: refused {name}: {refused[name]}"]  # one line, naming the file and the reason
        assert f"refused {name}: {refused[name]}" in (out / "report.txt").read_text(encoding="utf-8")
    assert report["documents"]["utf16.txt"]["encoding"] == "utf-16-le"

    good_peak, bad_peak = _peak(done.stderr, "good"), _peak(done.stderr, "bad")
    print(f"\npeak RSS: build of the 2 good texts {good_peak // 1024} MB; then of them beside the 12 bad files "
          f"(a {BIG_BYTES >> 20} MiB text, a {LINE_CHARS // 10**6} MB line) {bad_peak // 1024} MB")
    assert bad_peak < good_peak + 100 * 1024


def test_strict_makes_any_refusal_fatal_and_writes_nothing(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_bytes(GOOD.read_bytes())
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(corpus), "--out", str(out), "--strict"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "iskg: refused empty.txt: empty file\n" in err
    assert err.splitlines()[-1] == "iskg: 1 of 2 files refused (--strict): nothing written"
    assert list(out.iterdir()) == []

