"""The HTML report and the web UI's pages, from Jinja2 templates with autoescaping on.

Article text is untrusted input: every value reaches the page through Jinja2's escaping, and no
template marks article-derived text ``|safe``.
"""

from __future__ import annotations

import functools
from typing import Any

import jinja2

from newsprism.show import common


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
    )
    return env


def render_page(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def render_html(record: dict[str, Any]) -> str:
    """A self-contained report page (styles inline, no scripts, no external requests)."""
    return render_page("report.html", record=record, web=False)
