"""Where the register lives, the backup before a migration, and a real PostgreSQL server (also with two
users recording at once, each on a connection of their own)."""
from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from alembic import command
from sqlalchemy import select, update

from helpers import run_tdkt
from support.register import count, past, past_list, sqlite_url
from tdkt_docs.errors import UserError
from tdkt_docs.register.history import lookup
from tdkt_docs.register.location import register_url
from tdkt_docs.register.past import read_past_awards
from tdkt_docs.register.record import record
from tdkt_docs.register.store import alembic_config, open_register
from tdkt_docs.register.tables import awards, decisions, recipients


def test_register_location(monkeypatch, tmp_path, rules):
    assert register_url(None).endswith("/tdkt/so-theo-doi-khen-thuong.sqlite")
    assert register_url("postgresql://u@host/db") == "postgresql+psycopg://u@host/db"
    assert register_url(str(tmp_path / "a.sqlite")) == f"sqlite:///{tmp_path / 'a.sqlite'}"
    with pytest.raises(UserError, match="không đúng dạng"):
        open_register("khong-biet://x")
    target = tmp_path / "tu-bien-moi-truong.sqlite"
    with open_register(sqlite_url(target)) as register:
        record(register, read_past_awards(past_list(tmp_path / "ds.xlsx", [
            past("1/QĐ-SNV", dt.date(2023, 1, 2), "Giấy khen", "Lê Văn Bình", "Sở Nội vụ")])), rules.register_forms)
    monkeypatch.setenv("TDKT_SO_THEO_DOI", str(target))
    assert run_tdkt("tra-cuu", "binh").stdout.startswith("Lê Văn Bình (cá nhân, Sở Nội vụ):")
    ran = run_tdkt("tra-cuu", "binh", "--so-theo-doi", tmp_path / "khac.sqlite")  # the option wins
    assert ran.returncode == 1 and "Chưa có sổ theo dõi" in ran.stderr


def test_what_is_no_register_is_named_not_a_crash(tmp_path, decisions_content, make_workbook):
    (tmp_path / "ghi-chu.sqlite").write_text("không phải sổ", encoding="utf-8")
    for where, why in (
            (tmp_path / "ghi-chu.sqlite", "tệp không phải sổ theo dõi khen thưởng, hoặc đã bị hỏng."),
            (f"postgresql://tdkt@/so?host={tmp_path / 'khong-co'}",
             "không kết nối được máy chủ cơ sở dữ liệu (địa chỉ, cổng, tên cơ sở dữ liệu, người dùng, mật khẩu), "
             "hoặc cơ sở dữ liệu đó không phải sổ theo dõi khen thưởng.")):
        ran = run_tdkt("tra-cuu", "An", "--so-theo-doi", where)
        assert ran.returncode == 1
        assert ran.stderr.startswith("Không mở được sổ theo dõi ") and ran.stderr.strip().endswith(why)
    ran = run_tdkt("check", make_workbook(decisions_content), "--so-theo-doi", tmp_path / "ghi-chu.sqlite")
    assert ran.returncode == 0
    assert ('  Cảnh báo: trang "Đề nghị khen thưởng": chưa đối chiếu với sổ theo dõi khen thưởng: Không mở được sổ '
            f"theo dõi {tmp_path / 'ghi-chu.sqlite'}: tệp không phải sổ theo dõi") in ran.stdout


def test_backup_before_migration(tmp_path, signed_2024, rules):
    path = tmp_path / "so.sqlite"
    with open_register(sqlite_url(path)) as register:
        record(register, signed_2024, rules.register_forms)
        with register.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "base")
    before = path.read_bytes()
    with open_register(sqlite_url(path)) as register:
        assert count(register, decisions) == 0
    backups = list(tmp_path.glob("so.truoc-nang-cap-goc-*.sqlite"))
    assert len(backups) == 1 and backups[0].read_bytes() == before


def test_upgrade_makes_the_search_keys_anew(empty_register, tmp_path, rules):
    """A register that kept "Ngọc-Ánh" in its search keys (before revision 0003) finds her as "Ngọc Ánh" once
    opened by this version."""
    with open_register(empty_register) as register:
        record(register, read_past_awards(past_list(tmp_path / "ds.xlsx", [
            past("1/QĐ-SNV", dt.date(2023, 1, 2), "Giấy khen", "Nguyễn Thị Ngọc-Ánh", "Phòng CSGT, Công an tỉnh",
                 address="Bà")])), rules.register_forms)
        with register.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0002")
            conn.execute(update(recipients).values(name_search="nguyen thi ngoc-anh",
                                                   unit_search="phong csgt, cong an tinh"))
    with open_register(empty_register) as register:
        assert [(h.name, h.number) for h in lookup(register, "Ngọc Ánh", unit="CSGT Công an")] == [
            ("Nguyễn Thị Ngọc-Ánh", "1/QĐ-SNV")]
        with register.read() as conn:
            assert conn.execute(select(recipients.c.name_search, recipients.c.unit_search)).all() == [
                ("nguyen thi ngoc anh", "phong csgt cong an tinh")]


def test_postgresql_records_idempotently(postgres_server, signed_2024, rules):
    with open_register(postgres_server()) as register:
        assert register.engine.dialect.name == "postgresql"
        assert len(record(register, signed_2024, rules.register_forms).added) == 2
        assert len(record(register, signed_2024, rules.register_forms).unchanged) == 2
        assert [h.number for h in lookup(register, "nguyen van an")] == ["1205/QĐ-UBND"]
        assert count(register, awards) == 6


def test_postgresql_two_users_recording_at_once_lose_nothing(postgres_server, tmp_path, rules):
    url = postgres_server()
    open_register(url).close()  # the schema exists before both users start
    lists = []
    for user in (0, 1):
        rows = [past(f"{n}/QĐ-SNV", dt.date(2023, 1, 1) + dt.timedelta(days=n), "Giấy khen",
                     f"Người Số {n % 5}", "Sở Nội vụ") for n in range(user * 5, user * 5 + 10)]
        lists.append(read_past_awards(past_list(tmp_path / f"ds-{user}.xlsx", rows)))  # 5 decisions in both
    start = threading.Barrier(2)

    def user(signed):
        with open_register(url) as register:  # each user with a connection of their own
            start.wait()
            return record(register, signed, rules.register_forms)

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(user, lists))
    assert sorted(len(r.added) for r in results) == [5, 10]
    assert sorted(len(r.unchanged) for r in results) == [0, 5]
    with open_register(url) as register:
        with register.read() as conn:
            numbers = conn.execute(select(decisions.c.number)).scalars().all()
        assert sorted(numbers, key=lambda n: int(n.split("/")[0])) == [f"{n}/QĐ-SNV" for n in range(15)]
        assert count(register, awards) == 15 and count(register, recipients) == 5


@pytest.mark.parametrize("url", ["sqlite:////tmp/sổ theo dõi.sqlite", "sqlite:///tuong-doi.sqlite",
                                 "sqlite:///a%20b.sqlite", "sqlite+pysqlite:////x/y.db?mode=ro", "sqlite:///:memory:",
                                 "sqlite://", "postgresql+psycopg://u:p@may-chu/so"])
def test_the_register_file_is_read_from_the_url_as_sqlalchemy_reads_it(url):
    """The register's file is found without loading the database layer (a build with no register file yet never
    loads it), and it is the file SQLAlchemy opens."""
    from pathlib import Path

    from sqlalchemy.engine import make_url

    from tdkt_docs.register.location import sqlite_path

    parsed = make_url(url)
    sqlite = parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:")
    assert sqlite_path(url) == (Path(parsed.database) if sqlite else None)
