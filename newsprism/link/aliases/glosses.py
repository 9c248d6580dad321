"""Glosses: an article that gives a name's other form joins the two forms for the corpus.

News glosses an organisation's name with its acronym, its official name or its name in another
language, in brackets ("the Syrian Civil Defence (White Helmets)", "Afet ve Acil Durum Yönetimi
Başkanlığı (AFAD)", "災害緊急事態対策庁(AFAD)") or with "known as" ("the White Helmets,
officially known as the Syria Civil Defence"), and a person's name with its form in another
script ("Hassan Diab (حسان دياب)"). One side must be a name the corpus already has (a mention's
name node, or a node of that spelling); the other is that mention's name too, or the name-shaped
words there: a run of capitalised words in a cased script, a run of kanji and katakana in
Japanese or Chinese. Places are left out (a bracketed place after a name says where it is:
"Antakya (Hatay)"), and a person's gloss must be in another script (a bracketed party or
initials after a person are no alias of them). Each merge keeps the sentence's words as its
evidence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from newsprism.link.aliases.forms import _key_of, _Node, _UnionFind
from newsprism.link.translit import skeleton
from newsprism.model import Document

# Classes a gloss may join (places are qualified in brackets, not glossed).
GLOSSED_CLASSES = frozenset({"ORG", "FAC", "PERSON"})
# Longest name read off either side of a gloss, in words.
MAX_GLOSS_WORDS = 8
# The words that say "is also called", by language, lower case; the name follows them.
KNOWN_AS = (
    "officially known as", "also known as", "better known as", "formerly known as", "known as",
    "also called", "connu sous le nom de", "connue sous le nom de", "conocido como",
    "conocida como", "conhecido como", "conhecida como", "noto come", "nota come",
    "conosciuto come", "conosciuta come", "auch bekannt als", "bekannt als", "ook bekend als",
    "bekend als", "также известная как", "также известный как", "известная как",
    "известный как", "المعروفة باسم", "المعروف باسم", "通称", "通稱", "又称", "又稱", "简称",
    "簡稱",
)
# The phrases alone (a search that starts only where one of their first letters is), then
# what may stand between them and the names around them.
_KNOWN_AS = re.compile(
    "|".join(re.escape(k) for k in sorted(KNOWN_AS, key=len, reverse=True)), re.IGNORECASE)
# Words one of which each phrase holds: most texts hold none, and are not searched further.
_KNOWN_AS_STEMS = ("known", "called", "con", "not", "bekan", "bekend", "известн", "المعروف",
                   "通称", "通稱", "又称", "又稱", "简称", "簡稱")
_BEFORE_KNOWN_AS = re.compile(r"\s*,?\s*$")
_AFTER_KNOWN_AS = re.compile(
    r"\s*(?:the\s+|les?\s+|la\s+|die\s+|der\s+|de\s+|el\s+|il\s+|lo\s+|o\s+|a\s+)?"
    r"[\"'“”«„「『]?", re.IGNORECASE)
_OPENING = re.compile(r"[(（]")
_CLOSE = ")）"
# Quotes that may stand around either side ("«Casques blancs» (White Helmets)").
_QUOTES = "\"'“”«»„「」『』"
_CJK_NAME_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u30a0-\u30ff・·]")
# Short lower-case words a capitalised name may hold ("Afet ve Acil Durum", "Ministry of
# Health", "Banque du Liban").
_NAME_JOINERS = frozenset({
    "of", "and", "the", "for", "de", "du", "des", "la", "le", "del", "della", "di", "der", "und",
    "für", "van", "voor", "en", "et", "y", "e", "ve", "и", "по", "і", "для", "al", "el",
})
# Articles, and the words after which an article is inside a name.
_ARTICLES = frozenset({"the", "la", "le", "les", "der", "die", "das", "el", "il", "lo"})
_OF = frozenset({"of", "de", "du", "des", "di", "della", "del", "van", "von"})
_WORD = re.compile(r"[^\W\d_][^\W\d_'’.\-]*", re.UNICODE)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _cased(text: str) -> bool:
    return any(c.lower() != c.upper() for c in text)


def _script(text: str) -> str:
    """The first script of a text's letters ('LATIN', 'ARABIC', 'CJK', ...)."""
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            if "CJK" in name or "KATAKANA" in name or "HIRAGANA" in name:
                return "CJK"
            return name.split(" ", 1)[0]
    return ""


