import datetime as dt

import pytest

from kosnlp.normalise.timex import add_months, months_on, season_of


def test_add_months_crosses_year_boundaries_both_ways():
    assert add_months(1998, 11, 3) == (1999, 2)
    assert add_months(1999, 1, -1) == (1998, 12)
    assert add_months(1999, 12, 0) == (1999, 12)
    assert add_months(1999, 3, -27) == (1996, 12)


def test_months_on_keeps_the_day_or_the_month_end():
    assert months_on(dt.date(1999, 3, 24), 12) == dt.date(2000, 3, 24)
    assert months_on(dt.date(1999, 1, 31), 1) == dt.date(1999, 2, 28)
    assert months_on(dt.date(2000, 2, 29), -12) == dt.date(1999, 2, 28)


@pytest.mark.parametrize("day, want", [
    ("1999-01-15", ("WI", 1998)), ("1999-02-28", ("WI", 1998)), ("1999-03-01", ("SP", 1999)),
    ("1999-06-10", ("SU", 1999)), ("1999-11-30", ("FA", 1999)), ("1999-12-01", ("WI", 1999)),
])
def test_the_season_of_a_day_is_meteorological_and_winter_starts_in_december(day, want):
    assert season_of(dt.date.fromisoformat(day), {"SP": 3, "SU": 6, "FA": 9, "WI": 12}) == want
