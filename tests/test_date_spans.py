"""DATE span boundaries (label-spec "DATE") for classes of unseen text: headings that open
with a month, seasons, dates placed in a year given before, ordinals written out, counts of
units to or from the text's date, and what stays outside. Sentences written for these tests."""
import pytest

from conftest import ents


def dates(nlp, text):
    return [t for t, label in ents(nlp, text) if label == "DATE"]


@pytest.mark.parametrize("text, want", [
    # a month in capitals opening a sentence, a heading or a speaker's turn
    ("Marzec. Druga grupa lekarzy pojechała do Tirany.", ["Marzec"]),
    ("Październik-listopad. Remontowaliśmy szkołę w Peći.", ["Październik-listopad"]),
    ("Luty\nKonwój dotarł do Kukësu.", ["Luty"]),
    ("ANNA: Czerwiec był miesiącem powrotów.", ["Czerwiec"]),
    ("Grudzień, druga połowa\nZamknięto obóz.", ["Grudzień, druga połowa"]),
    # seasons alone, with a demonstrative or another modifier, and their parts
    ("Mieszkańcy nie przetrwaliby kolejnej zimy w namiotach.", ["kolejnej zimy"]),
    ("Żołnierze spędzą w bazie następną zimę.", ["następną zimę"]),
    ("Tamto lato zapamiętali wszyscy.", ["Tamto lato"]),
    ("Wrócili dopiero jesienią, a zima przyszła wcześnie.", ["jesienią", "zima"]),
    ("U schyłku lata konwoje ustały.", ["schyłku lata"]),
    ("Na przedwiośniu 1999 roku wieś spłonęła.", ["przedwiośniu 1999 roku"]),
    # the start or end of a month, a decade
    ("Początek maja przyniósł nowe naloty.", ["Początek maja"]),
    ("Pod koniec dekady wybuchło powstanie.", ["koniec dekady"]),
    # a day or month placed in a year given before
    ("Rząd uznał je 3 marca tego samego roku.", ["3 marca tego samego roku"]),
    ("Wrócił w kwietniu tamtego roku.", ["kwietniu tamtego roku"]),
    # a day of this month ("bm."), a day with a Roman month and no year
    ("W czwartek 15 bm. przyjąłem delegację.", ["czwartek 15 bm."]),
    ("Wizytę przełożono na 20 b.m. z powodu burzy.", ["20 b.m."]),
    ("3 IV\nPierwszy konwój z pomocą.", ["3 IV"]),
    # a demonstrative before a weekday is part of it
    ("Komentarz: tamten piątek zaczął się od ostrzału wsi.", ["tamten piątek"]),
    # a weekday with its day of the month as an ordinal, with or without the month
    ("W piątek dziewiętnastego przyszedł rozkaz.", ["piątek dziewiętnastego"]),
    ("W sobotę dwudziestego pierwszego było sucho.", ["sobotę dwudziestego pierwszego"]),
    ("W piątek drugiego kwietnia padało.", ["piątek drugiego kwietnia"]),
    # a weekday after a date and a comma, closing the phrase
    ("24 marca 1999 r., środa, tego dnia spadły bomby.", ["24 marca 1999 r., środa", "tego dnia"]),
    # compound numbers and counts forward from the text's date
    ("Trzydzieści dwa lata temu wybuchło powstanie.", ["Trzydzieści dwa lata temu"]),
    ("Wrócimy do tematu za trzy tygodnie.", ["za trzy tygodnie"]),
    ("Raport będzie gotowy za 14 dni.", ["za 14 dni"]),
    ("Przed tygodniem konwój wrócił z Kukësu.", ["Przed tygodniem"]),
    ("Wyjechał stamtąd przed trzema laty.", ["przed trzema laty"]),
    ("Wrócił przed 5 marca, dawno przed laty.", ["5 marca"]),
    # the holidays
    ("Przed świętami wielkanocnymi konwój wrócił.", ["świętami wielkanocnymi"]),
    ("Nikt nie myślał o świętach.", ["świętach"]),
    ("Na święta Bożego Narodzenia wrócili do domów.", ["święta Bożego Narodzenia"]),
    # decades with a written ending, a weekend with its modifier, a ten-day part of a month
    ("W latach 80-tych autonomia była szeroka.", ["latach 80-tych"]),
    ("W najbliższy weekend ruszy konwój.", ["najbliższy weekend"]),
    ("W drugiej dekadzie lipca wrócili uchodźcy.", ["drugiej dekadzie lipca"]),
])
def test_polish_date_spans(nlp_pl, text, want):
    assert dates(nlp_pl, text) == want


