"""Series charts: how a compared figure moved over time, as a small inline SVG.

:func:`series_chart` takes one claim-table row of the record (a comparison with its ``claims``,
see ``docs/output.md``) and returns an ``<svg>`` string: the as-of date on x, the value on y,
each source's figure a point with its bound drawn as an interval (an open bound — "at least 12"
— as a dashed line to the edge), copies and translations as hollow points, the reconciled
low–high band shaded with a line at ``best``, and each conflicting day as a red column.
Claims without an as-of date or a number are not drawn (they are in the table beside it).

Pure functions of the row, no scripts, no external requests; every text goes through
:func:`newsprism.show.svg.text`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsprism.model import day_of
from newsprism.show.common import number
from newsprism.show.svg import num, text

# Verdicts whose rows get a chart (when they are numeric and dated); any row with conflicting
# days gets one too.
CHARTED_VERDICTS = frozenset({"updated", "revised", "conflicting"})

WIDTH, HEIGHT = 440, 210
LEFT, RIGHT, TOP, BOTTOM = 58, 14, 12, 30
POINT_GAP = 8.0  # horizontal spread of points on the same day (px)

COLOUR_POINT = "#1f3a68"
COLOUR_BAND = "#90caf9"
COLOUR_BEST = "#1565c0"
COLOUR_CONFLICT = "#c62828"
COLOUR_AXIS = "#888"


@dataclass(frozen=True)
class Point:
    claim: dict[str, Any]
    day: date
    low: float | None
    high: float | None

    @property
    def y(self) -> float:
        return self.low if self.low is not None else self.high  # type: ignore[return-value]

    @property
    def copy(self) -> bool:
        return bool(self.claim.get("copy_of"))


def points(row: dict[str, Any]) -> list[Point]:
    """The row's claims that can be drawn: a dated as-of and at least one numeric side."""
    found = []
    for claim in row.get("claims") or []:
        day = day_of(claim.get("as_of"))
        low, high = claim.get("low"), claim.get("high")
        if day is None or (low is None and high is None):
            continue
        found.append(Point(claim, day, low, high))
    return found


def is_charted(row: dict[str, Any]) -> bool:
    """Whether the row gets a chart: a numeric updated/revised/conflicting row (or one with
    conflicting days) with at least one drawable point."""
    if row.get("kind") != "quantity":
        return False
    if row.get("verdict") not in CHARTED_VERDICTS and not row.get("conflicts"):
        return False
    return bool(points(row))


def _nice_step(value: float) -> float:
    """A 1/2/5 x 10^k step that cuts 0..``value`` into at most four intervals (at least 1)."""
    if value <= 4:
        return 1.0
    exponent = math.floor(math.log10(value / 4))
    for step in (1, 2, 5, 10):
        if step * 10**exponent * 4 >= value:
            return float(step * 10**exponent)
    return float(10 ** (exponent + 1))


def _label(point: Point) -> str:
    claim = point.claim
    parts = [f"{claim.get('outlet') or claim.get('doc_id', '')}: {claim.get('value', '')}"]
    parts.append(f"as of {point.day.isoformat()}")
    if claim.get("attributed_to"):
        parts.append(f"according to {claim['attributed_to']}")
    if point.copy:
        parts.append("copy or translation of another report")
    return "; ".join(parts)


def series_chart(
    row: dict[str, Any], *, href: Callable[[dict[str, Any]], str] | None = None
) -> str:
    """The row's series as an ``<svg>`` string ("" when nothing can be drawn).

    ``href(claim)`` gives each point a link (the claim's words in its article); without it the
    points are plain (the self-contained HTML report).
    """
    drawn = points(row)
    if not drawn:
        return ""
    first = min(p.day for p in drawn)
    last = max(p.day for p in drawn)
    conflict_days = [d for c in row.get("conflicts") or [] if (d := day_of(c.get("as_of")))]
    span = max((last - first).days, 1)
    finite = [v for p in drawn for v in (p.low, p.high) if v is not None]
    finite += [v for v in (row.get("low"), row.get("best"), row.get("high")) if v is not None]
    step = _nice_step(max(finite) * 1.08)
    top = step * max(math.ceil(max(finite) * 1.08 / step), 1)
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    # Room at both ends for the widest spread of same-day points.
    crowd = max(Counter(p.day for p in drawn).values())
    pad = max(14.0, (crowd - 1) * POINT_GAP / 2 + 8)

    def x(day: date) -> float:
        if first == last:
            return LEFT + inner_w / 2
        return LEFT + pad + (day.toordinal() - first.toordinal()) / span * (inner_w - 2 * pad)

    def y(value: float) -> float:
        return TOP + inner_h - max(0.0, min(value, top)) / top * inner_h

    label = row.get("label") or row.get("key") or "figure"
    summary = (
        f"{label}: {len(drawn)} dated figures from {first.isoformat()} to {last.isoformat()}"
    )
    out = [
        f'<svg class="series-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'data-points="{len(drawn)}" font-family="system-ui, sans-serif" font-size="11">',
        f"<title>{text(summary)}</title>",
    ]
    # Conflicting days: a red column behind everything.
    for day in sorted(set(conflict_days)):
        if first <= day <= last:
            half = (crowd - 1) * POINT_GAP / 2 + 8
            out.append(
                f'<rect class="conflict-day" x="{num(x(day) - half)}" y="{TOP}" '
                f'width="{num(2 * half)}" '
                f'height="{inner_h}" fill="{COLOUR_CONFLICT}" fill-opacity="0.12">'
                f"<title>{text(f'independent sources disagree on {day.isoformat()}')}</title>"
                "</rect>"
            )
    # The reconciled low-high band and the best figure.
    low, best, high = row.get("low"), row.get("best"), row.get("high")
    if low is not None or high is not None:
        band_low = low if low is not None else 0.0
        band_high = high if high is not None else top
        out.append(
            f'<rect class="band" x="{LEFT}" y="{num(y(band_high))}" width="{inner_w}" '
            f'height="{num(max(y(band_low) - y(band_high), 1.0))}" fill="{COLOUR_BAND}" '
            f'fill-opacity="0.28"><title>{text(_band_label(row))}</title></rect>'
        )
    if best is not None:
        out.append(
            f'<line class="best" x1="{LEFT}" x2="{LEFT + inner_w}" y1="{num(y(best))}" '
            f'y2="{num(y(best))}" stroke="{COLOUR_BEST}" stroke-dasharray="5 3"/>'
        )
        out.append(
            f'<text x="{LEFT + 4}" y="{num(y(best) - 4)}" fill="{COLOUR_BEST}">'
            f"best {text(number(best))}</text>"
        )
    out.extend(_axes(first, last, top, step, x, y, inner_w, inner_h))
    # Points: same-day points spread sideways so none hides another.
    by_day: dict[date, list[Point]] = {}
    for p in sorted(drawn, key=lambda p: (p.day, p.y, p.claim.get("outlet", ""))):
        by_day.setdefault(p.day, []).append(p)
    for day, same in sorted(by_day.items()):
        for i, p in enumerate(same):
            px = x(day) + (i - (len(same) - 1) / 2) * POINT_GAP
            out.append(_point(p, px, y, top, href))
    out.append("</svg>")
    return "".join(out)


