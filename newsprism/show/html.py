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


@functools.cache
def style() -> str:
    """The pages' one stylesheet (inlined, so a report file stands alone)."""
    return resources.files("newsprism.show").joinpath("templates/style.css").read_text("utf-8")


def content_security_policy(*, header: bool = False) -> str:
    """The pages' Content-Security-Policy: nothing may load or run but the one inline stylesheet,
    allowed by its hash (no 'unsafe-inline', no scripts at all). ``header``: the form for an
    HTTP header, which may also forbid framing (a <meta> policy cannot)."""
    digest = base64.b64encode(hashlib.sha256(style().encode("utf-8")).digest()).decode("ascii")
    policy = (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'self'; "
        "form-action 'self'; base-uri 'none'"
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
        style=Markup(style()),  # a package file, never article text
        csp=content_security_policy(),
    )
    return env


def render_page(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def render_html(record: dict[str, Any]) -> str:
    """A self-contained report page (styles inline, no scripts, no external requests; its
    <meta> Content-Security-Policy forbids any script should one ever slip in)."""
    return render_page("report.html", record=record, web=False)
