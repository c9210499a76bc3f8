"""What the compose stage hands to the render stage."""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Callable, Mapping, TypeVar, Union

from ..problems import Problem

if TYPE_CHECKING:
    from ..read.workbook import WorkbookData
    from ..rules.awards import Resolution
    from ..rules.book import Rules

T = TypeVar("T")


@dataclass(eq=False)
class Inputs:
    """What every document type composes from: the workbook data, its resolution (issuer, awards) and the
    rules. Work several types need (the decisions of each batch) is done once, through ``shared``."""

    data: WorkbookData
    resolution: Resolution
    rules: Rules
    _shared: dict = field(default_factory=dict, repr=False)

    def shared(self, compute: Callable[[Inputs], T]) -> T:
        """``compute(self)``, computed at most once."""
        if compute not in self._shared:
            self._shared[compute] = compute(self)
        return self._shared[compute]


@dataclass(frozen=True)
class Source:
    """Workbook rows behind a document, for the manifest."""

    sheet: str
    rows: tuple[int, ...]


@dataclass(frozen=True)
class DocumentPlan:
    """One document to render: template, context and where it comes from."""

    kind: str            # the document type's key
    template: str        # template file name, looked up along the settings' search path
    filename: str        # output file name
    make_context: Callable[[], dict]  # made when drafted, not held: only documents in hand have their lists
    sources: tuple[Source, ...] = ()
    title: str = ""      # Vietnamese description for messages and print covers
    copies: int = 1
    group: str = ""      # print bundle the document belongs to
    warnings: tuple[Problem, ...] = field(default=())  # e.g. unverified legal values it used
    extra: dict = field(default_factory=dict)  # facts for manifest.json (JSON values)

    @property
    def context(self) -> dict:
        """The template's variables (made anew at each call)."""
        return self.make_context()


@dataclass(frozen=True)
class Attachment:
    """A file that goes with the documents but is not signed (a summary workbook)."""

    kind: str
    filename: str
    title: str
    render: Callable[[], bytes]
    sources: tuple[Source, ...] = ()
    group: str = ""


@dataclass(frozen=True)
class Composition:
    documents: list[DocumentPlan] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)   # Vietnamese notes: parts left out and why
    attachments: list[Attachment] = field(default_factory=list)

    def __add__(self, other: Composition) -> Composition:
        return Composition(self.documents + other.documents, self.skipped + other.skipped,
                           self.attachments + other.attachments)


@dataclass(frozen=True)
class Items:
    """A list whose every item has ``shape``: what a ``{% for %}`` over it gives its loop variable."""

    shape: Shape


@dataclass(frozen=True)
class Entries:
    """A mapping keyed by data (the anniversaries of ky-niem.toml), every entry of ``shape``."""

    shape: Shape


Shape = Union[Mapping[str, "Shape"], Items, Entries, None]
"""What a template variable holds as far as a template looks into it: a mapping's fields by name, a list's
items, a keyed mapping's entries, or None for a value used as a whole (text, number, list of text)."""


def fields(*plain: str, **nested: Shape) -> Mapping[str, Shape]:
    """A mapping's fields: the ``plain`` ones used as a whole, the ``nested`` ones with their own shape."""
    return MappingProxyType({**dict.fromkeys(plain), **nested})


COMMON_VARIABLES = fields("co_quan_chu_quan", "co_quan_ban_hanh", "co_quan_viet_gon", "so_ky_hieu", "dia_danh",
                          "ngay_ban_hanh", "nam", "can_cu", "noi_nhan", chu_ky=fields("tham_quyen", "ho_ten"))
"""Variables every document type gives its template (see templates/README.md)."""


@dataclass(frozen=True)
class DocumentType:
    """One kind of document: its template, the variables it provides and how it is composed.

    ``compose`` takes the ``Inputs`` (workbook data, its resolution, the rules); it returns the documents
    to render and their attachments (see ``tdkt_docs.documents``).
    """

    key: str
    name: str            # Vietnamese, as users call it
    template: str
    variables: Mapping[str, Shape]  # by name, with their fields (``fields``), as templates/README.md lists them
    compose: Callable[[Inputs], Composition]
