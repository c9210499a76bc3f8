"""What the compose stage hands to the render stage."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    """Workbook rows behind a document, for the manifest."""

    sheet: str
    rows: tuple[int, ...]


@dataclass(frozen=True)
class DocumentPlan:
    """One document to render: template, context and where it comes from."""

    kind: str            # "ke_hoach", "quyet_dinh", …
    template: str        # file name under templates/
    filename: str        # output file name
    context: dict
    sources: tuple[Source, ...] = ()
    title: str = ""      # Vietnamese description for messages and print covers
    copies: int = 1
    group: str = ""      # print bundle the document belongs to
    warnings: tuple[str, ...] = field(default=())
    payload: object = None  # the composed object (e.g. a Decision), for summaries
    extra: dict = field(default_factory=dict)  # facts for manifest.json (JSON values)


@dataclass(frozen=True)
class Composition:
    documents: list[DocumentPlan]
    skipped: list[str]   # Vietnamese notes: parts left out and why
    batches: list = field(default_factory=list)  # BatchSummary of each decision batch
