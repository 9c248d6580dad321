"""Translation-noise score: high on machine-translated text, near zero on fluent reporting."""

from __future__ import annotations

from newsprism.read.noise import (
    MACHINE_TRANSLATED_THRESHOLD,
    is_machine_translated,
    noise_signals,
    translation_noise,
)

FLUENT = (
    "Floodwater from the failed Orlen dam reached the outskirts of Castrava on Tuesday, and the "
    "regional health ministry said 12 people had died. \u201cWe did not expect the water so "
    "fast,\u201d said Mira Kovac, a nurse at the city hospital. Rescue teams evacuated two "
    "villages overnight, the civil defence service said. I asked the mayor, and he said I could "
    "not enter the flooded district. "
) * 2
NOISY = (
    "The minister announceWhich said the dam was safe. By Tuesday the water I rose in the "
    "streets. The governor the name of the thing Himself as the leader of rescue. the people "
    "of the village suffer More than losses. Initially mentionedThe bridge was closed. "
    "He called it \u201cthe greatest disaster of the\u201d decade \u201c- in the region. "
) * 2


def test_noise_signals_counts_each_kind() -> None:
    signals = noise_signals(NOISY)
    assert signals["glued"] == 4
    assert signals["capitalised_function_word"] >= 2
    assert signals["stray_first_person"] == 2
    assert signals["broken_quotes"] == 2


def test_noise_fluent_text_scores_low() -> None:
    score = translation_noise(FLUENT)
    assert score < MACHINE_TRANSLATED_THRESHOLD
    assert noise_signals(FLUENT)["stray_first_person"] == 0
    assert not is_machine_translated(score)


def test_noise_translated_text_scores_high() -> None:
    assert is_machine_translated(translation_noise(NOISY))


def test_noise_seeds_match_gold(seed_texts: dict[str, str]) -> None:
    by_prefix = {name[:3]: text for name, text in seed_texts.items()}
    assert is_machine_translated(translation_noise(by_prefix["000"]))
    assert not is_machine_translated(translation_noise(by_prefix["004"]))


def test_noise_empty_text_is_zero() -> None:
    assert translation_noise("") == 0.0
