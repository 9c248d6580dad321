"""TempEval-3 Task A scoring of newsprism's time-expression tagger on TimeML (.tml) files.

Usage::

    .venv/bin/python bench/timex.py ../shared/bench-data/tempeval3/TBAQ-cleaned
    .venv/bin/python bench/timex.py ../shared/bench-data/tempeval3/TBAQ-cleaned --hide-dct
    .venv/bin/python bench/timex.py ../shared/bench-data/polnear/train/text --overhead --limit 200

Every ``.tml`` file under DIR (recursively) is read; the text inside ``<TEXT>`` is tagged with the
file's creation time (DCT) as reference date, and compared with the gold TIMEX3 tags:

* strict span match: identical character offsets; relaxed: any overlap (one-to-one);
* type accuracy and value accuracy over relaxed matches; value F1 = relaxed F1 x value accuracy
  (the TempEval-3 definition of attribute F1).

``--hide-dct`` infers each document's creation date from its text alone and reports how often it
is exact, within 3 days, and right on the year (and scores values against that inferred date).
The last line holds the key figures as key=value pairs.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsprism.extract.dates.component import publication_date
from newsprism.extract.dates.pubdate import infer_publication_time
from newsprism.extract.dates.timex_rules import Timex, tag


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TmlDocument:
    path: Path
    text: str
    dct: date | None
    timexes: list[GoldTimex] = field(default_factory=list)
    scored_end: int | None = None  # system expressions after this offset are not scored


# Upper bound for inferred dates: the benchmark's documents are older than this run.
LATEST = date.today()

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> TmlDocument:
    raw = path.read_text(encoding="utf-8")
    dct: date | None = None
    if m := re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", raw, re.S):
        dct = date.fromisoformat(m[1])
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    source = body[1] if body else ""
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    position = 0
    for m in _TAG.finditer(source):
        chunk = html.unescape(source[position : m.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = m.end()
        closing, name, attrs = m[1], m[2], m[3]
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, attributes = open_timex
            text = "".join(pieces)[start:length]
            timexes.append(
                GoldTimex(
                    start, length, text, attributes.get("type", ""), attributes.get("value", "")
                )
            )
            open_timex = None
    pieces.append(html.unescape(source[position:]))
    return TmlDocument(path, "".join(pieces), dct, timexes)


# MEANTIME's time expressions are annotated in the first six sentences (title, date line and the
# first four sentences of the body); measured: no gold TIMEX3 lies beyond sentence index 5.
MEANTIME_ANNOTATED_LINES = 6
_NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "]", "?", "!", "%", "'s", "’s", "n't", "''", "'"}
_NO_SPACE_AFTER = {"(", "[", "$", "``", "#"}


def read_cat(path: Path) -> TmlDocument:
    """A CAT XML document (MEANTIME/NewsReader): tokens are detokenised into text (sentences on
    their own lines) and TIMEX3 markables mapped to character offsets. The creation time is the
    CREATION_TIME markable's value; it is a mention in the text too, so it stays in the gold."""
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length = 0
    previous_sentence: str | None = None
    previous_token = ""
    for token in root.iter("token"):
        word = token.text or ""
        sentence = token.get("sentence")
        if previous_sentence is None:
            sep = ""
        elif sentence != previous_sentence:
            sep = "\n"
        elif word in _NO_SPACE_BEFORE or previous_token in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        pieces.append(sep + word)
        length += len(sep)
        offsets[token.get("t_id", "")] = (length, length + len(word))
        length += len(word)
        previous_sentence, previous_token = sentence, word
    text = "".join(pieces)
    dct: date | None = None
    timexes: list[GoldTimex] = []
    for timex in root.iter("TIMEX3"):
        anchors = [offsets[a.get("t_id", "")] for a in timex.iter("token_anchor")]
        value = timex.get("value", "")
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _parse_dct(value) or dct
        if not anchors:
            continue
        start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
        timexes.append(GoldTimex(start, end, text[start:end], timex.get("type", ""), value))
    timexes.sort(key=lambda g: g.start)
    # MEANTIME annotates the title, the date line and the first sentences only
    scored_end = len(text)
    position = -1
    for _ in range(MEANTIME_ANNOTATED_LINES):
        position = text.find("\n", position + 1)
        if position < 0:
            break
    if position >= 0:
        scored_end = position
    return TmlDocument(path, text, dct, timexes, scored_end)


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    value_equivalent: int = 0  # wrong as strings, same value in a non-ISO form (diagnostic)
    docs: int = 0
    dct_docs: int = 0
    dct_exact: int = 0
    dct_within3: int = 0
    dct_year: int = 0
    dct_monthday: int = 0
    dct_monthday3: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: list[GoldTimex], system: list[Timex]) -> Counts:
    counts = Counts(gold=len(gold), system=len(system), docs=1)
    used: set[int] = set()
    for g in gold:
        best: int | None = None
        for i, s in enumerate(system):
            if i in used or s.end <= g.start or g.end <= s.start:
                continue
            if best is None or (s.start, s.end) == (g.start, g.end):
                best = i
        if best is None:
            continue
        used.add(best)
        s = system[best]
        counts.relaxed += 1
        counts.strict += (s.start, s.end) == (g.start, g.end)
        counts.type_ok += s.type == g.type
        counts.value_ok += s.value == g.value
        counts.value_equivalent += s.value != g.value and equivalent_forms(g.value, s.value)
    return counts


