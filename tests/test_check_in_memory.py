"""The build checks each document from the parts it has just rendered, without opening the package again
(the body from the element tree rendering built, not even parsed): the findings and the content fingerprint
are those of the written file."""
from __future__ import annotations

import zipfile

import pytest

from tdkt_docs.build import Renderer, prepare
from tdkt_docs.check.document import Checker
from tdkt_docs.check.fingerprint import content_fingerprint

from helpers import SAMPLE_2024
from support.documents import BOOK, check_docx


@pytest.fixture(scope="module")
def rendered(settings):
    """(template, replaced parts) of every document of the 2024 sample."""
    prepared = prepare(SAMPLE_2024, settings)
    renderer = Renderer(settings, prepared.rules)
    return [(template := renderer.template(plan.template), template.render_parts(plan.context))
            for plan in prepared.composition.documents]


def _from_file(data: bytes):
    """What ``tdkt check`` finds in the written file, and the fingerprint a later build reads from it."""
    return check_docx(data), content_fingerprint(data, BOOK)


def test_same_findings_and_fingerprint_as_the_written_file(rendered):
    checker = Checker(BOOK)
    kinds = set()
    for template, parts in rendered:
        kinds.add(template.path.name)
        written = _from_file(template.pack(parts))
        assert checker.inspect_rendered(template.shell, parts, parts.body) == written
        assert checker.inspect_rendered(template.shell, parts) == written
    assert kinds == {"ke-hoach.docx", "quyet-dinh.docx", "to-trinh.docx"}


def test_a_defect_in_the_rendered_body_is_found(rendered):
    template, parts = next((t, p) for t, p in rendered if t.path.name == "quyet-dinh.docx")
    arial = b'<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr><w:t'
    broken = {**parts, "word/document.xml": parts["word/document.xml"].replace(b"<w:r><w:t", arial)}
    assert broken != parts
    checker = Checker(BOOK)
    problems, fingerprint = checker.inspect_rendered(template.shell, broken)
    assert "chu.phong_chu" in {p.code for p in problems}
    assert (problems, fingerprint) == _from_file(template.pack(broken))
    assert fingerprint != checker.inspect_rendered(template.shell, parts)[1]


def test_a_rendered_header_replaces_the_templates_own(rendered):
    """A header in the rendered parts is the one checked, not the template's."""
    template, parts = next((t, p) for t, p in rendered if t.path.name == "quyet-dinh.docx")
    with zipfile.ZipFile(template.path) as archive:
        name, data = next((n, archive.read(n)) for n in archive.namelist()
                          if n.startswith("word/header") and b"PAGE" in archive.read(n))
    style = b'<w:pStyle w:val="SoTrang"/></w:pPr>'
    assert style in data
    moved = {**parts, name: data.replace(style, b'<w:pStyle w:val="SoTrang"/><w:jc w:val="right"/></w:pPr>')}
    checker = Checker(BOOK)
    assert "so_trang.canh_giua" in {p.code for p in checker.inspect_rendered(template.shell, moved)[0]}
    assert "so_trang.canh_giua" not in {p.code for p in checker.inspect_rendered(template.shell, parts)[0]}


def test_making_a_document_leaves_nothing_for_the_garbage_collector(settings):
    """Rendered and checked, a document is freed as soon as it is made, its XML tree with it: nothing it made
    holds itself (a paragraph and its lines once did), so nothing waits for a collection, which in a worker of
    a year-end build came every hundred documents or so, each time walking and freeing all of theirs."""
    import gc

    prepared = prepare(SAMPLE_2024, settings)
    renderer = Renderer(settings, prepared.rules)
    drafts = [renderer.draft(plan) for plan in prepared.composition.documents]
    renderer.make(drafts[0])  # caches filled once: the templates compiled, their shells checked
    gc.collect()
    gc.disable()
    try:
        for draft in drafts:
            renderer.make(draft)
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert len(drafts) > 3
