import datetime as dt

from kosnlp.normalise.timex import add_months, months_on


def test_add_months_crosses_year_boundaries_both_ways():
    assert add_months(1998, 11, 3) == (1999, 2)
    assert add_months(1999, 1, -1) == (1998, 12)
    assert add_months(1999, 12, 0) == (1999, 12)
    assert add_months(1999, 3, -27) == (1996, 12)


def test_months_on_keeps_the_day_or_the_month_end():
    assert months_on(dt.date(1999, 3, 24), 12) == dt.date(2000, 3, 24)
    assert months_on(dt.date(1999, 1, 31), 1) == dt.date(1999, 2, 28)
    assert months_on(dt.date(2000, 2, 29), -12) == dt.date(1999, 2, 28)