def equivalent_forms(gold: str, system: str) -> bool:
    """Whether two different strings write the same TimeML value, one of them in a form that is
    not ISO 8601 / TIMEX3: an unpadded week ("2000-W7" = "2000-W07"), a year with blank month or
    day ("1949-XX", "1994-XX-XX" = "1949", "1994"), a decade with a trailing X ("196X" = "196").
    Used only for the diagnostic figure that --categories prints, never for the scores."""
    if m := re.fullmatch(r"(\d{4})-W(\d)", gold):
        return system == f"{m[1]}-W0{m[2]}"
    if m := re.fullmatch(r"(\d{4})(?:-XX){1,2}", gold):
        return system == m[1]
    if m := re.fullmatch(r"(\d{3})X", gold):
        return system == m[1]
    return False


def figures(c: Counts) -> dict[str, float]:
    sp = c.strict / c.system if c.system else 0.0
    sr = c.strict / c.gold if c.gold else 0.0
    rp = c.relaxed / c.system if c.system else 0.0
    rr = c.relaxed / c.gold if c.gold else 0.0
    relaxed_f1 = _f1(rp, rr)
    out = {
        "strict_p": sp, "strict_r": sr, "strict_f1": _f1(sp, sr),
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": relaxed_f1,
        "type_acc": c.type_ok / c.relaxed if c.relaxed else 0.0,
        "value_acc": c.value_ok / c.relaxed if c.relaxed else 0.0,
    }  # fmt: skip
    out["value_f1"] = relaxed_f1 * out["value_acc"]
    if c.relaxed:
        out["value_f1_equivalent"] = relaxed_f1 * (c.value_ok + c.value_equivalent) / c.relaxed
    if c.dct_docs:
        out["dct_exact"] = c.dct_exact / c.dct_docs
        out["dct_within3"] = c.dct_within3 / c.dct_docs
        out["dct_year"] = c.dct_year / c.dct_docs
        out["dct_monthday"] = c.dct_monthday / c.dct_docs
        out["dct_monthday3"] = c.dct_monthday3 / c.dct_docs
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("data", type=Path, help="folder holding .tml files (searched recursively)")
    parser.add_argument(
        "--hide-dct", action="store_true", help="infer each file's DCT from its text"
    )
    parser.add_argument(
        "--blank-dateline",
        action="store_true",
        help="with --hide-dct: blank a date line at the head of each text first (tests inference "
        "from the body alone; gold spans on that line are dropped)",
    )
    parser.add_argument("--errors", type=int, default=0, help="print this many value/span errors")
    parser.add_argument(
        "--categories",
        action="store_true",
        help="print counts of value-error categories (debugging aid)",
    )
    parser.add_argument(
        "--overhead",
        action="store_true",
        help="also time the newsprism_dates component against the bare spaCy pipeline (on a "
        "folder of plain .txt articles: only that)",
    )
    parser.add_argument(
        "--limit", type=int, default=0, help="with --overhead on .txt articles: the first N only"
    )
    args = parser.parse_args()

    paths = sorted(args.data.rglob("*.tml"))
    reader = read_tml
    if not paths:  # CAT XML (MEANTIME) instead of TimeML
        paths = sorted(p for p in args.data.rglob("*.xml") if _is_cat(p))
        reader = read_cat
    if not paths and args.overhead:  # plain articles (PolNeAR's .txt): only the cost
        texts = [p.read_text(encoding="utf-8") for p in sorted(args.data.rglob("*.txt"))]
        if texts:
            share = _overhead(texts[: args.limit] if args.limit else texts)
            print(f"dates_overhead={share:.4f}")
            return
    if not paths:
        sys.exit(f"no .tml (TimeML) or CAT .xml files under {args.data}")
    groups: dict[str, Counts] = defaultdict(Counts)
    errors: list[str] = []
    categories: Counter[str] = Counter()
    words = 0
    elapsed = 0.0
    for path in paths:
        doc = reader(path)
        if args.blank_dateline:
            doc = blank_dateline(doc)
        group = str(path.parent.relative_to(args.data)) or "."
        counts_extra = Counts()
        reference = doc.dct
        if args.hide_dct:
            publication = infer_publication_time(doc.text, latest=LATEST)
            inferred = publication_date(publication)
            reference = inferred
            counts_extra.dct_docs = doc.dct is not None  # no gold creation time: not scored
            year = (publication.value or publication.partial or "")[:4]
            if doc.dct is not None:
                counts_extra.dct_year = year == str(doc.dct.year)
                monthday = _monthday_gap(publication.partial, doc.dct)
                counts_extra.dct_monthday = monthday == 0
                counts_extra.dct_monthday3 = monthday is not None and monthday <= 3
            if inferred is not None and doc.dct is not None:
                gap = abs((inferred - doc.dct).days)
                counts_extra.dct_exact = gap == 0
                counts_extra.dct_within3 = gap <= 3
        t0 = time.perf_counter()
        system = tag(doc.text, reference)
        if doc.scored_end is not None:
            system = [t for t in system if t.start < doc.scored_end]
        elapsed += time.perf_counter() - t0
        words += len(doc.text.split())
        counts = score(doc.timexes, system)
        counts.add(counts_extra)
        groups[group].add(counts)
        if args.categories:
            categories.update(_categories(doc, system))
        if args.errors and len(errors) < args.errors:
            errors.extend(_errors(doc, system))
    total = Counts()
    for c in groups.values():
        total.add(c)
    rows = [*sorted(groups.items()), ("overall", total)]
    header = (
        f"{'set':<12}{'docs':>5}{'gold':>6}{'sys':>6}  strict P/R/F1        "
        "relaxed P/R/F1       type  value_F1"
    )
    if args.hide_dct:
        header += "  dct_exact within3 year  monthday md_within3"
    print(header)
    for name, c in rows:
        f = figures(c)
        line = (
            f"{name:<12}{c.docs:>5}{c.gold:>6}{c.system:>6}  "
            f"{f['strict_p']:.3f}/{f['strict_r']:.3f}/{f['strict_f1']:.3f}  "
            f"{f['relaxed_p']:.3f}/{f['relaxed_r']:.3f}/{f['relaxed_f1']:.3f}  "
            f"{f['type_acc']:.3f} {f['value_f1']:.3f}"
        )
        if args.hide_dct:
            line += (
                f"     {f['dct_exact']:.3f}   {f['dct_within3']:.3f} {f['dct_year']:.3f}"
                f"  {f['dct_monthday']:.3f}    {f['dct_monthday3']:.3f}"
            )
        print(line)
    print(f"speed: {words / elapsed:,.0f} words/s ({words} words, {elapsed:.2f}s tagging)")
    for line in errors[: args.errors]:
        print(line)
    if args.categories:
        print(
            "value F1 if values written in a non-ISO form of ours counted as right "
            "(2000-W7, 1949-XX, 196X; diagnostic only): "
            + ", ".join(f"{n} {figures(c).get('value_f1_equivalent', 0):.3f}" for n, c in rows)
        )
        print("error categories (relaxed matches with a wrong value, misses, false positives):")
        for name, n in categories.most_common():
            print(f"  {name:<28}{n:>5}")
    if args.overhead:
        _overhead([reader(path).text for path in paths])
    f = figures(total)
    keys = ["strict_f1", "relaxed_f1", "type_acc", "value_f1"]
    if args.hide_dct:
        keys += ["dct_exact", "dct_within3", "dct_year", "dct_monthday", "dct_monthday3"]
    print(" ".join(f"{k}={f[k]:.3f}" for k in keys))


