"""manifest.json: one document per line, written as it goes."""
import datetime
import io
import json
from dataclasses import dataclass
from typing import ClassVar

from tdkt_docs.manifest import Entry, Manifest, json_bytes, load, save


class CountingText(io.StringIO):
    """A text stream that counts the pieces written to it."""

    writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def _manifest(n: int) -> Manifest:
    return Manifest("so-lieu.xlsx", [Entry("quyet_dinh", f"dot/qd-{i}.docx", f"{i:064x}", title=f"Quyết định {i}",
                                           sources=[{"sheet": "Đề nghị khen thưởng", "rows": [i + 2]}])
                                     for i in range(n)], skipped=["Bỏ qua Kế hoạch"], inputs="abc")


def test_each_document_is_one_line_and_written_by_itself(tmp_path):
    manifest = _manifest(500)
    out = CountingText()
    manifest.write_json(out)
    assert out.writes > 500  # never built whole in memory
    lines = out.getvalue().splitlines()
    assert sum(line.startswith('    {"kind":"quyet_dinh"') for line in lines) == 500
    assert json.loads(out.getvalue())["documents"][499]["title"] == "Quyết định 499"
    save(tmp_path, manifest)
    assert load(tmp_path) == manifest


def test_a_manifest_without_documents_is_valid_json(tmp_path):
    save(tmp_path, _manifest(0))
    assert load(tmp_path) == _manifest(0)


@dataclass
class Counted:
    """A record (a dataclass, as the build's are) that says how JSON holds it, counting how often it is asked."""

    asked: ClassVar[int] = 0

    def to_json(self) -> dict:
        Counted.asked += 1
        return {"noi_nhan": "Như Điều 3", "so_ban": 1}


def test_an_entry_landed_then_listed_in_the_manifest_is_encoded_once(tmp_path):
    from tdkt_docs.outfolder import JOURNAL_NAME, OutputFolder

    entry = Entry("quyet_dinh", "dot/qd-1.docx", "0" * 64, extra={"phat_hanh": [Counted()]})
    Counted.asked = 0
    with OutputFolder(tmp_path / "ra", 1.0) as folder:
        folder.land(entry)
        assert json.loads((tmp_path / "ra" / JOURNAL_NAME).read_text(encoding="utf-8"))["extra"] == {
            "phat_hanh": [{"noi_nhan": "Như Điều 3", "so_ban": 1}]}
        folder.finish(Manifest("so-lieu.xlsx", [entry]))
    assert Counted.asked == 1
    assert json.loads((tmp_path / "ra" / "manifest.json").read_text(encoding="utf-8"))["documents"][0]["extra"] == {
        "phat_hanh": [{"noi_nhan": "Như Điều 3", "so_ban": 1}]}


def test_what_the_fast_encoder_refuses_is_still_written():
    """A mistyped document number of twenty digits, a key that is a number: the line holds them as the standard
    library would, and the key of a document's variables is made all the same, the same every time."""
    entry = Entry("quyet_dinh", "dot/qd-1.docx", "0" * 64, extra={"so": 10 ** 20, 3: "ba"})
    assert json.loads(entry.line)["extra"] == {"so": 10 ** 20, "3": "ba"}
    variables = {"so": 10 ** 20, "ngay": datetime.date(2024, 12, 20), "b": 1}
    assert json.loads(json_bytes(variables, str, sort_keys=True)) == {"b": 1, "ngay": "2024-12-20", "so": 10 ** 20}
    assert json_bytes(variables, str, sort_keys=True) == json_bytes(dict(reversed(variables.items())), str,
                                                                     sort_keys=True)
