"""A signed decision's prizes against the ones its real signing date gives (lương cơ sở, coefficient)."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..glossary import RecipientKind
from ..read.schema import BATCHES
from ..rules.dates import short_date
from ..rules.money import format_amount

if TYPE_CHECKING:
    from ..rules.book import Rules
    from ..rules.legal import AwardForm


def prize_change(form: AwardForm, used: dict[RecipientKind, int], signed: date, rules: Rules,
                 batch: str = "") -> str:
    """"" when a decision of ``form`` written with the prizes ``used`` (by kind) gets the same ones signed on
    ``signed``; else those it gets and what to do (``batch``: the batch to change, when known). RuleError when
    no prize is known on ``signed``."""
    real = {kind: rules.prize(form, kind, signed).amount for kind in used}
    if real == used:
        return ""
    named = f' "{batch}"' if batch else ""
    return (f"ký ngày {short_date(signed)} thì tiền thưởng phải là {each(real)}. Hãy sửa "
            f'"{BATCHES.column("signing").header}" của đợt{named} ở trang "{BATCHES.title}" thành {short_date(signed)}, '
            "chạy lại tdkt build rồi trình ký lại quyết định đã sửa trước khi ghi sổ theo dõi, in bằng khen, giấy khen.")


def each(amounts: dict[RecipientKind, int]) -> str:
    """"mỗi tập thể 1.410.000 đồng, mỗi cá nhân 710.000 đồng"."""
    return ", ".join(f"mỗi {kind.label.lower()} {format_amount(amount)} đồng" for kind, amount in amounts.items())
