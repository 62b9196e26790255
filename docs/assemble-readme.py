#!/usr/bin/env python3
"""Assembles README.md from the per-topic sections in docs/readme/.

Each module's user documentation lives next to the others in docs/readme/<topic>.md, so a change
to one protocol touches one file. The README keeps its own opening (what inetkit is, the quick
start, safe defaults, modules) and its closing (building), and between the two markers below
holds the sections in reading order, with a table of contents before them.

    python3 docs/assemble-readme.py           # rewrite README.md
    python3 docs/assemble-readme.py --check   # exit 1 if README.md is not up to date

Running it twice changes nothing.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SECTIONS = ROOT / "docs" / "readme"
START = "<!-- sections: assembled from docs/readme/*.md by docs/assemble-readme.py; edit those files -->"
END = "<!-- end of sections -->"
TOC_START = "<!-- contents -->"
TOC_END = "<!-- end of contents -->"

# (file, heading levels to add): testkit's per-server pages sit under "Testing your code".
ORDER = [
    ("core.md", 0),
    ("mail-sending.md", 0),
    ("mail-reading.md", 0),
    ("ftp.md", 0),
    ("gopher.md", 0),
    ("telnet.md", 0),
    ("testkit.md", 0),
    ("testkit-mail.md", 0),  # written as a ### subsection already
    ("testkit-ftp.md", 1),
    ("testkit-telnet.md", 1),
    ("testkit-gopher.md", 1),
    ("real-servers.md", 1),
    ("cli.md", 0),
    ("demo.md", 0),
    ("benchmarks.md", 0),
    ("real-servers.md", 0),
]
SERVE_HEADING = "## `inetkit serve`"


def shift_headings(text, levels):
    """Adds `levels` '#' to every Markdown heading outside fenced code blocks."""
    out, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and levels and re.match(r"#{1,5} ", line):
            line = "#" * levels + line
        out.append(line)
    return "\n".join(out)


def headings(text):
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced:
            m = re.match(r"(#{2,3}) (.+)", line)
            if m:
                yield len(m.group(1)), m.group(2).strip()


def anchor(title):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    slug = title.strip().lower()
    slug = re.sub(r"[^\w\- ]", "", slug)
    return slug.replace(" ", "-")


def body():
    parts = []
    serve = None
    for name, levels in ORDER:
        text = (SECTIONS / name).read_text(encoding="utf-8").strip()
        if name == "testkit.md" and SERVE_HEADING in text:
            # `inetkit serve` reads best after the per-server subsections.
            text, serve = text.split(SERVE_HEADING, 1)
            text, serve = text.strip(), "### `inetkit serve`" + shift_headings(serve, 1).rstrip()
        parts.append(shift_headings(text, levels))
        if name == "testkit-gopher.md" and serve:
            parts.append(serve)
    return "\n\n".join(parts)


def toc(sections_text):
    lines, seen = [], {}
    for level, title in headings(sections_text):
        a = anchor(title)
        n = seen.get(a, 0)
        seen[a] = n + 1
        if n:
            a = f"{a}-{n}"
        indent = "  " if level == 3 else ""
        plain = title.replace("`", "")
        lines.append(f"{indent}- [{plain}](#{a})")
    return "\n".join(lines)


def assemble(current):
    sections_text = body()
    head, rest = current.split(START, 1) if START in current else (current, END)
    tail = rest.split(END, 1)[1]
    if TOC_START in head:
        before, after = head.split(TOC_START, 1)
        contents = toc(sections_text + "\n" + tail)
        head = before + TOC_START + "\n" + contents + "\n" + TOC_END + after.split(TOC_END, 1)[1]
    return head + START + "\n\n" + sections_text + "\n\n" + END + tail


def main():
    current = README.read_text(encoding="utf-8")
    wanted = assemble(current)
    if "--check" in sys.argv[1:]:
        if current != wanted:
            print("README.md is out of date: run python3 docs/assemble-readme.py", file=sys.stderr)
            return 1
        return 0
    if current != wanted:
        README.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
