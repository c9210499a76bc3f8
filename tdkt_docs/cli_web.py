"""``tdkt web``: the local web page. The web stack is imported only when the command runs."""
from __future__ import annotations

from pathlib import Path

import click

from .cli import HELP, HELP_TEXT, MAU_OPTION, REGISTER_OPTION, Number, VietnameseCommand, cli, settings_for


@cli.command(cls=VietnameseCommand, context_settings=HELP, name="web",
             short_help="Mở trang web trên máy này để làm mọi việc trong trình duyệt.")
@click.option("--port", type=Number(int, 0, 65535), default=8765, metavar="SỐ",
              help="Cổng của trang web (mặc định 8765; 0: chọn cổng trống bất kỳ).")
@click.option("--host", default="127.0.0.1", metavar="ĐỊA_CHỈ",
              help="Địa chỉ phục vụ (mặc định 127.0.0.1: chỉ máy này mở được). Địa chỉ khác (ví dụ 0.0.0.0) cho "
                   "máy khác trong mạng mở được; khi đó lệnh in ra một mã truy cập, thiếu mã thì trang từ chối.")
@click.option("--no-browser", is_flag=True, help="Không tự mở trình duyệt.")
@click.option("-o", "--output", "outdir", default=None, metavar="THƯ_MỤC",
              help="Thư mục ghi văn bản, mỗi sổ một thư mục con (mặc định: thư mục tạm, xóa khi dừng; "
                   "văn bản tải về từ trang).")
@MAU_OPTION
@REGISTER_OPTION
@click.help_option("-h", "--help", help=HELP_TEXT)
def web(port: int, host: str, no_browser: bool, outdir: str | None, mau: str | None, register: str) -> None:
    """Mở trang web trên máy này: tải sổ mẫu và sổ đề nghị cho đơn vị, mở sổ, nhập danh sách của các đơn vị,
    kiểm tra, tạo văn bản, xem và tải kết quả, tra cứu và ghi sổ theo dõi khen thưởng, in bằng khen, kiểm tra
    thể thức văn bản Word — như các lệnh tdkt, trong trình duyệt. Nhấn Ctrl+C để dừng."""
    import secrets
    import shutil
    import tempfile
    import threading
    import webbrowser

    from .web import create_app
    from .web.serve import LOCAL, addresses, listen, server

    settings = settings_for(None, mau, register)
    token = None if host in LOCAL else secrets.token_urlsafe(24)
    sock = listen(host, port)
    workdir = Path(tempfile.mkdtemp(prefix="tdkt-web-"))
    try:
        app = create_app(settings, workdir, outdir=Path(outdir) if outdir else None, token=token)
        key = f"?token={token}" if token else ""
        here, network = addresses(sock)
        here += key
        if network:
            click.echo(f"Trang web trên máy này: {here}\nCho các máy khác trong mạng: {network}{key}")
        else:
            click.echo(f"Trang web: {here}")
        if token:
            click.echo("Trang đang mở cho các máy trong mạng; chỉ ai có đường dẫn trên (kèm mã truy cập) mới dùng "
                       "được. Đừng gửi đường dẫn này cho người ngoài.")
        click.echo("Nhấn Ctrl+C để dừng.")
        if not no_browser:
            threading.Timer(0.5, webbrowser.open, args=(here,)).start()
        server(app).run(sockets=[sock])
    finally:
        sock.close()
        shutil.rmtree(workdir, ignore_errors=True)
    click.echo("Đã dừng trang web; các sổ đã mở trong thư mục tạm đã được xóa.")
