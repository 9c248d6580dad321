"""Who copies whom: a story's reuse links as a small inline SVG graph.

:func:`reuse_graph` takes one story of the record (its ``sources`` and ``reuse``, see
``docs/output.md``) and draws each independent source group on its own line: the group's
original report first (highlighted: it is what counts as an independent source), then the
reports that copy, rewrite or translate it, joined by edges styled by kind. Reports nobody
copies are independent sources of their own and follow in a grid, highlighted too.

Pure functions of the story, no scripts, no external requests; every text goes through
:func:`newsprism.show.svg.text`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsprism.show.svg import num, text

COLUMNS = 6
NODE_W, NODE_H = 150, 26
GAP_X, GAP_Y = 54, 14
PAD = 6

EDGE_STYLES: dict[str, tuple[str, str]] = {  # kind -> (colour, dash pattern)
    "copy": ("#555", ""),
    "rewrite": ("#ef6c00", "5 3"),
    "translation": ("#6a1b9a", "2 3"),
}


def groups(story: dict[str, Any]) -> list[list[str]]:
    """The story's documents as independent source groups, each original first.

    Larger groups first; a group's members follow their source breadth-first; one-report
    groups last, in the story's source order.
    """
    order = [s["id"] for s in story.get("sources") or []]
    position = {doc_id: i for i, doc_id in enumerate(order)}
    parent = {doc_id: doc_id for doc_id in order}

    def find(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    children: dict[str, list[str]] = {}
    derived: set[str] = set()
    for link in _links(story, position):
        a, b = find(link["doc_a"]), find(link["doc_b"])
        if a != b:
            parent[max(a, b, key=position.__getitem__)] = min(a, b, key=position.__getitem__)
        children.setdefault(link["doc_a"], []).append(link["doc_b"])
        derived.add(link["doc_b"])
    members: dict[str, list[str]] = {}
    for doc_id in order:
        members.setdefault(find(doc_id), []).append(doc_id)
    result = []
    for group in members.values():
        roots = [d for d in group if d not in derived] or group[:1]
        seen: list[str] = []
        queue = list(roots)
        while queue:
            doc_id = queue.pop(0)
            if doc_id in seen:
                continue
            seen.append(doc_id)
            queue.extend(sorted(children.get(doc_id, []), key=position.__getitem__))
        seen += [d for d in group if d not in seen]
        result.append(seen)
    result.sort(key=lambda g: (len(g) == 1, -len(g), position[g[0]]))
    return result


def _links(story: dict[str, Any], position: dict[str, int]) -> list[dict[str, Any]]:
    return [
        link
        for link in story.get("reuse") or []
        if link.get("kind") in EDGE_STYLES
        and link["doc_a"] in position
        and link["doc_b"] in position
    ]


def reuse_graph(
    story: dict[str, Any], *, href: Callable[[str], str] | None = None
) -> str:
    """The story's copy/translation graph as an ``<svg>`` string ("" for a story without
    sources). ``href(doc_id)`` links each report to its page."""
    sources = {s["id"]: s for s in story.get("sources") or []}
    if not sources:
        return ""
    layout: dict[str, tuple[int, int]] = {}  # doc id -> (column, line)
    line = 0
    singles = []
    for group in groups(story):
        if len(group) == 1:
            singles.append(group[0])
            continue
        for i, doc_id in enumerate(group):
            if i and i % COLUMNS == 0:
                line += 1
            layout[doc_id] = (i % COLUMNS, line)
        line += 1
    for i, doc_id in enumerate(singles):
        if i and i % COLUMNS == 0:
            line += 1
        layout[doc_id] = (i % COLUMNS, line)
    if singles:
        line += 1
    columns = min(COLUMNS, max(c for c, _ in layout.values()) + 1)
    width = PAD * 2 + columns * NODE_W + (columns - 1) * GAP_X
    height = PAD * 2 + line * NODE_H + (line - 1) * GAP_Y

    def box(doc_id: str) -> tuple[float, float]:
        column, row = layout[doc_id]
        return PAD + column * (NODE_W + GAP_X), PAD + row * (NODE_H + GAP_Y)

    position = {doc_id: i for i, doc_id in enumerate(sources)}
    links = _links(story, position)
    derived = {link["doc_b"] for link in links}
    independent = sum(1 for d in sources if d not in derived)
    summary = (
        f"{len(sources)} reports, {independent} independent sources, "
        f"{len(links)} copy, rewrite or translation links"
    )
    out = [
        f'<svg class="reuse-graph" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'data-independent="{independent}" font-family="system-ui, sans-serif" font-size="11">',
        f"<title>{text(summary)}</title>",
    ]
    for link in links:
        colour, dash = EDGE_STYLES[link["kind"]]
        (ax, ay), (bx, by) = box(link["doc_a"]), box(link["doc_b"])
        x1, y1 = ax + NODE_W, ay + NODE_H / 2
        x2, y2 = bx, by + NODE_H / 2
        if bx <= ax:  # wrapped onto the next line: leave from the bottom
            x1, y1, x2, y2 = ax + NODE_W / 2, ay + NODE_H, bx + NODE_W / 2, by
        bend = max(abs(x2 - x1), abs(y2 - y1)) / 2
        path = (
            f"M{num(x1)} {num(y1)} C{num(x1 + bend)} {num(y1)} "
            f"{num(x2 - bend)} {num(y2)} {num(x2)} {num(y2)}"
            if bx > ax
            else f"M{num(x1)} {num(y1)} L{num(x2)} {num(y2)}"
        )
        label = (
            f"{link.get('outlet_b') or link['doc_b']} is a {link['kind']} of "
            f"{link.get('outlet_a') or link['doc_a']} (score {link.get('score', 0):.2f})"
        )
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<path class="edge {link["kind"]}" d="{path}" fill="none" stroke="{colour}" '
            f'stroke-width="1.6"{dash_attr}><title>{text(label)}</title></path>'
        )
        if bx > ax and by == ay:  # name the kind above a straight edge
            out.append(
                f'<text x="{num((x1 + x2) / 2)}" y="{num(y1 - 4)}" text-anchor="middle" '
                f'font-size="9" fill="{colour}">{text(link["kind"])}</text>'
            )
    for doc_id, source in sources.items():
        x, y = box(doc_id)
        original = doc_id not in derived
        kind = "source independent" if original else "source derived"
        fill, stroke = ("#e3f2fd", "#1565c0") if original else ("#f5f5f5", "#aaa")
        name = source.get("outlet") or doc_id
        weight = ' font-weight="600"' if original else ""
        tip = f"{name} · {source.get('title') or doc_id} · {source.get('language') or '?'}"
        tip += " · independent source" if original else " · copies another report"
        if source.get("machine_translated"):
            tip += " · machine-translated"
        node = (
            f'<g class="{kind}"><title>{text(tip)}</title>'
            f'<rect x="{num(x)}" y="{num(y)}" width="{NODE_W}" height="{NODE_H}" rx="5" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="{1.8 if original else 1}"/>'
            f'<text x="{num(x + 8)}" y="{num(y + NODE_H / 2 + 4)}" fill="#222"{weight}>'
            f"{text(name, 22)}</text></g>"
        )
        out.append(node if href is None else f'<a href="{text(href(doc_id))}">{node}</a>')
    out.append("</svg>")
    return "".join(out)
