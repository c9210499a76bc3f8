"""Certificate layouts: the page and the field boxes of one pre-printed blank, read from TOML.

A layout is looked up as ``phoi/<form-key>.toml`` along the settings' template search path
(the user's ``mau/`` first, then the built-in ``tdkt_docs/templates/``); the first file found is used whole.
Coordinates are millimetres from the top-left corner of the sheet.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..files import write_bytes_atomic
from ..settings import Settings

LAYOUT_FOLDER = "phoi"
PRINTER_FILE = "may-in.toml"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
STYLES = ("regular", "bold", "italic", "bold italic")
ALIGNS = ("left", "center", "right")
VALIGNS = ("top", "middle", "bottom")
DEFAULT_FONT = "Times New Roman"
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class Box:
    """One field: its text template and where and how it is printed."""

    key: str
    text: str           # template with {placeholders}, see certificate.model.PLACEHOLDERS
    x: float            # mm from the left edge of the sheet
    y: float            # mm from the top edge of the sheet
    width: float
    height: float
    font: str
    size: float         # pt
    min_size: float     # pt: long text shrinks down to this, never below
    style: str = "regular"
    align: str = "center"
    valign: str = "top"
    color: str = "#000000"
    leading: float = 1.2  # line spacing, × font size


@dataclass(frozen=True)
class Layout:
    key: str
    name: str
    width: float         # mm
    height: float        # mm
    boxes: tuple[Box, ...]
    source: str
    verified: bool
    path: Path
    built_in: bool

    @property
    def label(self) -> str:
        return f'khổ phôi {self.name} {fmt_mm(self.width)} × {fmt_mm(self.height)} mm'


@dataclass(frozen=True)
class PrinterOffset:
    """Printer correction: shift (mm) then scale about the sheet's top-left corner."""

    x: float = 0.0
    y: float = 0.0
    scale: float = 1.0