def _name_before(text: str, end: int) -> tuple[int, int] | None:
    """The name-shaped words ending at ``end`` (quotes and spaces before it skipped): a run of
    capitalised words (short joiners inside) or a run of kanji and katakana."""
    stop = end
    while stop > 0 and (text[stop - 1].isspace() or text[stop - 1] in _QUOTES):
        stop -= 1
    if stop and _CJK_NAME_CHAR.match(text[stop - 1]):
        start = stop
        while start and _CJK_NAME_CHAR.match(text[start - 1]):
            start -= 1
        return (start, stop) if stop - start >= 2 else None
    words = list(_WORD.finditer(text, max(0, stop - 200), stop))
    if not words or words[-1].end() != stop or not _cased(words[-1].group(0)):
        return None
    chosen: list[re.Match[str]] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        gap = text[word.end():chosen[-1].start()] if chosen else ""
        if chosen and not re.fullmatch(r"[ \-]", gap):
            break
        lowered = word.group(0).lower()
        if lowered in _ARTICLES and not (i and words[i - 1].group(0).lower() in _OF):
            break  # "the" starts a name's phrase unless after "of" ("Ministry of the Interior")
        if _capitalised(word.group(0)) or (chosen and lowered in _NAME_JOINERS):
            chosen.append(word)
        else:
            break
        if len(chosen) > MAX_GLOSS_WORDS:
            return None
    while chosen and (not _capitalised(chosen[-1].group(0))
                      or chosen[-1].group(0).lower() in _NAME_JOINERS):
        chosen.pop()  # a joiner cannot start a name ("The", "Of")
    if not chosen:
        return None
    return chosen[-1].start(), stop


