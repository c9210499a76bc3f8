"""The award register (sổ theo dõi khen thưởng): signed decisions and their awards, in SQLite or
PostgreSQL, kept across workbooks and years.

Modules: ``location`` (the register's URL), ``store`` (open_register, Register, migrations),
``model`` (SignedDecision, AwardRow), ``from_workbook`` / ``from_docx`` / ``past`` (inputs; ``prize_date``: the
first two refuse a signing date that gives other prizes),
``record``, ``matching``, ``history``, ``forms`` and ``conditions`` (data files read through
``Rules``), ``eligibility`` (in ``build.Prepared.review``) and ``asked`` (what it asks the register),
``year``, ``statistics``, ``export``.
This module stays light: the CLI reads these names without loading the database layer.
"""

REGISTER_ENV = "TDKT_SO_THEO_DOI"
PAST_AWARDS_TITLE = "Khen thưởng đã có"
