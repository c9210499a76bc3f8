"""The document-type registry: each type brings its template and variables, documented in templates/README.md."""
from __future__ import annotations

import re
from collections.abc import Mapping

import pytest

from helpers import ROOT, TEMPLATES
from tdkt_docs.check.template import lint_template
from tdkt_docs.compose.document import Entries, Items
from tdkt_docs.documents import REGISTRY, by_template
from tdkt_docs.render.docx import _CompilingEnvironment

README = (TEMPLATES / "README.md").read_text(encoding="utf-8")


def variables_section(template: str) -> str:
    """The variables table of ``template`` in templates/README.md, with the notes under it."""
    return README.split(f"Biến của mẫu `{template}`", 1)[1].split("\n#", 1)[0]


def documented_variables(template: str) -> set[str]:
    """Top-level names in the variables table of ``template`` in templates/README.md."""
    section = variables_section(template)
    names = set(re.findall(r"^\| `([a-z_0-9]+)[`.]", section, flags=re.M))
    loop = re.search(r"^(.*) là tên biến lặp", section, flags=re.M).group(1)
    return names - set(re.findall(r"`([a-z_0-9]+)`", loop))


@pytest.mark.parametrize("document_type", REGISTRY, ids=lambda d: d.key)
def test_every_type_has_a_template_that_lints_clean_with_its_variables(document_type):
    assert lint_template(TEMPLATES / document_type.template, document_type.variables) == []
    assert by_template(document_type.template) is document_type


@pytest.mark.parametrize("document_type", REGISTRY, ids=lambda d: d.key)
def test_every_variable_of_a_type_is_documented_and_nothing_else(document_type):
    assert documented_variables(document_type.template) == set(document_type.variables)


@pytest.mark.parametrize("document_type", REGISTRY, ids=lambda d: d.key)
def test_every_field_of_a_type_is_documented_and_no_other_field_of_its_variables(document_type):
    section = variables_section(document_type.template)
    named = set(re.findall(r"`(?:[^`\s]*\.)?([a-z_0-9]+)`", section))  # "dieu_1.doi_tuong", "t.so", "tap_the"
    assert set().union(*map(field_names, document_type.variables.values())) <= named
    first_cells = "\n".join(re.findall(r"^\|([^|]*)\|", section, flags=re.M))
    for variable, name in re.findall(r"`([a-z_0-9]+)\.([a-z_0-9]+)`", first_cells):  # "| `dieu_1.doi_tuong` |"
        fields = document_type.variables.get(variable)
        assert not isinstance(fields, Mapping) or name in fields, f"{variable}.{name}"


def field_names(shape) -> set[str]:
    """The names of the fields declared in ``shape``, at any depth."""
    if isinstance(shape, (Items, Entries)):
        return field_names(shape.shape)
    if not isinstance(shape, Mapping):
        return set()
    return set(shape).union(*(field_names(inner) for inner in shape.values()))


@pytest.mark.parametrize("document_type", REGISTRY, ids=lambda d: d.key)
def test_no_variable_or_field_is_named_like_a_method_of_dict(document_type):
    """Rendering reads ``dong.stt`` as the key of a dict first (below): a field named "items" would hide the
    method, so none is."""
    assert not field_names(document_type.variables) & set(dir(dict))


def test_a_field_is_read_as_its_dicts_key_before_any_attribute():
    environment = _CompilingEnvironment()
    assert environment.from_string("{{ d.items }}, {{ d.ten }}").render(d={"items": "a", "ten": "b"}) == "a, b"
    assert environment.from_string("{{ d.items() | list }}").render(d={"ten": "b"}) == "[(&#39;ten&#39;, &#39;b&#39;)]"


def test_keys_and_templates_are_unique():
    assert len({d.key for d in REGISTRY}) == len({d.template for d in REGISTRY}) == len(REGISTRY)


def test_only_the_document_modules_name_a_document_type():
    """build, cli, manifest, export and check iterate over the registry; none names a kind."""
    names = [d.key for d in REGISTRY] + [d.template for d in REGISTRY]
    for source in (ROOT / "tdkt_docs").rglob("*.py"):
        if source.parent.name == "documents":
            continue
        text = source.read_text(encoding="utf-8")
        assert not [n for n in names if f'"{n}"' in text], source
