"""One module per page of the workflow; each has ``STEP`` (its navigation entry) and ``ROUTES``.

A new page (a feature of its own) is one more module listed here.
"""
from . import building, checking, formatting, opening, results, start

MODULES = (start, opening, checking, building, results, formatting)