def fmt_mm(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def layout_name(key: str) -> str:
    return f"{LAYOUT_FOLDER}/{key}.toml"


def layout_keys(settings: Settings) -> list[str]:
    """Every form key with a layout somewhere in the search path, in name order."""
    return [Path(name).stem for name in settings.template_names(layout_name("*"))]


def load_layout(key: str, settings: Settings) -> Layout:
    path = settings.find_template(layout_name(key))
    if path is None:
        raise UserError(
            f'Chưa có bố cục phôi "{layout_name(key)}" (đã tìm trong: '
            f'{", ".join(str(f) for f in settings.template_dirs)}). Chạy "tdkt mau" để chép các bố cục có sẵn vào '
            f'thư mục mau/{LAYOUT_FOLDER}/, chép một tệp thành "{key}.toml" rồi sửa vị trí các ô theo phôi thật.')
    return parse_layout(key, read_toml(path), path, built_in=not settings.is_user_file(path))


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as err:
        raise UserError(f'Tệp "{path}" sai cú pháp: {err}.') from None
    except OSError:
        raise UserError(f'Không đọc được tệp "{path}".') from None


def parse_layout(key: str, raw: dict[str, Any], path: Path, built_in: bool) -> Layout:
    where = f'Tệp bố cục phôi "{path}"'
    width, height = _number(raw, "width_mm", where), _number(raw, "height_mm", where)
    font = _text(raw, "font", where, DEFAULT_FONT)
    leading = _number(raw, "leading", where, 1.2)
    boxes_raw = raw.get("boxes")
    if not isinstance(boxes_raw, dict) or not boxes_raw:
        raise UserError(f'{where} chưa có ô nào: thêm các mục [boxes.<tên ô>].')
    boxes = tuple(_box(name, spec, f'{where}, ô "{name}"', font, leading) for name, spec in boxes_raw.items())
    for box in boxes:
        if box.x < 0 or box.y < 0 or box.x + box.width > width or box.y + box.height > height:
            raise UserError(f'{where}, ô "{box.key}": ô nằm ngoài tờ phôi {fmt_mm(width)} × {fmt_mm(height)} mm.')
    return Layout(key=key, name=_text(raw, "name", where, key), width=width, height=height, boxes=boxes,
                  source=_text(raw, "source", where, ""), verified=bool(raw.get("verified", False)),
                  path=path, built_in=built_in)


def _box(key: str, spec: Any, where: str, font: str, leading: float) -> Box:
    if not isinstance(spec, dict):
        raise UserError(f"{where}: phải là một mục [boxes.{key}] có các khóa x_mm, y_mm, w_mm, h_mm, size.")
    size = _number(spec, "size", where)
    box = Box(
        key=key, text=_text(spec, "text", where), x=_number(spec, "x_mm", where), y=_number(spec, "y_mm", where),
        width=_number(spec, "w_mm", where), height=_number(spec, "h_mm", where),
        font=_text(spec, "font", where, font), size=size, min_size=_number(spec, "min_size", where, size),
        style=_choice(spec, "style", where, STYLES, "regular"), align=_choice(spec, "align", where, ALIGNS, "center"),
        valign=_choice(spec, "valign", where, VALIGNS, "top"), color=_text(spec, "color", where, "#000000"),
        leading=_number(spec, "leading", where, leading),
    )
    if box.min_size > box.size:
        raise UserError(f"{where}: min_size ({fmt_mm(box.min_size)}) lớn hơn size ({fmt_mm(box.size)}).")
    if not _COLOR.fullmatch(box.color):
        raise UserError(f'{where}: màu "{box.color}" phải viết dạng #RRGGBB, ví dụ "#C00000" (đỏ).')
    return box


def _number(spec: dict, name: str, where: str, default: float | None = None) -> float:
    value = spec.get(name, default)
    if value is None:
        raise UserError(f'{where}: thiếu khóa "{name}".')
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise UserError(f'{where}: "{name}" phải là một số không âm (đang là {value!r}).')
    if value == 0 and name not in ("x_mm", "y_mm"):
        raise UserError(f'{where}: "{name}" phải lớn hơn 0.')
    return float(value)


def _text(spec: dict, name: str, where: str, default: str | None = None) -> str:
    value = spec.get(name, default)
    if value is None:
        raise UserError(f'{where}: thiếu khóa "{name}".')
    if not isinstance(value, str):
        raise UserError(f'{where}: "{name}" phải là chữ đặt trong dấu ngoặc kép.')
    return value


def _choice(spec: dict, name: str, where: str, choices: tuple[str, ...], default: str) -> str:
    value = _text(spec, name, where, default)
    if value not in choices:
        raise UserError(f'{where}: "{name}" = "{value}" không hợp lệ; chỉ dùng: {", ".join(choices)}.')
    return value


def check_scale(scale: float, where: str) -> None:
    if not 0.5 <= scale <= 1.5:
        raise UserError(f'{where}: tỉ lệ "scale" = {fmt_mm(scale)} nằm ngoài khoảng 0,5 đến 1,5.')


def save_printer_offset(folder: Path, offset: PrinterOffset) -> Path:
    """Write ``may-in.toml`` in the user's folder (created if needed); returns its path."""
    check_scale(offset.scale, "Độ lệch máy in")
    path = folder / PRINTER_FILE
    text = ("# Độ lệch máy in khi in bằng khen, giấy khen (tdkt in-bang): dời chữ sang phải x_mm, xuống dưới\n"
            "# y_mm (số âm: sang trái, lên trên), rồi phóng theo tỉ lệ scale tính từ góc trên bên trái tờ phôi.\n"
            f"x_mm = {offset.x:g}\ny_mm = {offset.y:g}\nscale = {offset.scale:g}\n")
    write_bytes_atomic(path, text.encode("utf-8"))
    return path


def printer_offset(settings: Settings) -> PrinterOffset:
    """``may-in.toml`` from the first folder that has one; no correction otherwise."""
    path = settings.find_template(PRINTER_FILE)
    if path is None:
        return PrinterOffset()
    raw = read_toml(path)
    where = f'Tệp chỉnh máy in "{path}"'
    values = {}
    for name in ("x_mm", "y_mm", "scale"):
        value = raw.get(name, 1.0 if name == "scale" else 0.0)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise UserError(f'{where}: "{name}" phải là một số (đang là {value!r}).')
        values[name] = float(value)
    check_scale(values["scale"], where)
    return PrinterOffset(values["x_mm"], values["y_mm"], values["scale"])


def preview_image(key: str, settings: Settings) -> Path:
    """The scanned blank ``phoi/<key>.png|jpg`` used as the preview background."""
    for suffix in IMAGE_SUFFIXES:
        if (path := settings.find_template(f"{LAYOUT_FOLDER}/{key}{suffix}")) is not None:
            return path
    raise UserError(f'Chưa có ảnh quét phôi để xem trước: hãy quét phôi trắng "{key}" (cả tờ, không chừa lề) và lưu '
                    f'thành mau/{LAYOUT_FOLDER}/{key}.png hoặc .jpg (thư mục "mau" cạnh sổ Excel, hoặc thư mục '
                    "chỉ ra bằng --mau).")
