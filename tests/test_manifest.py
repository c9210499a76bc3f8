"""manifest.json: one document per line, written as it goes."""
import io
import json

from tdkt_docs.manifest import Entry, Manifest, load, save


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
    assert sum(line.startswith('    {"kind": "quyet_dinh"') for line in lines) == 500
    assert json.loads(out.getvalue())["documents"][499]["title"] == "Quyết định 499"
    save(tmp_path, manifest)
    assert load(tmp_path) == manifest


def test_a_manifest_without_documents_is_valid_json(tmp_path):
    save(tmp_path, _manifest(0))
    assert load(tmp_path) == _manifest(0)