def _band_label(row: dict[str, Any]) -> str:
    parts = [
        f"{name} {number(row[name]) if row.get(name) is not None else '?'}"
        for name in ("low", "best", "high")
    ]
    return "reconciled range: " + " · ".join(parts)


def _axes(
    first: date,
    last: date,
    top: float,
    step: float,
    x: Callable[[date], float],
    y: Callable[[float], float],
    inner_w: float,
    inner_h: float,
) -> list[str]:
    base = TOP + inner_h
    out = [
        f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{base}" stroke="{COLOUR_AXIS}"/>',
        f'<line x1="{LEFT}" x2="{LEFT + inner_w}" y1="{base}" y2="{base}" '
        f'stroke="{COLOUR_AXIS}"/>',
    ]
    for i in range(round(top / step) + 1):
        value = step * i
        out.append(
            f'<line x1="{LEFT - 3}" x2="{LEFT + inner_w}" y1="{num(y(value))}" '
            f'y2="{num(y(value))}" stroke="#eee"/>'
            f'<text x="{LEFT - 5}" y="{num(y(value) + 4)}" text-anchor="end" fill="#555">'
            f"{text(number(value))}</text>"
        )
    span = (last - first).days
    ticks = [first] if span == 0 else [first, last]
    if span >= 4:
        ticks.insert(1, date.fromordinal(first.toordinal() + span // 2))
    for i, day in enumerate(ticks):
        anchor = "middle" if len(ticks) == 1 else ("start", "middle", "end")[
            0 if i == 0 else (2 if i == len(ticks) - 1 else 1)
        ]
        out.append(
            f'<line x1="{num(x(day))}" x2="{num(x(day))}" y1="{base}" y2="{base + 4}" '
            f'stroke="{COLOUR_AXIS}"/><text x="{num(x(day))}" y="{base + 16}" '
            f'text-anchor="{anchor}" fill="#555">{day.isoformat()}</text>'
        )
    return out


def _point(
    p: Point,
    px: float,
    y: Callable[[float], float],
    top: float,
    href: Callable[[dict[str, Any]], str] | None,
) -> str:
    parts = [f'<g class="series-point"><title>{text(_label(p))}</title>']
    low, high = p.low, p.high
    if low is not None and high is not None and high > low:
        parts.append(
            f'<line x1="{num(px)}" x2="{num(px)}" y1="{num(y(high))}" y2="{num(y(low))}" '
            f'stroke="{COLOUR_POINT}" stroke-width="2"/>'
        )
    elif low is not None and high is None:  # "at least", "more than": open upwards
        parts.append(
            f'<line class="open" x1="{num(px)}" x2="{num(px)}" y1="{num(y(top))}" '
            f'y2="{num(y(low))}" stroke="{COLOUR_POINT}" stroke-dasharray="2 2"/>'
        )
    elif low is None and high is not None:  # "up to", "less than": open downwards
        parts.append(
            f'<line class="open" x1="{num(px)}" x2="{num(px)}" y1="{num(y(high))}" '
            f'y2="{num(y(0))}" stroke="{COLOUR_POINT}" stroke-dasharray="2 2"/>'
        )
    fill = "#fff" if p.copy else COLOUR_POINT
    kind = "point copy" if p.copy else "point"
    parts.append(
        f'<circle class="{kind}" cx="{num(px)}" cy="{num(y(p.y))}" r="4.5" fill="{fill}" '
        f'stroke="{COLOUR_POINT}" stroke-width="1.6"/>'
    )
    parts.append("</g>")
    body = "".join(parts)
    if href is None:
        return body
    return f'<a href="{text(href(p.claim))}">{body}</a>'
