"""show stage: the record (JSON), reports (text, Markdown, HTML), exports and the web UI."""

from newsprism.show.export import export
from newsprism.show.record import build_record
from newsprism.show.render import FORMATS, render

__all__ = ["FORMATS", "build_record", "export", "render"]
