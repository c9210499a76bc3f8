"""The hand-made NĐ 30 documents of tests/support/documents.py pass the checker as they are."""
from support.documents import check, decision_document, plan_document


def test_hand_made_plan_has_no_findings(tmp_path):
    assert check(plan_document(), tmp_path) == []


def test_hand_made_decision_has_no_findings(tmp_path):
    assert check(decision_document(), tmp_path) == []
