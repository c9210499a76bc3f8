"""Element helpers shared by the stages that read Office XML as lxml trees (render, check)."""
from __future__ import annotations

from lxml import etree


def child(element: etree._Element, tag: str) -> etree._Element | None:
    """The first child named ``tag``: ``element.find(tag)`` without lxml's path parser, for the hot paths."""
    return next(element.iterchildren(tag), None)
