"""Cross-document entity resolution: which mentions, in which articles, name the same entity.

Mentions are grouped by *surface form* (one node per label class and spelling skeleton), nodes
are merged by rules that each leave an evidence string, and short forms ("Tokayev") are resolved
per document to the full name that article used. Blocking keeps it near-linear: only names that
share a skeleton token are ever compared.

Rules, strongest first: same skeleton (spelling/transliteration variants); gazetteer spelling
(Alma-Ata = Almaty); same words in another order (Bank Turan Alem = Turan Alem Bank); an
acronym introduced in brackets or matching a name's initials (CSTO); fuzzy skeleton match
(Organisation / Organization); a nationality adjective or a legal form dropped (Kazakhstani
Health Ministry = Health Ministry, Microsoft Corp. = Microsoft); first names, middle names and
generational suffixes dropped (Lo Presti = Gaetano Lo Presti, Comeaux Jr); a surname with two
neighbouring letters swapped, next to the spelling named three times as often (Fuat Otkay = Fuat
Oktay); a much-named place with a vowel ending (Gaziantepe, Beirute); one-word names differing in
their vowels only (Hizbullah = Hezbollah); a location written
after a facility's name dropped (Betty Ford Center in Rancho Mirage); a short form standing for
a longer name used in the same article (or the only, or the clearly dominant, such name in the
corpus): a surname ("Tokayev"), the head word of an organisation or any word of a place ("the
Academy", "Navy", "Colts").

Descriptions and pronouns (mentions with ``kind`` nominal/pronoun, from
:mod:`newsprism.extract.entities.coref`) are not names: they take the entity of the mention they
refer to in their article. An unresolved description ("the actress") is matched, within its
story, by its head noun (news synonyms folded: brigands = pirates) to what that head describes in
other articles; failing that, to the named participant whose clause roles it shares in the similar
articles ("the gunman" who opened fire = the man named as opening fire), to the only person of
its gender its article names, or, for places and organisations, to the name containing its head
("the mountain" = Mount Cook). Each such link is recorded in the entity's evidence;
descriptions never become aliases. A person's name written after a title the honorifics know
("President Aoun") is kept as an alias, with its evidence.

Modules: :mod:`~newsprism.link.aliases.forms` (name forms and the name nodes),
:mod:`~newsprism.link.aliases.names` (the name merge rules and short forms),
:mod:`~newsprism.link.aliases.references` (descriptions and pronouns follow what they refer to),
:mod:`~newsprism.link.aliases.roles` (descriptions matched to named participants across
articles), :mod:`~newsprism.link.aliases.scripts` (names across scripts and languages: mentions
of articles the English model reads in another language trimmed, and the trusted articles' names
found in any script by a consonant sound key), :mod:`~newsprism.link.aliases.variants` (more
readings there: a Greek nasal inside a word, katakana フ as h, a much-named person's short
surname in katakana), :mod:`~newsprism.link.aliases.glosses` (a name and its acronym,
official name or other language's form given together in brackets or with "known as", in any
script), :mod:`~newsprism.link.aliases.resolution`
(:func:`resolve`, :func:`assign` and :class:`Resolution`).
"""

from __future__ import annotations

from newsprism.link.aliases.resolution import Resolution, assign, resolve
from newsprism.link.aliases.roles import role_word

__all__ = ["Resolution", "assign", "resolve", "role_word"]
