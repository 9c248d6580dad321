"""Outlets an article cites ("reported by Reuters", "Ukrainian media reported") and the outlet
that published it when metadata does not say (a leading "OREANDA-NEWS." dateline, a
"(Reuters) -" dateline, an agency signature such as "... in an interview. RIA Novosti.").

Rules, not lists of articles: a name counts as an outlet when it is a well-known agency or
newspaper (``KNOWN_OUTLETS``), when a descriptor introduces it ("the Italian newspaper X",
"the X news agency"), or when a nationality/"local"/"state" qualifies "media"/"press".
"""

from __future__ import annotations

import re

from newsprism.model import CitedSource


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


KNOWN_OUTLETS: tuple[str, ...] = (
    "Reuters",
    "Associated Press",
    "AP",
    "AFP",
    "Agence France-Presse",
    "RIA Novosti",
    "ITAR-TASS",
    "TASS",
    "Interfax-Ukraine",
    "Interfax-Kazakhstan",
    "Interfax",
    "Xinhua",
    "Bloomberg",
    "Ukrinform",
    "UNIAN",
    "Anadolu Agency",
    "Anadolu",
    "dpa",
    "EFE",
    "ANSA",
    "Kyodo",
    "Yonhap",
    "PTI",
    "BBC",
    "CNN",
    "Al Jazeera",
    "Kazinform",
    "Tengrinews",
    "BelTA",
    "Sputnik",
    "RBC",
    "Kommersant",
    "Vedomosti",
    "Izvestia",
    "Meduza",
    "Euronews",
    "The Guardian",
    "The New York Times",
    "New York Times",
    "The Washington Post",
    "Washington Post",
    "Financial Times",
    "Wall Street Journal",
    "The Wall Street Journal",
    "Le Monde",
    "Der Spiegel",
    "Corriere della Sera",
    "La Repubblica",
    "Deutsche Welle",
    "Radio Free Europe",
    "Radio Liberty",
    "Azattyq",
    "Novaya Gazeta",
    "Gazeta.ru",
    "Lenta.ru",
    "OREANDA-NEWS",
    "NHK",
    "ABC News",
    "CBS News",
    "NBC News",
    "Fox News",
    "Sky News",
    "Politico",
    "Axios",
    "Haaretz",
    "IRNA",
    "SANA",
    "KCNA",
    "Yonhap News Agency",
    "Daily Mail",
    "The Times",
    "The Independent",
    "The Telegraph",
    "El País",
    "Asharq Al-Awsat",
    "Al Arabiya",
)
# Words that mark a capitalised name as a news outlet ("Velmar Press", "Kestrel News").
OUTLET_WORDS = _words(
    "News Press Agency Times Post Today Daily TV Radio Herald Gazette Tribune Journal Wire Info "
    "Media Telegraph Observer Courier Chronicle Express Dispatch Broadcasting Television "
    "Novosti Zeitung Gazeta"
)
# Bare "agency" is left out on purpose: "the space agency NASA", "the travel agency X".
_DESCRIPTORS = (
    r"news agency|newswire|wire service|newspaper|daily|weekly|broadcaster|"
    r"TV channel|television channel|radio station|news site|news website|"
    r"website|news portal|news outlet|outlet|magazine|tabloid"
)
_CUES_BEFORE = re.compile(
    r"(reported by|according to|citing|cited by|quoted by|told|interview with|interview to|"
    r"writes|wrote|reports|said)\W*(?:the\s+)?(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
_CUES_AFTER = re.compile(
    r"^\W{0,3}(?:'s\s+\w+\s+)?(reported|reports|said|says|wrote|writes|quoted|cited|learned|"
    r"claimed|cites|quotes|citing|news agency|agency)\b",
    re.IGNORECASE,
)
_CAP = r"[A-Z][\w'’&.\-]*[\w]"
_JOIN = r"(?:[ \t](?:(?:della|delle|de|del|di|des|du|la|le|of|the|and|al|el)[ \t])?)"
NAME = rf"(?:{_CAP}|[A-Z])(?:{_JOIN}{_CAP}){{0,4}}"
_NOT_NAMES = _words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December The He She It They On In At"
)

_KNOWN = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(n) for n in sorted(KNOWN_OUTLETS, key=len, reverse=True))
    + r")(?![\w-])"
)
_DESCRIBED = re.compile(rf"\b(?:{_DESCRIPTORS})[ \t]+(?:,[ \t])?({NAME})")
_NAMED_DESCRIPTOR = re.compile(rf"(?<![\w-])({NAME})[ \t]+(?:{_DESCRIPTORS})\b")
_MEDIA = re.compile(
    r"\b((?:[A-Z][a-z]+(?:an|ian|ese|ish|i|ch|ic)|[Ll]ocal|[Ss]tate|[Ii]ndependent|"
    r"[Oo]pposition|[Ff]oreign|[Ww]estern|[Rr]egional)"
    r"(?:[ \t](?:state|independent|opposition|local|social))?"
    r"[ \t](?:media|press|news outlets|outlets|newspapers|TV channels|television|journalists))\b"
)
# "Italian newspaper", "Ukrainian agency": a nationality, not a name.
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ian|ese|ish|ch|i|ic)|State|Local|National|Independent")
_SIGNATURE = re.compile(rf"(?:(?<=[.!?] )|(?<=[.!?][\"”] )|^)({NAME})\.[ \t]*$", re.MULTILINE)
_PAREN_DATELINE = re.compile(rf"^[^\n]{{0,80}}?\(({NAME})\)[ \t]*[-–—:]")
# "OREANDA-NEWS. Kazakh banker ...": an upper-case agency name opening the text.
_CAPS_DATELINE = re.compile(r"^\s*([A-Z][A-Z0-9]*(?:[-& ][A-Z0-9]+)*)\.\s+(?=[A-Z\"“])")
# "ALMATY, January 7 - Kazinform. ..." (the Russian and Central Asian agency style).
_AGENCY_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z\-]+(?:[ \t][A-Z][A-Za-z\-]+)?,[^\n.]{{3,30}}?[-–—][ \t]*({NAME})\."
)
_UPPER_OUTLET_WORDS = frozenset(w.upper() for w in OUTLET_WORDS)
_KNOWN_UPPER = frozenset(n.upper() for n in KNOWN_OUTLETS)


