"""A cheap translation-noise score: how much an English text looks machine-translated.

Counts surface signals that fluent edited English almost never shows, per 100 words:
- glued words ("announceWhich", "mentionedThe"): a lowercase run directly followed by a
  capitalised word;
- capitalised function words in mid-sentence ("the name of the thing Himself", "suffer More
  than", "how mentioned At the");
- a stray first-person "I" in narrative position ("rallies I slept in riots", "Ablyazov I
  confesswhich"), i.e. "I" right after a noun-like word rather than after a conjunction, verb
  of saying or sentence start;
- broken quotation marks (a paragraph whose curly quotes do not pair up, or “ ... “ opening
  twice);
- sentences that start in lowercase after a full stop, and untranslated residue (Cyrillic
  letters inside English text, "<...>" cut markers).
The score saturates: ``min(1, rate / NOISE_SATURATION_RATE)``.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Weighted signals per 100 words at which the score reaches 1.0. Calibrated by hand on the seeds
# and the sample corpus: seed 000 (a machine translation) has about 3 weighted signals per 100
# words, seed 004 and the fluent sample articles have 0-0.3; the sample corpus's translated
# article has about 2.
NOISE_SATURATION_RATE = 2.0
# Score above which an article is flagged ``machine_translated``. Fluent texts sit below 0.15
# (one stray signal in a 300-word article scores ~0.17 only if the article is very short);
# the two translated texts are above 0.7, so 0.35 leaves a wide margin on both sides.
MACHINE_TRANSLATED_THRESHOLD = 0.35

SIGNAL_WEIGHTS: dict[str, float] = {
    "glued": 2.0,
    "capitalised_function_word": 1.0,
    "stray_first_person": 1.0,
    "broken_quotes": 1.0,
    "lowercase_sentence_start": 0.5,
    "untranslated": 1.0,
}

_FUNCTION_WORDS = (
    "The|A|An|Which|Who|Whom|That|This|These|Those|Himself|Herself|Themselves|Itself|He|She|"
    "It|They|We|His|Her|Their|Its|Of|And|Or|But|With|To|At|In|On|From|By|For|As|Than|More|"
    "Less|Including|Was|Were|Is|Are|Has|Have|Had|Be|Been|Will|Would|Can|Could|Should"
)
_GLUED = re.compile(r"\b[a-z]{2,}[A-Z][a-z]{1,}\b")
# A capitalised function word right after a lowercase word (no punctuation between): mid-sentence.
_CAP_FUNCTION = re.compile(rf"\b[a-z][a-z']*[ \t]+(?:{_FUNCTION_WORDS})\b(?![.\-])")
_STRAY_I = re.compile(r"\b([A-Za-z][a-z']*)[ \t]+I[ \t]+[a-z]")
_I_OK_BEFORE = _words(
    "and but or that so when if as because then where what which who while since until though "
    "although whether than said says say think thought know knew believe hope how why once after "
    "before unless whom now here there yes no well"
)
_LOWER_START = re.compile(r"[a-z]{2,}[.!?][ \t]+[a-z]{2,}")
_UNTRANSLATED = re.compile(r"[\u0400-\u04ff]+|<\s*\.\.\.\s*>|<…>|\[\s*\.\.\.\s*\]")
_WORD = re.compile(r"[A-Za-z]+")


def noise_signals(text: str) -> dict[str, int]:
    """Count each signal in ``text`` (exposed for tests and for explaining a score)."""
    stray = sum(1 for m in _STRAY_I.finditer(text) if m.group(1).lower() not in _I_OK_BEFORE)
    broken = 0
    for paragraph in re.split(r"\n\s*\n", text):
        opening, closing = paragraph.count("“"), paragraph.count("”")
        if opening != closing or re.search(r"“[^”]*“", paragraph):
            broken += 1
    return {
        "glued": len(_GLUED.findall(text)),
        "capitalised_function_word": len(_CAP_FUNCTION.findall(text)),
        "stray_first_person": stray,
        "broken_quotes": broken,
        "lowercase_sentence_start": len(_LOWER_START.findall(text)),
        "untranslated": len(_UNTRANSLATED.findall(text)),
    }


def translation_noise(text: str) -> float:
    """0 = fluent, 1 = heavy machine-translation noise (weighted signals per 100 words)."""
    words = len(_WORD.findall(text))
    if words == 0:
        return 0.0
    signals = noise_signals(text)
    weighted = sum(SIGNAL_WEIGHTS[name] * count for name, count in signals.items())
    rate = 100.0 * weighted / max(words, 100)
    return round(min(1.0, rate / NOISE_SATURATION_RATE), 3)


def is_machine_translated(score: float) -> bool:
    return score > MACHINE_TRANSLATED_THRESHOLD
