#!/usr/bin/env python3
"""Side-by-side benchmark of Word redlines: redraft against Docxodus and
Open-XML-PowerTools WmlComparer (through the `python-redlines` packages,
which ship both engines as binaries), on the same pairs of Word drafts.

Not part of CI. Needs python-docx (to make the Word drafts), and

    pip install python-redlines python-redlines-docxodus python-redlines-ooxmlpowertools

Usage (from the project root, after `cargo build --release`):

    python3 benches/word_peers.py [--redraft target/release/redraft] [--runs 3]

For each pair and engine it reports:

- time: the best of --runs wall-clock runs of the whole comparison (the
  engine's process included, as a user would run it);
- marks: revision elements written (w:ins, w:del, w:moveFrom, w:moveTo,
  w:rPrChange, w:pPrChange) in the body and the footnotes;
- paragraphs: body paragraphs that carry a mark;
- accept / reject: whether accepting (rejecting) every change, done here by
  an independent implementation on the XML (Python's standard library: no
  engine's code), gives exactly the new (old) document's paragraphs: the
  body's, then the footnotes' in the order of their references, text and
  order;
- audit: errors openxml-audit (strict policy) finds, if it is installed.

The pairs: the cooperation drafts (drafts/cooperation-2020.txt, -2021.txt)
made into Word documents with automatic numbering, real footnotes from 5,
a header and a page-number footer (fixtures/docx-redline/make_docx.py); the
same pair the other way round; and fixtures/docx-objects (a table with an
edited cell and a new row, a picture, a word no longer in italics).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MARKS = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")


def q(tag):
    return "{%s}%s" % (W, tag)


def make(draft, out, symbol, lang):
    script = os.path.join(ROOT, "fixtures", "docx-redline", "make_docx.py")
    subprocess.run([sys.executable, script, draft, out, "--symbol", symbol, "--lang", lang],
                   check=True)


def pairs(tmp):
    drafts = os.path.join(ROOT, "drafts")
    objects = os.path.join(ROOT, "fixtures", "docx-objects")
    old, new = os.path.join(tmp, "coop-2020.docx"), os.path.join(tmp, "coop-2021.docx")
    make(os.path.join(drafts, "cooperation-2020.txt"), old, "ICC-ASP/19/L.3", "fr-FR")
    make(os.path.join(drafts, "cooperation-2021.txt"), new, "ICC-ASP/20/L.4", "fr-FR")
    o2, n2 = os.path.join(tmp, "objects-old.docx"), os.path.join(tmp, "objects-new.docx")
    make(os.path.join(objects, "old.draft"), o2, "A/1", "en-GB")
    make(os.path.join(objects, "new.draft"), n2, "A/2", "en-GB")
    return [("cooperation 2020→2021", old, new), ("cooperation 2021→2020", new, old),
            ("table, picture, italics", o2, n2)]


def run_redraft(binary):
    def engine(old, new, out):
        subprocess.run([binary, "diff", old, new, "-o", out], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return engine


def run_peer(cls):
    instance = cls()

    def engine(old, new, out):
        result = instance.run_redline("peer", old, new)
        with open(out, "wb") as f:
            f.write(result[0])
    return engine


def engines(binary):
    out = [("redraft", run_redraft(binary))]
    try:
        import warnings
        warnings.simplefilter("ignore")
        from python_redlines.engines import DocxodusEngine, XmlPowerToolsEngine
        out.append(("Docxodus", run_peer(DocxodusEngine)))
        out.append(("WmlComparer", run_peer(XmlPowerToolsEngine)))
    except ImportError:
        print("python-redlines is not installed: only redraft is measured", file=sys.stderr)
    return out


def parts(path):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        doc = ET.fromstring(z.read("word/document.xml"))
        notes = ET.fromstring(z.read("word/footnotes.xml")) if "word/footnotes.xml" in names else None
    return doc, notes


def resolve(root, accept):
    """Accepts (or rejects) every change in a part, in place."""
    drop, keep = ({q("del"), q("moveFrom")}, {q("ins"), q("moveTo")})
    if not accept:
        drop, keep = keep, drop
    ranges = {q(n + e) for n in ("moveFromRange", "moveToRange") for e in ("Start", "End")}

    def clean(el):
        for c in list(el):
            if c.tag in ranges:
                el.remove(c)
                continue
            if el.tag == q("rPr") and c.tag in drop | keep:
                continue  # paragraph and row marks: handled below
            if c.tag in drop:
                el.remove(c)
                continue
            if c.tag == q("rPrChange"):
                if not accept:
                    old = c.find(q("rPr"))
                    el.clear()
                    for g in list(old if old is not None else []):
                        el.append(g)
                else:
                    el.remove(c)
                continue
            if c.tag == q("pPrChange"):
                el.remove(c)
                continue
            clean(c)
            if c.tag == q("delText"):
                c.tag = q("t")
            if c.tag in keep:
                i = list(el).index(c)
                el.remove(c)
                for j, g in enumerate(list(c)):
                    el.insert(i + j, g)

    def rows(el):
        for row in el.iter(q("tr")):
            pass
        for parent in el.iter():
            for c in list(parent):
                if c.tag == q("tr"):
                    pr = c.find(q("trPr"))
                    if pr is not None and any(m.tag in drop for m in pr):
                        parent.remove(c)

    rows(root)
    clean(root)
    for container in list(root.iter()):
        pending = []
        for p in list(container):
            if p.tag != q("p"):
                continue
            rpr = p.find(q("pPr") + "/" + q("rPr"))
            gone = rpr is not None and any(c.tag in drop for c in rpr)
            at = 1 if p.find(q("pPr")) is not None else 0
            for j, c in enumerate(pending):
                p.insert(at + j, c)
            pending = []
            if gone:
                pending = [c for c in p if c.tag != q("pPr")]
                container.remove(p)


def texts(root):
    """Paragraph texts in reading order, empty ones left out."""
    out = []
    for p in root.iter(q("p")):
        t = "".join(("\t" if e.tag == q("tab") else (e.text or ""))
                    for e in p.iter() if e.tag in (q("t"), q("tab")))
        t = re.sub(r"\s+", " ", t).strip()
        if t:
            out.append(t)
    return out


def document_texts(path, accept=None):
    doc, notes = parts(path)
    if accept is not None:
        resolve(doc, accept)
        if notes is not None:
            resolve(notes, accept)
    body = texts(doc.find(q("body")))
    # Footnotes as Word shows them: in the order of their references.
    by_id = {}
    if notes is not None:
        for note in notes.findall(q("footnote")):
            by_id[note.get(q("id"))] = texts(note)
    foot = []
    for ref in doc.find(q("body")).iter(q("footnoteReference")):
        foot.extend(by_id.get(ref.get(q("id")), []))
    return body, foot


def count_marks(path):
    doc, notes = parts(path)
    marks = 0
    for root in (doc, notes):
        if root is None:
            continue
        for el in root.iter():
            if el.tag in {q(m) for m in MARKS}:
                marks += 1
    marked = sum(1 for p in doc.find(q("body")).iter(q("p"))
                 if any(e.tag in {q(m) for m in MARKS} for e in p.iter()))
    return marks, marked


def audit(path):
    if not shutil.which("openxml-audit"):
        return "-"
    o = subprocess.run(["openxml-audit", path], capture_output=True, text=True)
    m = re.search(r"Errors: (\d+)", o.stdout)
    return m.group(1) if m else "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--redraft", default=os.path.join(ROOT, "target", "release", "redraft"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="word-peers-")
    rows = []
    for name, old, new in pairs(tmp):
        want_new, want_old = document_texts(new), document_texts(old)
        for engine_name, engine in engines(args.redraft):
            out = os.path.join(tmp, f"{engine_name}-{len(rows)}.docx")
            best = None
            for _ in range(args.runs):
                t = time.perf_counter()
                engine(old, new, out)
                best = min(best or 1e9, time.perf_counter() - t)
            marks, marked = count_marks(out)
            accept = document_texts(out, True) == want_new
            reject = document_texts(out, False) == want_old
            rows.append((name, engine_name, f"{best * 1000:.0f} ms", marks, marked,
                         "exact" if accept else "differs", "exact" if reject else "differs",
                         audit(out)))
    print("| pair | engine | time | marks | paragraphs marked | accept all | reject all | openxml-audit errors |")
    print("|---|---|---:|---:|---:|---|---|---:|")
    for r in rows:
        print("| " + " | ".join(str(c) for c in r) + " |")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
