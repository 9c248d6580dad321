"""Where a time-expression rule can start: a cheap pre-filter that gives the same matches as
``pattern.finditer(text)`` while trying the pattern only at the few positions that can start one.

Why: the tagger has some fifty rules and a regex scan tries each of them at every word start of
the text, which made the dates component the costliest part of its own extraction. Each rule
opens with ``(?<![\\w-])`` (a word start), so a match can only start at a word start whose first
``PREFIX_LENGTH`` characters are one of the rule's possible openings. Those openings are read off
the compiled pattern's parse tree once, at import; on a text, one scan collects the word starts
and a dictionary lookup on their first characters says which rules to try there.

The openings over-approximate (lookarounds are ignored, every case variant is allowed, large
character classes end an opening), so the filter never drops a position where the rule matches;
trying ``pattern.match`` at the kept positions, left to right and skipping those inside the last
match, is exactly what ``finditer`` does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

# The parse tree is the only place the openings can be read from, and its modules are private:
# on a Python without them (or with a tree of another shape) every rule is scanned in full, which
# gives the same matches, only slower.
try:
    import re._constants as sre_c
    import re._parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.11 to 3.13 have both
    sre_c = sre_parse = None  # type: ignore[assignment]

# How many characters of a word start are compared with the rules' openings. Longer tells rules
# sharing a first word apart ("the week" / "the year") but multiplies the openings to list;
# 6 was the fastest of 3-8 on 200 PolNeAR articles.
PREFIX_LENGTH = 6
# A character class with more members than this ends an opening (as if any character followed):
# listing every letter would multiply the openings for little filtering.
MAX_CLASS_SIZE = 12
# A rule with more openings than this is scanned in full (none comes close today).
MAX_OPENINGS = 50_000
# Cached lookups of the characters at a word start (3,600 distinct on 1,100 PolNeAR texts; at
# most a few MB).
CACHE_SIZE = 50_000

# Characters that an IGNORECASE pattern matches against an ASCII letter although their lower
# case is not that letter (Python's re docs: U+0130, U+0131, U+017F, U+212A; U+0130 is also the
# only character whose lower case is longer). A text holding any of them is scanned in full, so
# the lower-cased comparison stays a superset.
_FOLDING_OUTLIERS = re.compile("[\u0130\u0131\u017f\u212a]")
_SPACE = re.compile(r"\s")
_DIGIT = re.compile(r"\d")
_WORD_START_GUARD = "(?<![\\w-])"


def _canon_char(ch: str) -> str:
    """One representative per class the openings distinguish: any white space is " ", any
    decimal digit "0", letters in lower case (what ``\\s``, ``\\d`` and IGNORECASE match)."""
    if ch.isspace():
        return " "
    if ch.isdecimal():
        return "0"
    return ch.lower()


def canonical(text: str) -> str:
    """``text`` with :func:`_canon_char` applied to every character (same length unless the
    text holds U+0130, the one character whose lower case is two: see _FOLDING_OUTLIERS)."""
    return _DIGIT.sub("0", _SPACE.sub(" ", text.lower()))


class _Openings:
    """The set of strings (at most ``PREFIX_LENGTH`` long, canonical) a match can start with; a
    shorter one means any characters may follow it."""

    def __init__(self, length: int) -> None:
        self.length = length
        self.done: set[str] = set()
        self.unbounded = False  # some match may open with anything

    def close(self, opens: set[str]) -> set[str]:
        if "" in opens:
            self.unbounded = True
        self.done |= opens
        return set()

    def extend(self, opens: set[str], chars: set[str]) -> set[str]:
        grown: set[str] = set()
        for head in opens:
            for ch in chars:
                grown.add(head + ch)
        full = {s for s in grown if len(s) >= self.length}
        self.done |= full
        return grown - full

    def sequence(self, items: Sequence[tuple[object, object]], opens: set[str]) -> set[str]:
        for op, arg in items:
            if not opens:
                break
            opens = self.item(op, arg, opens)
        return opens

    def item(self, op: object, arg: object, opens: set[str]) -> set[str]:
        if op is sre_c.LITERAL:
            return self.extend(opens, {_canon_char(chr(arg))})  # type: ignore[arg-type]
        if op is sre_c.IN:
            chars = _class_chars(arg)  # type: ignore[arg-type]
            return self.close(opens) if chars is None else self.extend(opens, chars)
        if op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
            return opens  # zero width: ignoring it can only allow more
        if op is sre_c.BRANCH:
            out: set[str] = set()
            for alternative in arg[1]:  # type: ignore[index]
                out |= self.sequence(alternative, set(opens))
            return out
        if op is sre_c.SUBPATTERN:
            return self.sequence(arg[3], opens)  # type: ignore[index]
        if op is sre_c.ATOMIC_GROUP:
            return self.sequence(arg, opens)  # type: ignore[arg-type]
        if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
            low, high, body = arg  # type: ignore[misc]
            if body.getwidth()[0] == 0:
                return self.close(opens)  # a repeat that may not advance: give up here
            result: set[str] = set()
            count = 0
            while opens:
                if count >= low:
                    result |= opens
                if count == high:
                    break
                opens = self.sequence(body, opens)
                count += 1
            return result
        return self.close(opens)  # anything else (back-references, ...): any continuation


def _class_chars(items: Sequence[tuple[object, object]]) -> set[str] | None:
    """The canonical characters a character class matches, or None when too many to list."""
    chars: set[str] = set()
    for op, arg in items:
        if op is sre_c.NEGATE:
            return None
        if op is sre_c.LITERAL:
            chars.add(_canon_char(chr(arg)))  # type: ignore[arg-type]
        elif op is sre_c.RANGE:
            low, high = arg  # type: ignore[misc]
            if high - low > 4 * MAX_CLASS_SIZE:
                return None
            chars |= {_canon_char(chr(c)) for c in range(low, high + 1)}
        elif op is sre_c.CATEGORY and arg in (sre_c.CATEGORY_DIGIT, sre_c.CATEGORY_UNI_DIGIT):
            chars.add("0")
        elif op is sre_c.CATEGORY and arg in (sre_c.CATEGORY_SPACE, sre_c.CATEGORY_UNI_SPACE):
            chars.add(" ")
        else:
            return None
    return None if len(chars) > MAX_CLASS_SIZE else chars


def openings(pattern: re.Pattern[str], length: int = PREFIX_LENGTH) -> set[str] | None:
    """The canonical strings every match of ``pattern`` starts with (see :class:`_Openings`),
    or None when a match may start with anything."""
    if sre_parse is None:
        return None
    found = _Openings(length)
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        found.close(found.sequence(list(tree), {""}))
    except (AttributeError, TypeError, ValueError):  # a parse tree of another shape
        return None
    if found.unbounded or len(found.done) > MAX_OPENINGS:
        return None
    return found.done


class StartFilter:
    """Finds the matches of many word-start patterns in a text, trying each pattern only where
    one of its openings stands: ``finditer(i, text, positions(text))`` yields exactly the matches
    ``patterns[i].finditer(text)`` would."""

    def __init__(self, patterns: Sequence[re.Pattern[str]], length: int = PREFIX_LENGTH) -> None:
        self.patterns = list(patterns)
        self.length = length
        self.table: dict[str, list[int]] = {}
        self.scanned: set[int] = set()  # patterns that are always scanned in full
        for index, pattern in enumerate(self.patterns):
            found = openings(pattern, length)
            # the filter relies on the word-start guard and on matches never being empty
            guarded = pattern.pattern.startswith(_WORD_START_GUARD)
            # and on no opening starting with white space (word starts never do)
            if found is not None and any(o[:1] in ("", " ") for o in found):
                found = None
            if found is None or not guarded or _min_width(pattern) == 0:
                self.scanned.add(index)
                continue
            for opening in found:
                self.table.setdefault(opening, []).append(index)
        self.lengths = sorted({len(k) for k in self.table})
        self._cache: dict[str, tuple[int, ...]] = {}
        # the word starts where any opening stands, found in one scan: nine in ten word starts
        # open no rule, and a regex over a trie of the openings skips them without Python work
        self._opening_starts = re.compile(
            _WORD_START_GUARD + "(?=" + _trie_pattern(self.table) + ")", re.IGNORECASE
        )

    def _rules_at(self, raw: str) -> tuple[int, ...]:
        """The patterns that may match where ``raw`` (the text's next characters) stands."""
        cached = self._cache.get(raw)
        if cached is None:
            key = canonical(raw)
            hits: set[int] = set()
            for size in self.lengths:
                if size > len(key):
                    break
                hits.update(self.table.get(key[:size], ()))
            cached = tuple(sorted(hits))
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            self._cache[raw] = cached
        return cached

    def positions(self, text: str) -> list[list[int]] | None:
        """Per pattern, the word starts where it may match (ascending); None when the text must
        be scanned in full."""
        if _FOLDING_OUTLIERS.search(text):
            return None
        per_pattern: list[list[int]] = [[] for _ in self.patterns]
        length = self.length
        for m in self._opening_starts.finditer(text):
            start = m.start()
            for index in self._rules_at(text[start : start + length]):
                per_pattern[index].append(start)
        return per_pattern

    def finditer(
        self, index: int, text: str, per_pattern: list[list[int]] | None
    ) -> Iterator[re.Match[str]]:
        """What ``self.patterns[index].finditer(text)`` yields, given ``positions(text)``."""
        pattern = self.patterns[index]
        if per_pattern is None or index in self.scanned:
            yield from pattern.finditer(text)
            return
        end = 0
        for start in per_pattern[index]:
            if start < end:
                continue  # finditer goes on after the last match
            m = pattern.match(text, start)
            if m is not None:
                end = m.end()
                yield m


def _trie_pattern(openings: Iterable[str]) -> str:
    """A regular expression matching any text whose canonical form (see :func:`canonical`)
    starts with one of ``openings``: a trie, so the engine reads each character once. Use it
    with IGNORECASE (letters are canonical in lower case)."""
    trie: dict[str, dict] = {}
    for opening in openings:
        node = trie
        for ch in opening:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        if "" in node:
            return ""  # this opening is complete: whatever follows
        alternatives = [_CLASS_OF.get(ch, re.escape(ch)) + emit(child)
                        for ch, child in sorted(node.items())]  # fmt: skip
        return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"

    return emit(trie)


# the text characters a canonical character stands for (see _canon_char)
_CLASS_OF = {"0": r"\d", " ": r"\s"}


def _min_width(pattern: re.Pattern[str]) -> int:
    return sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[0]