def _overhead(texts: list[str], repeats: int = 3) -> float:
    """Time of the dates component (publication inference + tagging) next to the spaCy model:
    the component runs ``repeats`` times over the parsed Docs (the first run also builds each
    Doc's text); returns the fastest run's share of the spaCy time."""
    from newsprism.extract.dates.component import find_times
    from newsprism.nlp import load_base_model

    nlp = load_base_model()
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    base = time.perf_counter() - t0
    runs: list[float] = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for doc in docs:
            find_times(doc)
        runs.append(time.perf_counter() - t0)
    ours = min(runs)
    print(
        f"overhead: spaCy {base:.2f}s ({words / base:,.0f} words/s on {len(texts)} texts, "
        f"{words:,} words), dates component "
        + ", ".join(f"{r:.2f}s" for r in runs)
        + f" = {ours / base:.1%} of the spaCy time (fastest run)"
    )
    return ours / base


DATELINE_HEAD_LINES = 3  # a date line sits among the first lines (title, place, date)
DATELINE_MAX_REST = 40  # what a date line holds besides its date: a place and an agency


def blank_dateline(doc: TmlDocument) -> TmlDocument:
    """The document with its date line ("March 01, 2008", "WASHINGTON, August 11 (Xinhua) --")
    replaced by spaces, so offsets stay valid; gold expressions on that line are dropped."""
    text = doc.text
    position = 0
    for _ in range(DATELINE_HEAD_LINES):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        line = text[position:end]
        dated = [t for t in tag(line, None) if re.match(r"(?:XXXX|\d{4})-\d\d-\d\d", t.value)]
        if dated and len(line.strip()) - len(dated[0].text) <= DATELINE_MAX_REST:
            blanked = text[:position] + " " * len(line) + text[end:]
            gold = [g for g in doc.timexes if g.end <= position or g.start >= end]
            return TmlDocument(doc.path, blanked, doc.dct, gold, doc.scored_end)
        position = end + 1
        if position >= len(text):
            break
    return doc


