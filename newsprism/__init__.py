"""newsprism: many news reports in, one sourced, cross-checked record out."""

from __future__ import annotations

import logging

from newsprism.model import Document, Extraction, document_id

__version__ = "0.1.0"
__all__ = ["Document", "Extraction", "__version__", "document_id"]

logging.getLogger("newsprism").addHandler(logging.NullHandler())