@pytest.mark.parametrize("text", [
    "To była święta wojna dla obu stron.",
    "Praska Wiosna skończyła się inwazją.",
    "Wiosna Ludów ogarnęła Europę.",
    "Była to jesień życia generała.",
    "Zgodnie z art. 4 II ustawy o obronie.",
    "Piotr Maj powiedział, że przyjdzie.",
    "Kościół pod wezwaniem święta Anna stał pusty.",
])
def test_polish_look_alikes_are_not_dates(nlp_pl, text):
    assert dates(nlp_pl, text) == []


def test_a_month_opening_a_heading_wins_over_a_village_of_that_name(nlp_pl):
    assert ents(nlp_pl, "Luty\nWszyscy czekali na wieści.") == [("Luty", "DATE")]


@pytest.mark.parametrize("text, want", [
    # a span of units to or from the text's date
    ("Over the past six weeks the camps filled.", ["past six weeks"]),
    ("The next three days will decide the talks.", ["next three days"]),
    ("Aid will flow over the coming fortnight.", ["coming fortnight"]),
    ("Unemployment has doubled in this decade.", ["this decade"]),
    ("By the end of the decade the party had split.", ["end of the decade"]),
    ("Arrivals during the week came from Pec.", ["week"]),
    # a month placed in a year given before
    ("The envoy returned in April that year.", ["April that year"]),
    ("The envoy returned in late April of the following year.", ["late April of the following year"]),
    ("The troops left that October.", ["that October"]),
    # ordinals written out
    ("The convoy left on the fifteenth of May.", ["fifteenth of May"]),
    ("The talks ended on the twenty-third of February, 1999.", ["twenty-third of February, 1999"]),
    ("The convoy left on the fifteenth of May, and returned.", ["fifteenth of May"]),
    ("They met on Tuesday the thirteenth.", ["Tuesday the thirteenth"]),
    ("Talks opened on 3 May; the envoy left on the seventh, and returned.", ["3 May", "seventh"]),
    ("The ceasefire held until Sunday the twenty-first.", ["Sunday the twenty-first"]),
    # compound numbers with ago, and ago with a month of this year
    ("Thirty-two years ago the uprising began.", ["Thirty-two years ago"]),
    ("Ten years ago this March the bombing began.", ["Ten years ago this March"]),
    # centuries written out, historical years with a day
    ("The thirteenth-century chapel was shelled.", ["thirteenth-century"]),
    ("The battle was fought on 15 June 1389.", ["15 June 1389"]),
    # a part of the night before a weekday ("the early hours of": in the span, as the dev gold has it in 2 of 3 texts)
    ("The convoy arrived in the small hours of Sunday.", ["small hours of Sunday"]),
    ("The convoy arrived in the early hours of Sunday.", ["early hours of Sunday"]),
    ("A vote came within hours of Monday night's attack.", ["Monday night"]),
    # the n-th day of a meeting, not of a named event
    ("The third day opened with a debate on refugees.", ["third day"]),
    ("The day after tomorrow the envoy flies to Belgrade.", ["day after tomorrow"]),
    ("In Autumn the camps emptied.", ["Autumn"]),
    ("In the first half of April the camps filled.", ["first half of April"]),
    # a log's headings: a weekday abbreviated before the date ("Wed" is cut like "we'd"), a year of two digits
    ("Sun 10 Jan 99\nPatrol to Lipljan.\n\nWed 13 Jan 99\nSoldiers released.", ["Sun 10 Jan 99", "Wed 13 Jan 99"]),
    ("Thu 14 Jan 1999\nQuiet.", ["Thu 14 Jan 1999"]),
    ("24 Mar 99 (Wed)\nFirst jets out.", ["24 Mar 99 (Wed)"]),
])
def test_english_date_spans(nlp_en, text, want):
    assert dates(nlp_en, text) == want


@pytest.mark.parametrize("text", [
    "On the second day of the talks the delegations left.",
    "The Long Winter of the Balkans: an essay.",
    "Protests went on for a second day.",
    "It was the fourth day running that shells fell.",
    "The office is on the fifth floor, next to the lift.",
])
def test_english_look_alikes_are_not_dates(nlp_en, text):
    assert dates(nlp_en, text) == []
