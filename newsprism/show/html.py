"""The HTML report and the web UI's pages, from Jinja2 templates with autoescaping on.

Article text is untrusted input: every value reaches the page through Jinja2's escaping, and no
template marks article-derived text ``|safe``.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from newsprism.show import common
from newsprism.show.charts import is_charted, series_chart
from newsprism.show.graph import reuse_graph


def content_security_policy(*, header: bool = False) -> str:
    """The pages' Content-Security-Policy: nothing may load or run but the stylesheet, served
    by the app itself on the web pages and inlined in a report file, where it is allowed by its
    hash (no 'unsafe-inline', no scripts at all). ``header``: the form for an HTTP header, which
    may also forbid framing (a <meta> policy cannot)."""
    digest = base64.b64encode(hashlib.sha256(str(stylesheet()).encode("utf-8")).digest())
    policy = (
        f"default-src 'none'; style-src 'self' 'sha256-{digest.decode('ascii')}'; "
        "img-src 'self'; form-action 'self'; base-uri 'none'"
    )
    return policy + "; frame-ancestors 'none'" if header else policy


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newsprism.show", "templates"),
        autoescape=True,  # every extension: templates are all HTML, nothing may slip through
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(
        verdict_colours=common.VERDICT_COLOURS,
        value_range=common.value_range,
        published=common.published,
        noise=common.noise,
        number=common.number,
        is_web_url=common.is_web_url,
        sentence_parts=common.sentence_parts,
        conflict_panels=common.conflict_panels,
        is_charted=is_charted,
        chart=chart,
        graph=graph,
        stylesheet=stylesheet,
        csp=content_security_policy(),
    )
    return env


@functools.cache
@functools.cache
def stylesheet() -> Markup:
    """The pages' CSS (served as /static/newsprism.css, inlined in the self-contained report).

    Markup because it is this package's own file, not article text.
    """
    css = resources.files("newsprism.show").joinpath("static", "newsprism.css")
    return Markup(css.read_text(encoding="utf-8"))


def _claim_href(claim: dict[str, Any]) -> str:
    return f"/documents/{claim['doc_id']}?start={claim['start']}&end={claim['end']}#focus"


def chart(row: dict[str, Any], web: bool) -> Markup:
    """A claim row's series chart for a page. The SVG is built by charts.py, which escapes
    every article-derived text itself (see newsprism.show.svg)."""
    return Markup(series_chart(row, href=_claim_href if web else None))


def graph(story: dict[str, Any], web: bool) -> Markup:
    """A story's copy/translation graph (built and escaped by graph.py)."""
    return Markup(reuse_graph(story, href=(lambda d: f"/documents/{d}") if web else None))


def render_page(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def render_html(record: dict[str, Any]) -> str:
    """A self-contained report page (styles inline, no scripts, no external requests; its
    <meta> Content-Security-Policy forbids any script should one ever slip in)."""
    return render_page("report.html", record=record, web=False)
