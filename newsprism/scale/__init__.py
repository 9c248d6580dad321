"""scale stage: the per-article extraction as a Ray Data job (optional extra ``newsprism[ray]``).

Ray is imported only inside :func:`newsprism.scale.ray_job.run_extraction`; everything else here
(the row formats) is plain Python and usable without it.
"""

from newsprism.scale.rows import document_from_row, extraction_row

__all__ = ["document_from_row", "extraction_row"]
