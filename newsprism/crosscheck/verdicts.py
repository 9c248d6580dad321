"""Verdicts on claims that share a key within a story (DESIGN §3).

- ``agreed``: compatible values (equal, or overlapping intervals such as "more than 3,000" and
  "3,100") from at least two independent sources;
- ``conflicting``: incompatible values for the same as-of day;
- ``updated``: a cumulative count reported at different times, rising;
- ``revised``: a figure that falls later (never silently treated as an update);
- ``single-source``: every claim comes from one independent source;
- ``disputed``: named speakers take opposite stances on the same proposition.

Places (where a person is) agree when they are the same place or one lies inside the other
(Kiev in Ukraine); a different place on a later date is an update, people move.

Independence: documents linked as copy / rewrite / translation share a source group and count
once (``source_groups`` maps a document id to its group).
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from newsprism.crosscheck.claims import CUMULATIVE_MEASURES, claim_measure
from newsprism.crosscheck.places import is_specific, labelled, place_of
from newsprism.crosscheck.propositions import LABELS as PROPOSITION_LABELS
from newsprism.link.places import same_place
from newsprism.model import Claim, Comparison, ConflictingDay

# Relative change below which two days' figures are the same figure (not a rise, not a fall).
RELATIVE_TOLERANCE = 0.01
# Two exact figures differ unless one is a round figure (ending in at least this many zeros)
# that holds the other: rounding in rewrites ("3,000" vs "3,012") is not a contradiction, two
# precise tallies that differ (154 vs 157 dead) are.
ROUND_ZEROS = 2
# A round figure holds counts at most this share of it away: "100,000 children" is not a
# rounded 80,000 (half its last place, 50,000, would be), "3,000" still holds 3,012.
ROUND_SHARE = 0.1
# Independent sources that must give a lower latest figure for a series to count as revised
# when the counter of the peak is not among them.
MIN_REVISING_SOURCES = 2
# Corroboration compares each figure with the others: past this many claims in one comparison
# (an archive's year of one toll) best falls back to the latest figure.
MAX_CORROBORATION_CLAIMS = 2000
# For a cumulative count, figures below this share of the highest candidate are parts, not
# the total, when choosing the reconciled best.
PART_SHARE = 0.1
# Share of content words two quotes by one speaker must have in common to count as the same
# statement (overlap coefficient on 6-letter word stems). Set by hand on the seeds' paraphrase
# pair ("ready to return ... and lead the Provisional Government" / "intended to return ... and
# lead an interim government"); no annotated set of statement pairs exists yet to tune it on.
STATEMENT_OVERLAP = 0.45


NUMBER = re.compile(r"\d+(?:\.\d+)?")
# At least this many distinctive words in common, whatever the overlap: two three-word quotes
# sharing one word are not one statement.
STATEMENT_MIN_SHARED = 3
# A word used by this share of a story's statements is the story's vocabulary.
COMMON_SHARE = 0.25


def comparison_id(story_id: str, key: str) -> str:
    return hashlib.sha1(f"{story_id}|{key}".encode()).hexdigest()[:12]


def rounding_slack(value: float) -> float:
    """How far a figure stated exactly may be from the count it rounds: half its last significant
    place when it ends in two or more zeros, at most ROUND_SHARE of it ("3,000" holds 3,012;
    "200" holds 215, not 240; "100,000" holds 95,000, not 80,000), nothing for any other figure
    (154 and 157 dead, 5,383 and 5,385 injured are different counts)."""
    if not float(value).is_integer() or value == 0:
        return 0.0
    number, zeros = abs(int(value)), 0
    while number % 10 == 0:
        number //= 10
        zeros += 1
    return min(0.5 * 10**zeros, ROUND_SHARE * abs(value)) if zeros >= ROUND_ZEROS else 0.0


def _interval(claim: Claim) -> tuple[float, float]:
    low = claim.low if claim.low is not None else float("-inf")
    high = claim.high if claim.high is not None else float("inf")
    if claim.low is not None and claim.high is not None and claim.low == claim.high:
        slack = rounding_slack(claim.low)
        return claim.low - slack, claim.high + slack
    return low, high


def compatible(a: Claim, b: Claim) -> bool:
    if a.kind == "event":
        return a.value == b.value
    (a_low, a_high), (b_low, b_high) = _interval(a), _interval(b)
    return a_low <= b_high and b_low <= a_high


def _independent_sources(claims: Sequence[Claim], source_groups: Mapping[str, str]) -> int:
    return len({source_groups.get(c.doc_id, c.doc_id) for c in claims})


def _reconciled(
    claims: Sequence[Claim], source_groups: Mapping[str, str] | None = None
) -> tuple[float | None, float | None, float | None, str]:
    """UCDP-style low / best / high; best = the latest figure (its lower bound when open) that
    another independent source corroborates, else the latest figure: one late report's stray
    number (a part, a misread count) is not the reconciled best."""
    lows = [c.low for c in claims if c.low is not None]
    highs = [c.high for c in claims if c.high is not None]
    if not lows and not highs:
        return None, None, None, ""
    high = max(highs) if highs and len(highs) == len(claims) else None
    corroborated = (
        _corroborated_among(claims, source_groups)
        if source_groups is not None and len(claims) <= MAX_CORROBORATION_CLAIMS
        else []
    )
    pool = corroborated or list(claims)
    if claim_measure(claims[0]) in CUMULATIVE_MEASURES:
        # A running total does not shrink to a tenth: a late small figure is a part of it
        # ("4 more bodies found"), not the toll.
        peak = max(_point(c) for c in pool)
        pool = [c for c in pool if _point(c) >= PART_SHARE * peak] or pool
    latest = max(pool, key=lambda c: (c.as_of or "", c.low or 0))
    best = latest.low if latest.low is not None else latest.high
    rule = (
        "latest as-of figure that two independent sources give (its lower bound)"
        if corroborated
        else "latest as-of figure (its lower bound)"
    )
    return (min(lows) if lows else None), best, high, rule


def _point(claim: Claim) -> float:
    """One number for a claim: its value, or the bound it gives ("more than 3,000" -> 3000)."""
    if claim.low is not None:
        return claim.low
    return claim.high if claim.high is not None else 0.0


def _daily_figures(claims: Sequence[Claim]) -> list[tuple[str, Claim]]:
    """The highest figure reported for each as-of day, in date order."""
    best: dict[str, Claim] = {}
    for claim in claims:
        day = claim.as_of or ""
        if day not in best or _point(claim) > _point(best[day]):
            best[day] = claim
    return sorted(best.items())


def _rises(a: Claim, b: Claim) -> bool:
    return _point(b) > _point(a) * (1 + RELATIVE_TOLERANCE)


def _below(claim: Claim, peak: Claim) -> bool:
    """The claim says the count is lower than the peak: its upper bound is. "At least 200"
    says nothing against a peak of 80,000 (it has no upper bound); "75,000" does."""
    return _point(peak) > _interval(claim)[1] * (1 + RELATIVE_TOLERANCE)


def _report_figures(claims: Sequence[Claim]) -> list[Claim]:
    """Each report's own figure per as-of day: the highest it gives.

    "The toll has risen to 47 ... after divers recovered 16 bodies" gives 47 for the day; the 16
    is a part of it, not a rival figure. Event claims pass through unchanged.
    """
    if not claims or claims[0].kind != "quantity":
        return list(claims)
    best: dict[tuple[str, str, str], Claim] = {}
    for claim in claims:
        slot = (claim.doc_id, _counter(claim), claim.as_of or "")
        if slot not in best or _point(claim) > _point(best[slot]):
            best[slot] = claim
    return list(best.values())


def _counter(claim: Claim) -> str:
    """Who a claim says counted it ("the health ministry", "the Red Cross"), as one name."""
    return " ".join(claim.attributed_to.casefold().split())


def _source(claim: Claim, source_groups: Mapping[str, str]) -> tuple[str, str]:
    """A claim's source for clashes: its report's independent-source group and its named
    counter. One report quoting two counters ("the minister said about 3,000 injured; the Red
    Cross spoke of 2,200") gives two sources' figures; a figure it does not attribute is the
    report's own."""
    return source_groups.get(claim.doc_id, claim.doc_id), _counter(claim)


def _different_sources(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] != b[0] or (bool(a[1]) and bool(b[1]) and a[1] != b[1])


def _first_clash(
    claims: Sequence[Claim], source_groups: Mapping[str, str]
) -> tuple[Claim, Claim] | None:
    """The first pair (in input order) of incompatible claims from different sources, if any.

    Checking every pair costs k² for a key with k claims, which a story reported by hundreds
    of outlets makes the slowest step of a large run; when every interval shares a common point
    (or every event gives one date) no pair can clash and the pairs are not visited at all.
    """
    if len(claims) < 2:
        return None
    if claims[0].kind == "event":
        if len({c.value for c in claims}) == 1:
            return None
    else:
        intervals = [_interval(c) for c in claims]
        if max(low for low, _ in intervals) <= min(high for _, high in intervals):
            return None
    sources = [_source(c, source_groups) for c in claims]
    for i, j in itertools.combinations(range(len(claims)), 2):
        if _different_sources(sources[i], sources[j]) and not compatible(claims[i], claims[j]):
            return claims[i], claims[j]
    return None


def _position(claims: Sequence[Claim], claim: Claim) -> int:
    """Where ``claim`` (or the claim it was made from by _as_announced) stands in ``claims``."""
    return next(i for i, c in enumerate(claims) if c.id == claim.id)


def _by_day(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    by_day: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_day[claim.as_of or ""].append(claim)
    return by_day


def conflicting_days(
    claims: Sequence[Claim],
    source_groups: Mapping[str, str],
    companions: Mapping[str, frozenset[tuple[str, float]]] | None = None,
    labels: Mapping[str, str] | None = None,
) -> list[ConflictingDay]:
    """The as-of days on which independent sources give incompatible values, each with every
    claim of that day (reports' own highest figure per day, as :func:`judge_values` reads them);
    then the announcements (see :func:`announcement_companions`) whose figures clash, when no
    day already holds that clash."""
    if not claims or claims[0].kind != "quantity":
        return []
    days: list[ConflictingDay] = []
    for day, members in sorted(_by_day(_report_figures(claims)).items()):
        if not day:
            days.extend(_undated_clashes(members, source_groups))
        elif _first_clash([_as_announced(c) for c in members], source_groups):
            days.append(_conflict(day, members))
    if not companions:
        return days
    by_companion: dict[tuple[str, float], list[Claim]] = defaultdict(list)
    for claim in claims:
        for companion in companions.get(claim.id, ()):
            by_companion[companion].append(claim)
    seen = [set(day.claim_ids) for day in days]
    for (key, value), members in sorted(by_companion.items()):
        if not _first_clash([_as_announced(c) for c in members], source_groups):
            continue
        found = _conflict(
            _shared_day(members),
            members,
            f"given with {format_figure(value)} {(labels or {}).get(key, key)}",
        )
        if not any(set(found.claim_ids) <= ids for ids in seen):
            days.append(found)
            seen.append(set(found.claim_ids))
    return days


def _undated_clashes(
    undated: Sequence[Claim], source_groups: Mapping[str, str]
) -> list[ConflictingDay]:
    """Clashes among undated figures, one report at a time: figures with no day of their own
    are of different moments across reports, but one report's figures from two named counters
    ("the minister said about 3,000 injured; the Red Cross spoke of 2,200") are of the moment
    it was written. Figures a report does not attribute are its own and never clash with each
    other (see :func:`_different_sources`); they are left out."""
    by_report: dict[str, list[Claim]] = defaultdict(list)
    for claim in undated:
        if _counter(claim):
            by_report[claim.doc_id].append(claim)
    clashes: list[ConflictingDay] = []
    for _, members in sorted(by_report.items()):
        if len({_counter(c) for c in members}) > 1 and _first_clash(
            [_as_announced(c) for c in members], source_groups
        ):
            clashes.append(_conflict("", members))
    return clashes


def _conflict(day: str, members: Sequence[Claim], announcement: str = "") -> ConflictingDay:
    ordered = sorted(members, key=_point)
    return ConflictingDay(
        as_of=day,
        values=list(dict.fromkeys(c.value for c in ordered)),
        claim_ids=[c.id for c in ordered],
        announcement=announcement,
    )


def _shared_day(claims: Sequence[Claim]) -> str:
    days = {c.as_of for c in claims if c.as_of}
    return days.pop() if len(days) == 1 else ""


def _unplaced(key: str) -> str:
    return "|".join(key.split("|")[:3])


def _unplaced_label(claim: Claim) -> str:
    suffix = labelled("", place_of(claim.key))
    return claim.label.removesuffix(suffix) if suffix else claim.label


def format_figure(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _specific(claim: Claim) -> bool:
    """A figure precise enough to name one count (``places.is_specific``): a companion figure
    fixes the moment only then ("3 children" recurs in unrelated sentences; "912 dead" does
    not)."""
    return is_specific(_point(claim))


def _as_announced(claim: Claim) -> Claim:
    """The claim as the figure announced: a hedge on a precise count ("at least 11,159
    injured") does not make the announced count a range; it is 11,159. Round or imprecise
    figures keep their interval ("more than 11,000")."""
    if claim.low == claim.high or not _specific(claim):
        return claim
    point = _point(claim)
    return replace(claim, low=point, high=point)


def announcement_companions(claims: Sequence[Claim]) -> dict[str, frozenset[tuple[str, float]]]:
    """For each figure, the specific figures (see ``_specific``) of other keys its sentence
    gives.

    An official count is announced as a set ("912 dead and 5,385 injured"); two reports that
    give the same specific death toll relay the same announcement even when neither is dated,
    so their injured figures are of one moment and two different ones conflict. A hedged
    figure ("at least 1,498 dead") still names the announced count.
    """
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind == "quantity" and (claim.low is not None or claim.high is not None):
            by_sentence[(claim.doc_id, claim.sentence_start)].append(claim)
    companions: dict[str, frozenset[tuple[str, float]]] = {}
    for members in by_sentence.values():
        if len(members) < 2:
            continue
        for claim in members:
            # The companion's place is left out: reports place one announced figure
            # differently ("912 dead in Turkey", "912 dead" in a report about two countries).
            found = frozenset(
                (_unplaced(other.key), _point(other))
                for other in members
                if other.key != claim.key and _specific(other)
            )
            if found:
                companions[claim.id] = found
    return companions


def _corroborated_among(
    claims: Sequence[Claim], source_groups: Mapping[str, str]
) -> list[Claim]:
    """The claims another independent source gives the same figure for (within rounding), in
    their order. Intervals are not enough here: "at least 200" is compatible with any misread
    figure above it. Found among the claims sorted by value rather than by comparing every
    pair: a large event's comparison holds hundreds of claims."""
    points = [_point(c) for c in claims]
    slacks = [rounding_slack(p) for p in points]
    groups = [source_groups.get(c.doc_id, c.doc_id) for c in claims]
    order = sorted(range(len(claims)), key=points.__getitem__)
    ordered_points = [points[k] for k in order]
    widest = max(slacks, default=0.0)
    found: list[Claim] = []
    for k, claim in enumerate(claims):
        point = points[k]
        reach = max(slacks[k], widest, RELATIVE_TOLERANCE * abs(point))
        start = bisect.bisect_left(ordered_points, point - reach)
        end = bisect.bisect_right(ordered_points, point + reach)
        for other in order[start:end]:
            slack = max(slacks[k], slacks[other], RELATIVE_TOLERANCE * abs(point))
            if groups[other] != groups[k] and abs(points[other] - point) <= slack:
                found.append(claim)
                break
    return found


def _counter_lowers(earlier: Sequence[Claim], latest: Sequence[Claim]) -> bool:
    """A named counter gives a lower figure on the latest day than it gave before."""
    return any(
        e.attributed_to and e.attributed_to == c.attributed_to and _rises(c, e)
        for e in earlier
        for c in latest
    )


def judge_values(claims: Sequence[Claim], source_groups: Mapping[str, str]) -> tuple[str, str]:
    """Verdict and a one-line note for quantity or event claims sharing one key.

    Same-day figures are compared as intervals (compatible or conflicting). Across days, a
    cumulative count is read as a series: one that rose is ``updated`` even when some of its
    days are conflicting (those are listed by :func:`conflicting_days`). It is ``revised`` when
    a named counter gives a lower figure on the latest day than it gave before, or when at least
    MIN_REVISING_SOURCES independent sources give a latest figure below an earlier peak that
    another source corroborated. A stale or misread figure from one report is neither: the
    series goes on. For other measures (prices, troops) any change between days is an update.
    """
    sources = _independent_sources(claims, source_groups)
    if sources < 2:
        return "single-source", "all claims come from one independent source"
    claims = _report_figures(claims)
    by_day = _by_day(claims)
    # On one day a hedged precise count is that count (see _as_announced): "at least 1,262"
    # and "1,435" dead are two counts of one day, not a range and a value in it.
    same_day = min(
        (
            clash
            for day in by_day.values()
            if (clash := _first_clash([_as_announced(c) for c in day], source_groups))
        ),
        key=lambda clash: (_position(claims, clash[0]), _position(claims, clash[1])),
        default=None,
    )
    if claims[0].kind == "event":
        clash = same_day or _first_clash(claims, source_groups)
        if clash:
            a, b = clash
            return "conflicting", f"{a.value} vs {b.value}"
        return "agreed", f"{sources} independent sources give the same date"
    # Undated figures cannot be placed in a series: they are compared, not ordered.
    days = _daily_figures([c for c in claims if c.as_of]) or _daily_figures(claims)
    series = " → ".join(f"{c.value} ({day or 'undated'})" for day, c in days)
    figures = [c for _, c in days]
    steps = list(itertools.pairwise(figures))
    measure = claim_measure(claims[0])
    conflict_note = ""
    if same_day:
        a, b = same_day
        conflict_note = f"{a.value} vs {b.value} for the same date ({a.as_of or 'undated'})"
    if measure in CUMULATIVE_MEASURES and len(days) > 1:
        # A peak only one source gives (a misread figure, a count of something else) cannot be
        # revised: it was never established.
        latest = by_day[days[-1][0]]
        earlier = [c for c in claims if c.as_of and c.as_of < days[-1][0]]
        corroborated = {id(c) for c in _corroborated_among(claims, source_groups)}
        peaks = [c for c in figures[:-1] if id(c) in corroborated]
        peak = max(peaks, key=_point) if peaks else figures[-1]
        if _counter_lowers(earlier, latest) or (
            _rises(figures[-1], peak)
            and _independent_sources([c for c in latest if _below(c, peak)], source_groups)
            >= MIN_REVISING_SOURCES
        ):
            return "revised", f"the latest figure is lower than an earlier one: {series}"
        if any(_rises(a, b) for a, b in steps):
            extra = f"; conflicting on the same date: {conflict_note}" if same_day else ""
            return "updated", f"rose over time: {series}{extra}"
    elif len(days) > 1 and _first_clash(claims, source_groups):
        # Prices and deployments move both ways: a change between dates is an update.
        extra = f"; conflicting on the same date: {conflict_note}" if same_day else ""
        return "updated", f"changed over time: {series}{extra}"
    if same_day:
        return "conflicting", conflict_note
    return "agreed", f"{sources} independent sources give compatible values"


def judge_places(claims: Sequence[Claim], source_groups: Mapping[str, str]) -> tuple[str, str]:
    """Verdict and note for the places several sources give one person."""
    sources = _independent_sources(claims, source_groups)
    if sources < 2:
        return "single-source", "all claims come from one independent source"
    ordered = sorted(claims, key=lambda c: c.as_of or "")
    clashes = [
        (a, b)
        for i, a in enumerate(ordered)
        for b in ordered[i + 1 :]
        if source_groups.get(a.doc_id, a.doc_id) != source_groups.get(b.doc_id, b.doc_id)
        and not same_place([], a.value, b.value)
    ]
    if not clashes:
        places = " / ".join(dict.fromkeys(c.value for c in ordered))
        return "agreed", f"{sources} independent sources place them in {places}"
    a, b = clashes[0]
    if a.as_of and b.as_of and a.as_of != b.as_of:
        return "updated", f"{a.value} ({a.as_of}) → {b.value} ({b.as_of})"
    return "conflicting", f"{a.value} vs {b.value}"


def compare_values(
    story_id: str, claims: Sequence[Claim], source_groups: Mapping[str, str]
) -> list[Comparison]:
    """A comparison per key of the quantity, event and location claims."""
    by_key: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind in ("quantity", "event", "location"):
            by_key[claim.key].append(claim)
    companions = announcement_companions(claims)
    labels = {_unplaced(key): _unplaced_label(group[0]) for key, group in by_key.items()}
    comparisons: list[Comparison] = []
    for key, group in sorted(by_key.items()):
        judge = judge_places if group[0].kind == "location" else judge_values
        verdict, note = judge(group, source_groups)
        low, best, high, rule = (
            _reconciled(group, source_groups)
            if group[0].kind == "quantity"
            else (None, None, None, "")
        )
        comparisons.append(
            Comparison(
                id=comparison_id(story_id, key),
                story_id=story_id,
                key=key,
                label=group[0].label,
                kind=group[0].kind,
                verdict=verdict,  # type: ignore[arg-type]
                claim_ids=[c.id for c in sorted(group, key=lambda c: (c.as_of or "", c.doc_id))],
                independent_sources=_independent_sources(group, source_groups),
                low=low,
                best=best,
                high=high,
                best_rule=rule,
                note=note,
                conflicts=conflicting_days(group, source_groups, companions, labels),
            )
        )
    return comparisons


def content_words(text: str) -> set[str]:
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return {w[:6] for w in words if w not in STOP_WORDS and len(w) > 2}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def compare_statements(
    story_id: str, claims: Sequence[Claim], source_groups: Mapping[str, str]
) -> list[Comparison]:
    """Agreed statements (one speaker, same content, ≥2 sources) and disputes between speakers."""
    statements = [c for c in claims if c.kind == "statement"]
    comparisons: list[Comparison] = []
    by_speaker: dict[str, list[Claim]] = defaultdict(list)
    for claim in statements:
        by_speaker[claim.key].append(claim)
    # Words most of the story's statements use ("protests", "Kazakhstan") say what the story
    # is about, not what a statement says: they do not count towards a match.
    frequency: Counter[str] = Counter(w for c in statements for w in content_words(c.value))
    common = {w for w, n in frequency.items() if n >= max(3, COMMON_SHARE * len(statements))}
    for key, group in sorted(by_speaker.items()):
        words = {c.id: content_words(c.value) - common for c in group}
        numbers = {c.id: set(NUMBER.findall(c.value.replace(",", ""))) for c in group}
        parent = {c.id: c.id for c in group}

        def root(node: str, parent: dict[str, str] = parent) -> str:
            while parent[node] != node:
                node = parent[node]
            return node

        for a, b in itertools.combinations(group, 2):
            if source_groups.get(a.doc_id, a.doc_id) == source_groups.get(b.doc_id, b.doc_id):
                continue
            shared = words[a.id] & words[b.id]
            if (
                numbers[a.id] == numbers[b.id]  # "rose to 31" and "risen to 47" differ
                and len(shared) >= STATEMENT_MIN_SHARED
                and _overlap(words[a.id], words[b.id]) >= STATEMENT_OVERLAP
            ):
                parent[root(a.id)] = root(b.id)
        clusters: dict[str, list[Claim]] = defaultdict(list)
        for claim in group:
            clusters[root(claim.id)].append(claim)
        for members in clusters.values():
            if _independent_sources(members, source_groups) < 2:
                continue
            shortest = min(members, key=lambda c: len(c.value))
            comparisons.append(
                _statement_comparison(
                    story_id, f"{key}|{shortest.id}", "agreed", members, source_groups,
                    label=f"{shortest.attributed_to}: {shortest.value[:120]}",
                    note="the same statement reported by independent sources",
                )
            )
    comparisons.extend(_disputes(story_id, statements, source_groups))
    return comparisons


def _statement_comparison(
    story_id: str, key: str, verdict: str, members: Sequence[Claim],
    source_groups: Mapping[str, str], *, label: str, note: str,
) -> Comparison:
    return Comparison(
        id=comparison_id(story_id, key),
        story_id=story_id,
        key=key,
        label=label,
        kind="statement",
        verdict=verdict,  # type: ignore[arg-type]
        claim_ids=[c.id for c in members],
        independent_sources=_independent_sources(members, source_groups),
        note=note,
    )


def _disputes(
    story_id: str, statements: Sequence[Claim], source_groups: Mapping[str, str]
) -> list[Comparison]:
    sides: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in statements:
        for item in filter(None, claim.stance.split(";")):
            name, value = item.split("=")
            sides[name][value].append(claim)
    comparisons: list[Comparison] = []
    for name, by_value in sorted(sides.items()):
        yes, no = by_value.get("yes", []), by_value.get("no", [])
        yes_speakers = {c.key for c in yes}
        no_speakers = {c.key for c in no}
        if not yes or not no or not (yes_speakers ^ no_speakers):
            continue
        members = yes + no
        names = lambda claims: ", ".join(sorted({c.attributed_to for c in claims}))  # noqa: E731
        comparisons.append(
            _statement_comparison(
                story_id, f"dispute|{name}", "disputed", members, source_groups,
                label=PROPOSITION_LABELS.get(name, name),
                note=f"yes: {names(yes)}; no: {names(no)}",
            )
        )
    return comparisons
