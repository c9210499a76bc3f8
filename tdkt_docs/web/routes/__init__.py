"""One module per page of the workflow; each has ``STEP`` (its navigation entry) and ``ROUTES``.

A new page (a feature of its own) is one more module listed here.
"""
from . import building, certificates, checking, formatting, importing, opening, register, results, start

MODULES = (start, opening, importing, checking, building, results, register, certificates, formatting)