def _is_outlet_name(name: str) -> bool:
    if name in _NOT_NAMES or name.split()[0] in _NOT_NAMES:
        return False
    return bool(_KNOWN.fullmatch(name)) or any(w in OUTLET_WORDS for w in name.split())


def _is_upper_outlet_name(name: str) -> bool:
    """An all-caps dateline word is an outlet only when it says so ("OREANDA-NEWS",
    "VESTNIK-PRESS") or is a known agency ("TASS"); "MOSCOW." or "ALMA-ATA." are places."""
    parts = re.split(r"[-& ]", name)
    return name in _KNOWN_UPPER or any(part in _UPPER_OUTLET_WORDS for part in parts)


def _dateline(text: str) -> tuple[str, int, int] | None:
    """The outlet named by a dateline at the very start, with its span."""
    match = _PAREN_DATELINE.match(text)
    if match and match.group(1) not in _NOT_NAMES:
        return match.group(1), match.start(1), match.end(1)
    match = _CAPS_DATELINE.match(text)
    if match and _is_upper_outlet_name(match.group(1)):
        return match.group(1), match.start(1), match.end(1)
    match = _AGENCY_DATELINE.match(text)
    if match and _is_outlet_name(match.group(1)):
        return match.group(1), match.start(1), match.end(1)
    return None


def _signatures(text: str) -> list[tuple[str, int, int]]:
    """Agency signatures: a sentence that is only an outlet's name, closing a paragraph."""
    return [
        (m.group(1), m.start(1), m.end(1))
        for m in _SIGNATURE.finditer(text)
        # A lone outlet word ("News.") is a headline fragment, not a signature.
        if _is_outlet_name(m.group(1))
        and (len(m.group(1).split()) > 1 or _KNOWN.fullmatch(m.group(1)))
    ]


def infer_outlet(text: str) -> str:
    """The publishing outlet from a dateline or a signature in the first paragraph, else ""."""
    dateline = _dateline(text)
    if dateline:
        return dateline[0]
    first_paragraph_end = text.find("\n\n")
    limit = first_paragraph_end if first_paragraph_end >= 0 else min(len(text), 600)
    for name, start, _end in _signatures(text):
        if start < limit:
            return name
    return ""


def cited_sources(text: str, *, doc_id: str = "") -> list[CitedSource]:
    """Every outlet the text cites, with the character span of its name and the cue found."""
    found: list[CitedSource] = []
    dateline = _dateline(text)

    def add(name: str, start: int, end: int, cue: str) -> None:
        if dateline and start == dateline[1]:
            return  # the publisher's own dateline is not a citation
        for other in found:
            if start < other.end and other.start < end:
                return
        found.append(CitedSource(doc_id=doc_id, name=name.strip(), start=start, end=end, cue=cue))

    for match in _DESCRIBED.finditer(text):
        name = _trim_name(match.group(1))
        start = match.start(1) + match.group(1).find(name)
        if name and name.split()[0] not in _NOT_NAMES:
            add(name, start, start + len(name), _cue(text, match.start(), 0))
    for match in _NAMED_DESCRIPTOR.finditer(text):
        name = _trim_name(match.group(1))
        start = match.start(1) + match.group(1).find(name)
        if name and name.split()[0] not in _NOT_NAMES and not _DEMONYM.fullmatch(name):
            add(name, start, start + len(name), "agency")
    for match in _MEDIA.finditer(text):
        cue = _cue(text, match.start(), match.end())
        if cue:
            add(match.group(1), match.start(1), match.end(1), cue)
    for name, start, end in _signatures(text):
        add(name, start, end, "signature")
    for match in _KNOWN.finditer(text):
        add(
            match.group(1),
            match.start(1),
            match.end(1),
            _cue(text, match.start(), match.end()) or "mention",
        )
    found.sort(key=lambda s: s.start)
    return found


def _trim_name(name: str) -> str:
    """Drop a trailing joining word or a sentence-final period captured with the name."""
    name = re.sub(r"(?:[ \t](?:of|the|and|de|del|di|la|le))+$", "", name)
    name = re.sub(r"^The[ \t]+(?=[A-Z])", "", name)
    return name.rstrip(".")


def _cue(text: str, start: int, end: int) -> str:
    before = _CUES_BEFORE.search(text[max(0, start - 60) : start])
    if before:
        return before.group(1).lower()
    if end:
        after = _CUES_AFTER.search(text[end : end + 40])
        if after:
            return after.group(1).lower()
    if start > 0 and text[start - 1] == "(":
        return "dateline"
    return ""
