"""Who a figure is attributed to, from a language's ``source_cues`` table: the short noun phrase
that an "according to" word ("secondo", "selon", "laut", "据", "وفقا ل"), a postposition ("göre",
"によると", "के अनुसार") or a reporting verb with its subject ("il governatore di Beirut ha
parlato di", "o ministro disse que", "sagte der Minister") names, nearest the figure in its
sentence.

There is no parser here, so a source phrase is read from the words alone:

- after a preposition (or an inverted verb: "..., ha detto il ministro"): leading function words
  (``skip``) are dropped, then the head word is kept with what continues a name: capitalised
  words, ``links`` ("della", "de la", "der") followed by another word, one lower-case word before
  a link ("ministère *libanais* de la Santé");
- before a postposition, or as the subject before a verb: the last capitalised run before it,
  with links and the head before a link ("governatore di Beirut"); without a capitalised word,
  the word nearest the cue;
- in a script without capitals (Arabic, Persian, Hindi) at most ``source_words`` words; in a
  script without spaces (Chinese, Japanese) the characters up to an ``ends`` word or a
  punctuation mark.

A subject clause that opens with a relative word (``relatives``: "che", "qui", "der") names its
source before the comma ("il governatore di Beirut, che ai media locali ha parlato di 220").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Characters a source phrase never crosses: punctuation, quotes, digits (a figure).
_STOP = re.compile(r"[,;:()\[\]،؛，；：.!?。！？\"“”«»„\d、]")
# Clause boundaries a subject is searched back to (not a full stop: the sentence is the limit).
_DIGIT = re.compile(r"\d")
_CLAUSE = re.compile(r"[,;:()،؛，；：\"“”«»„、]")
# A word: letters with the marks written on them (Devanagari vowel signs are not letters).
_LETTERS = r"(?:[^\W\d_]|[\u0300-\u036f\u0900-\u0dff\u064b-\u065f\u0670])+"
_WORD = re.compile(rf"{_LETTERS}(?:['’]{_LETTERS})*(?:-{_LETTERS})*")
# Characters of a cue-to-figure distance that a cue after the figure costs more than one before
# it: "secondo X, ... 160" and "160 ..., ha detto X" are both common, the first more so.
AFTER_PENALTY = 10
# Words of a source phrase at most (a ministry with its country is four or five).
MAX_WORDS = 6
# Characters of a source phrase at most in a script without spaces.
MAX_CHARS = 16
# Characters a cue may sit from its figure, in its sentence.
REACH = 200
# Apostrophe suffixes of a name ("Bakanlığı'nın", "AFAD'ın"): the name is before them.
_SUFFIX = re.compile(r"['’]([^\W\d_]+)$")


@dataclass(frozen=True)
class SourceTables:
    before: re.Pattern[str] | None  # the source follows ("secondo", "selon", "据")
    after: re.Pattern[str] | None  # the source precedes ("göre", "によると")
    verbs: re.Pattern[str] | None  # reporting verbs, the subject before them (or right after)
    verb_subject: str  # where a verb's subject is: "before" it, "after" it (VSO), or "start"
    skip: frozenset[str]  # function words dropped at the ends of a source phrase
    links: frozenset[str]  # words inside a name ("della", "de", "der")
    relatives: frozenset[str]  # words that open a relative clause ("che", "qui")
    ends: re.Pattern[str] | None  # words that end a source phrase ("称"; "ранены" in Russian)
    elided: frozenset[str]  # skip and link words written with an apostrophe ("l'", "dell'")
    cased: bool  # the script has capitals
    spaced: bool  # words are separated by spaces
    max_words: int
    measure_cues: re.Pattern[str] | None = None  # a word saying what is counted ends a source
    non_sources: re.Pattern[str] | None = None  # heads naming a document ("bilan", "cifras")
    articles: frozenset[str] = frozenset()  # an inverted subject opens with one ("il", "der")


def compile_sources(
    spec: dict[str, Any], compile_words: Callable[..., re.Pattern[str] | None],
    key: Callable[[str], str], anywhere: bool, measure_cues: re.Pattern[str] | None = None,
) -> SourceTables | None:
    """The ``source_cues`` table of a language compiled (``compile_words`` and ``key`` fold the
    words like the language's other tables); None when the language has none."""
    if not spec:
        return None
    skip = frozenset(key(w) for w in spec.get("skip", []))
    links = frozenset(part for w in spec.get("links", []) for part in key(w).split())
    spaced = bool(spec.get("spaced", True))
    # Cues are matched like the language's measure cues: word beginnings (whole words with a
    # final "$") in a word language, anywhere in a word where clitics glue ("وفقا لوزارة",
    # "보건부에 따르면").
    return SourceTables(
        before=compile_words(spec.get("before", []), anywhere),
        after=compile_words(spec.get("after", []), anywhere),
        verbs=compile_words(spec.get("verbs", []), anywhere),
        verb_subject=spec.get("verb_subject", "before"),
        skip=skip,
        links=links,
        relatives=frozenset(key(w) for w in spec.get("relatives", [])),
        ends=compile_words(spec.get("ends", []), not spaced, prefix_ok=not spaced),
        elided=frozenset(w for w in skip | links if w.endswith("'")),
        cased=bool(spec.get("cased", True)),
        spaced=spaced,
        max_words=int(spec.get("max_words", MAX_WORDS)),
        measure_cues=measure_cues,
        non_sources=compile_words(spec.get("non_sources", []), anywhere),
        articles=frozenset(key(w) for w in spec.get("articles", [])),
    )


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    kind: str  # "before", "after" or "verb"


def cues_in(tables: SourceTables, folded: str, start: int, end: int) -> list[_Cue]:
    """The source cues of the sentence ``[start, end)``, in text order."""
    found: list[_Cue] = []
    for kind, pattern in (("before", tables.before), ("after", tables.after),
                          ("verb", tables.verbs)):
        if pattern is not None:
            found.extend(
                _Cue(m.start(), m.end(), kind) for m in pattern.finditer(folded, start, end)
            )
    return sorted(found, key=lambda c: c.start)


def attribution(
    tables: SourceTables, text: str, folded: str, cues: list[_Cue],
    sentence: tuple[int, int], figure: tuple[int, int],
) -> str:
    """The source the nearest cue of the sentence names for the figure at ``figure``; "" when
    no cue names one."""
    ranked: list[tuple[int, _Cue]] = []
    for cue in cues:
        if cue.end <= figure[0]:
            distance = figure[0] - cue.end
        elif cue.start >= figure[1]:
            distance = cue.start - figure[1] + AFTER_PENALTY
        else:
            continue
        if distance <= REACH:
            ranked.append((distance, cue))
    for _, cue in sorted(ranked, key=lambda r: r[0]):
        source = _source(tables, text, folded, cue, sentence)
        if source:
            return source
    return ""


def _source(
    tables: SourceTables, text: str, folded: str, cue: _Cue, sentence: tuple[int, int]
) -> str:
    if cue.kind == "before":
        return _phrase_after(tables, text, folded, cue.end, sentence[1])
    if cue.kind == "after":
        return _phrase_before(tables, text, folded, _clause_start(folded, sentence[0], cue.start),
                              cue.start)
    if tables.verb_subject == "after":
        found = _phrase_after(tables, text, folded, cue.end, sentence[1])
        if found:
            return found
    if tables.verb_subject == "start":
        # A verb-final language names the speaker first, set off by a comma or with a name
        # ("Bakan Koca, ... söyledi"), not "Depremde 100 kişi öldü".
        found = _phrase_after(tables, text, folded, sentence[0], cue.start)
        first_stop = _STOP.search(folded, sentence[0], cue.start)
        set_off = first_stop is not None and first_stop.group() == "," and len(
            _words(folded, sentence[0], first_stop.start())
        ) <= tables.max_words
        named = any(w[:1].isupper() for w in found.split()[1:])
        return found if named or set_off else ""
    clause = _clause_start(folded, sentence[0], cue.start)
    before = _words(folded, clause, cue.start, tables.elided)
    if not [w for w in before if w[2] not in tables.skip]:
        previous = _clause_start(folded, sentence[0], clause - 1) if clause > sentence[0] else 0
        if clause > sentence[0] and not _DIGIT.search(folded, previous, clause):
            # "O ministro, João Silva, disse que ...": the subject is before the comma.
            return _phrase_before(tables, text, folded, previous, clause - 1)
        following = _words(folded, cue.end, _limit(folded, cue.end, sentence[1]), tables.elided)
        if following and following[0][2] in tables.relatives:
            return ""  # "..., disse que": the speaker is not in this sentence
        # "160 morti, ha detto il ministro", "sagte der Minister": the verb opens its clause;
        # its subject opens with an article or a name ("a annoncé à midi" names no one).
        if tables.articles and following and following[0][2] not in tables.articles and \
                not _capitalised(text, following[0]):
            return ""
        return _phrase_after(tables, text, folded, cue.end, sentence[1])
    if before[0][2] in tables.relatives and clause > sentence[0]:
        previous = _clause_start(folded, sentence[0], clause - 1)
        return _phrase_before(tables, text, folded, previous, clause - 1)
    return _phrase_before(tables, text, folded, clause, cue.start)


def _clause_start(folded: str, sentence_start: int, at: int) -> int:
    last = sentence_start
    for m in _CLAUSE.finditer(folded, sentence_start, at):
        last = m.end()
    return last


def _words(
    folded: str, start: int, end: int, elided: frozenset[str] = frozenset()
) -> list[tuple[int, int, str]]:
    """The words of ``folded[start:end]``; an elided article or link ("l'", "dell'") is a word
    of its own."""
    found: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(folded, start, end):
        word = m.group()
        cut = word.find("'") + 1
        if cut > 0 and word[:cut] in elided:
            found.append((m.start(), m.start() + cut, word[:cut]))
            found.append((m.start() + cut, m.end(), word[cut:]))
        else:
            found.append((m.start(), m.end(), word))
    return found


def _limit(folded: str, start: int, end: int) -> int:
    stop = _STOP.search(folded, start, end)
    return stop.start() if stop else end


def _phrase_after(
    tables: SourceTables, text: str, folded: str, start: int, end: int
) -> str:
    """The noun phrase that starts at ``start`` (after a preposition or an inverted verb)."""
    while start < end and folded[start] == " ":
        start += 1
    limit = _limit(folded, start, end)
    if not tables.spaced:
        stop = tables.ends.search(folded, start, limit) if tables.ends else None
        return _clean(text[start : min(stop.start() if stop else limit, start + MAX_CHARS)])
    words = _words(folded, start, limit, tables.elided)
    while words and words[0][2] in tables.skip:
        words.pop(0)
    if tables.non_sources is not None:
        # "selon les chiffres du ministère": the document's issuer is the source
        while words and tables.non_sources.match(folded, words[0][0]):
            words.pop(0)
            while words and words[0][2] in tables.links | tables.skip:
                words.pop(0)
    if tables.measure_cues is not None:
        counted = [i for i, w in enumerate(words) if tables.measure_cues.match(folded, w[0])]
        if counted and counted[0] == 0:
            return ""  # "selon un bilan provisoire": a count, not who counted
        words = words[: counted[0]] if counted else words
    if tables.ends is not None:
        ended = [i for i, w in enumerate(words) if tables.ends.match(folded, w[0])]
        words = words[: ended[0]] if ended else words
    if not words or (words[0][0] > start and _STOP.search(folded, start, words[0][0])):
        return ""
    if not tables.cased:
        kept = words[: tables.max_words]
        while kept and kept[-1][2] in tables.skip | tables.links:
            kept.pop()
        return _span(text, kept)
    kept = [words[0]]
    k = 1
    while k < len(words) and len(kept) < tables.max_words:
        word = words[k]
        if _capitalised(text, word):
            kept.append(word)
            k += 1
            continue
        # "de la Santé", "do Líbano": links then a word
        n = k
        while n < len(words) and (
            words[n][2] in tables.links or (n > k and words[n][2] in tables.skip)
        ):
            n += 1
        if n > k and n < len(words) and words[n][2] not in tables.skip:
            kept.extend(words[k : n + 1])
            k = n + 1
            continue
        # "ministère libanais de la Santé": one lower-case word before a link
        if len(kept) == 1 and k + 1 < len(words) and words[k + 1][2] in tables.links:
            kept.append(word)
            k += 1
            continue
        break
    return _span(text, kept[: tables.max_words])


def _phrase_before(
    tables: SourceTables, text: str, folded: str, start: int, end: int
) -> str:
    """The noun phrase that ends before ``end`` (before a postposition, or a verb's subject),
    searched back to ``start``."""
    region = start
    stops = list(_STOP.finditer(folded, start, end))
    if stops:
        start = stops[-1].end()
    if not tables.spaced:
        # "据黎巴嫩卫生部称": the source is after the preposition that opens it.
        while start > region and folded[start - 1].isdigit() and folded[start:start + 1] in \
                tables.skip:
            # "副总统奥克塔伊2月9日在新闻发布会上表示": the source is before the date
            end = start - 1
            while end > region and folded[end - 1].isdigit():
                end -= 1
            earlier = list(_STOP.finditer(folded, region, end))
            start = earlier[-1].end() if earlier else region
        opening = list(tables.before.finditer(folded, start, end)) if tables.before else []
        if opening:
            start = opening[-1].end()
        return _clean(text[max(start, end - MAX_CHARS) : end])
    words = _words(folded, start, end, tables.elided)
    while words and words[-1][2] in tables.skip:
        words.pop()
    if not words:
        return ""
    if not tables.cased:
        kept = words[-tables.max_words :]
        while kept and kept[0][2] in tables.skip | tables.links:
            kept.pop(0)
        return _named(tables, folded, text, kept)
    # A capital that only opens the sentence ("Cifre che ...") does not make a name.
    capitals = [
        i for i, w in enumerate(words)
        if _capitalised(text, w) and w[2] not in tables.skip
        and not (_opens_sentence(text, w[0]) and not _next_capitalised(text, words, i))
    ]
    last = capitals[-1] if capitals else len(words) - 1
    first = last
    while first > 0:
        if capitals and _capitalised(text, words[first - 1]) and \
                words[first - 1][2] not in tables.skip:
            first -= 1
            continue
        n = first - 1
        while n >= 0 and (words[n][2] in tables.links or (n < first - 1 and
                                                          words[n][2] in tables.skip)):
            n -= 1
        if n < first - 1 and n >= 0 and words[n][2] not in tables.skip | tables.links:
            first = n  # "governatore di Beirut", "ministero della Salute": the head before a link
            if capitals and _capitalised(text, words[n]):
                continue
            if first > 0 and words[first - 1][2] not in tables.skip | tables.links:
                first -= 1  # "agenzia regionale della Protezione": the noun its adjective follows
        break
    # Lower-case words after the name ("Bakanlığı'nın açıklamasına göre") are not the source.
    kept = words[first : last + 1][-tables.max_words :]
    while kept and kept[0][2] in tables.skip:
        kept.pop(0)
    return _named(tables, folded, text, kept)


def _named(
    tables: SourceTables, folded: str, text: str, kept: list[tuple[int, int, str]]
) -> str:
    """The phrase of ``kept`` unless its head names a document or a count ("rakamlara göre",
    "the figures"), not who gave them."""
    if kept and tables.non_sources is not None and tables.non_sources.match(folded, kept[0][0]):
        return ""
    return _span(text, kept)


def _capitalised(text: str, word: tuple[int, int, str]) -> bool:
    return text[word[0]].isupper()


def _opens_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t\"'“”«»„")
    return not before or before[-1] in ".!?\n。"


def _next_capitalised(text: str, words: list[tuple[int, int, str]], i: int) -> bool:
    return i + 1 < len(words) and _capitalised(text, words[i + 1])


def _span(text: str, words: list[tuple[int, int, str]]) -> str:
    if not words:
        return ""
    return _clean(text[words[0][0] : words[-1][1]])


def _clean(phrase: str) -> str:
    phrase = " ".join(phrase.split())
    suffix = _SUFFIX.search(phrase)
    if suffix and suffix.group(1).islower():
        phrase = phrase[: suffix.start()]  # "Bakanlığı'nın": not "dell'Onu"
    return phrase