def _name_from(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name-shaped words from ``start`` (quotes skipped) up to ``end`` at most: capitalised
    words in a cased script, kanji and katakana in Japanese and Chinese."""
    while start < end and (text[start].isspace() or text[start] in _QUOTES):
        start += 1
    if start < end and _CJK_NAME_CHAR.match(text[start]):
        stop = start
        while stop < end and _CJK_NAME_CHAR.match(text[stop]):
            stop += 1
        return (start, stop) if stop - start >= 2 else None
    words = list(_WORD.finditer(text, start, end))
    if not words or words[0].start() != start or not _capitalised(words[0].group(0)):
        return None
    chosen = [words[0]]
    for word in words[1:]:
        gap = text[chosen[-1].end():word.start()]
        if not re.fullmatch(r"[ \-]", gap) or not (
                _capitalised(word.group(0)) or word.group(0).lower() in _NAME_JOINERS):
            break
        chosen.append(word)
    while chosen and not _capitalised(chosen[-1].group(0)):
        chosen.pop()
    if len(chosen) > MAX_GLOSS_WORDS:
        return None
    return start, chosen[-1].end()


def _glosses(text: str) -> list[tuple[tuple[int, int], tuple[int, int], str]]:
    """(first name span, its gloss span, how) of the brackets and "known as" of a text."""
    found: list[tuple[tuple[int, int], tuple[int, int], str]] = []
    for opening in _OPENING.finditer(text):
        i = opening.start()
        close = min((j for j in (text.find(c, i + 1, i + 120) for c in _CLOSE) if j > 0),
                    default=-1)
        if close < 0:
            continue
        inner = _name_from(text, i + 1, close)
        before = _name_before(text, i)
        if inner is None or before is None:
            continue
        if text[inner[1]:close].strip(" " + _QUOTES):
            continue  # more than a name in the brackets: a description, a date, a source
        found.append((before, inner, "in brackets"))
    lowered = text.lower()
    if not any(stem in lowered for stem in _KNOWN_AS_STEMS):
        return found
    for match in _KNOWN_AS.finditer(text):
        lead = _BEFORE_KNOWN_AS.search(text, max(0, match.start() - 4), match.start())
        start = lead.start() if lead is not None else match.start()
        tail = _AFTER_KNOWN_AS.match(text, match.end())
        end = tail.end() if tail is not None else match.end()
        before = _name_before(text, start)
        after = _name_from(text, end, min(len(text), end + 200))
        if before is not None and after is not None:
            found.append((before, after, "known as"))
    return found


# A gloss of a person's name in their own script ("Syrian Civil Defense (White Helmets)" where
# the tagger took the first for a person) counts when this many articles give it.
WEAK_GLOSS_ARTICLES = 2


def gloss_merges(
    documents: Mapping[str, Document], nodes: dict[str, _Node],
    keys: dict[tuple[str, int, int], str], uf: _UnionFind, evidence: dict[str, list[str]],
) -> None:
    """Join the two forms of each gloss of the corpus (see the module's docstring)."""
    ends: dict[tuple[str, int], str] = {}
    starts: dict[tuple[str, int], str] = {}
    for (doc_id, start, end), key in keys.items():
        ends.setdefault((doc_id, end), key)
        starts.setdefault((doc_id, start), key)
    # (root of the known side, spelling of the other) -> the articles giving that weak gloss
    weak: dict[tuple[str, str],
               list[tuple[str, str, str | None, tuple[int, int], str, str]]] = {}
    for doc_id in sorted(documents):
        text = documents[doc_id].text
        for (a_start, a_end), (b_start, b_end), how in _glosses(text):
            a_text, b_text = text[a_start:a_end], text[b_start:b_end]
            a_key = ends.get((doc_id, a_end)) or starts.get((doc_id, a_start))
            b_key = starts.get((doc_id, b_start)) or ends.get((doc_id, b_end))
            a_key = a_key if a_key in nodes else _existing(nodes, a_text, b_key)
            b_key = b_key if b_key in nodes else _existing(nodes, b_text, a_key)
            known = a_key or b_key
            if known is None or a_key == b_key:
                continue
            cls = nodes[known].cls
            if cls not in GLOSSED_CLASSES:
                continue
            if a_key and b_key and nodes[a_key].cls != nodes[b_key].cls:
                # the tagger's label differs between the two: several articles must say it
                if nodes[a_key].cls in GLOSSED_CLASSES and nodes[b_key].cls in GLOSSED_CLASSES:
                    pair = tuple(sorted((uf.find(a_key), uf.find(b_key))))
                    weak.setdefault((pair[0], pair[1]), []).append(
                        (doc_id, a_key, b_key, (b_start, b_end), b_text,
                         f"gloss ({how}): {a_text!r} = {b_text!r} in {doc_id}"))
                continue
            same_script = _script(a_text) == _script(b_text)
            new = (b_start, b_end, b_text) if a_key else (a_start, a_end, a_text)
            if same_script and not _name_like(new[2]):
                continue  # one new word beside a name is as often a source ("Sunday (AFP)")
            why = f"gloss ({how}): {a_text!r} = {b_text!r} in {doc_id}"
            if cls == "PERSON" and (same_script or _script(new[2]) == "CJK"):
                # a person's gloss is their name in another script (a party, an office or
                # a Chinese title run together with the name is not); the same words given
                # by several articles are a name of theirs
                other = b_key if a_key and b_key else None
                if other is not None:
                    pair = tuple(sorted((uf.find(known), uf.find(other))))
                    weak.setdefault((pair[0], pair[1]), []).append(
                        (doc_id, known, other, new[:2], new[2], why))
                    continue
                spelling = skeleton(new[2]) or new[2]
                weak.setdefault((uf.find(known), spelling), []).append(
                    (doc_id, known, None, new[:2], new[2], why))
                continue
            a_key = a_key or _new_node(nodes, keys, uf, doc_id, a_start, a_end, a_text, cls)
            b_key = b_key or _new_node(nodes, keys, uf, doc_id, b_start, b_end, b_text, cls)
            _join(nodes, uf, evidence, a_key, b_key, why)
    for found in weak.values():
        if len({doc_id for doc_id, *_ in found}) < WEAK_GLOSS_ARTICLES:
            continue
        for doc_id, known, other, (start, end), text, why in found:
            cls = nodes[known].cls
            _join(nodes, uf, evidence, known, other or _new_node(
                nodes, keys, uf, doc_id, start, end, text, cls), why)


def _name_like(text: str) -> bool:
    """Several words, or an acronym: what a new name in a name's own script must be."""
    return len(text.split()) >= 2 or (len(text) >= 2 and text.isupper())


def _existing(nodes: Mapping[str, _Node], surface: str, other: str | None) -> str | None:
    """A node of this spelling in the other side's class (or any glossed class)."""
    classes = [nodes[other].cls] if other in nodes else sorted(GLOSSED_CLASSES)
    for cls in classes:
        found = _key_of(surface, cls)
        if found is not None and found[1] in nodes:
            return found[1]
    return None


def _new_node(nodes: dict[str, _Node], keys: dict[tuple[str, int, int], str], uf: _UnionFind,
              doc_id: str, start: int, end: int, surface: str, cls: str) -> str:
    found = _key_of(surface, cls)
    if found is None:
        # a name in a script the spelling skeleton does not read (Japanese, Chinese, Arabic)
        found = (cls, f"{cls}|{surface}")
    key = found[1]
    node = nodes.setdefault(key, _Node(key=key, cls=cls, trusted=False))
    node.surfaces[surface] += 1
    node.labels[cls if cls != "PLACE" else "GPE"] += 1
    node.docs.add(doc_id)
    keys.setdefault((doc_id, start, end), key)
    uf.find(key)
    return key


def _join(nodes: Mapping[str, _Node], uf: _UnionFind, evidence: dict[str, list[str]],
          a: str, b: str, why: str) -> None:
    root_a, root_b = uf.find(a), uf.find(b)
    if root_a == root_b:
        return
    # the better-attested name stays the root (its class and label name the entity)
    weight_a = (nodes[root_a].trusted, sum(nodes[root_a].surfaces.values()))
    weight_b = (nodes[root_b].trusted, sum(nodes[root_b].surfaces.values()))
    if weight_a >= weight_b:
        uf.parent[root_b] = root_a
    else:
        uf.parent[root_a] = root_b
    evidence[a].append(why)
    evidence[b].append(why)