def _parse_dct(value: str) -> date | None:
    """ISO, or the day-first form a few MEANTIME files use (03-02-2009)."""
    if m := re.match(r"(\d{4})-(\d\d)-(\d\d)", value):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value):
        return date(int(m[3]), int(m[2]), int(m[1]))
    return None


def _is_cat(path: Path) -> bool:
    with path.open(encoding="utf-8") as handle:
        return "<Document" in handle.read(300)


def _monthday_gap(partial: str | None, dct: date) -> int | None:
    """Days between the inferred month-day (year ignored) and the true DCT."""
    m = re.fullmatch(r"(?:XXXX|\d{4})-(\d\d)-(\d\d)", partial or "")
    if not m:
        return None
    gaps = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            gaps.append(abs((date(year, int(m[1]), int(m[2])) - dct).days))
        except ValueError:
            continue
    return min(gaps, default=None)


def _value_category(gold: str, system: str) -> str:
    """A coarse reason for a wrong value, to see which conventions cost the most."""
    refs = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
    if gold in refs or system in refs:
        return "ref (PRESENT/PAST/FUTURE)"
    if equivalent_forms(gold, system):
        return "gold in a non-ISO form"
    if gold.startswith("P") != system.startswith("P"):
        return "duration vs point"
    if gold.startswith("P"):
        return "duration amount/unit"
    if gold.split("T")[0] == system.split("T")[0]:
        return "time of day / part of day"
    if "X" in gold and "X" not in system:
        return "gold underspecified (X)"
    shape = re.compile(r"\d")
    if shape.sub("9", gold) != shape.sub("9", system):
        return "granularity / format"
    if gold[:4] != system[:4]:
        return "anchor: year"
    return "anchor: same granularity"


def _categories(doc: TmlDocument, system: list[Timex]) -> Counter[str]:
    """Error categories under the scorer's one-to-one relaxed matching."""
    out: Counter[str] = Counter()
    used: set[int] = set()
    for g in doc.timexes:
        best: int | None = None
        for i, s in enumerate(system):
            if i in used or s.end <= g.start or g.end <= s.start:
                continue
            if best is None or (s.start, s.end) == (g.start, g.end):
                best = i
        if best is None:
            out["miss"] += 1
            continue
        used.add(best)
        if system[best].value != g.value:
            out[_value_category(g.value, system[best].value)] += 1
    out["false positive"] += len(system) - len(used)
    return out


def _errors(doc: TmlDocument, system: list[Timex]) -> list[str]:
    out: list[str] = []
    spans = {(s.start, s.end): s for s in system}
    gold_spans = {(g.start, g.end) for g in doc.timexes}
    for g in doc.timexes:
        s = spans.get((g.start, g.end))
        overlap = [x for x in system if x.start < g.end and g.start < x.end]
        if s is None:
            got = " | ".join(f"{x.text!r}" for x in overlap) or "-"
            out.append(
                f"MISS {doc.path.name} {doc.dct} gold={g.text!r} {g.type} {g.value} sys={got}"
            )
        elif s.value != g.value or s.type != g.type:
            out.append(
                f"VAL  {doc.path.name} {doc.dct} {g.text!r} gold={g.type} {g.value} "
                f"sys={s.type} {s.value}"
            )
    for s in system:
        if (s.start, s.end) not in gold_spans and not any(
            g.start < s.end and s.start < g.end for g in doc.timexes
        ):
            out.append(f"FP   {doc.path.name} {s.text!r} {s.type} {s.value}")
    return out


if __name__ == "__main__":
    main()
