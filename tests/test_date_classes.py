"""DATE classes as a coverage table: the span (strict boundaries, label-spec "DATE") and its
norm (first / last day, anchored on the story's time) for many variants of each class, in
Polish and English. The sentences are written for this table."""
import pytest

from kosnlp.annotate import records_for

WED = "1999-06-16"  # a Wednesday: the date of writing of most sentences below


def dates(nlp, lang, text, ref):
    """{span text: (first, last) or the unresolved reason} of the DATE spans of a text."""
    out = {}
    for r in records_for("t", lang, text, nlp, reference_date=ref):
        for s in r["spans"]:
            if s["label"] == "DATE":
                n = s["norm"]
                out[s["text"]] = (n["start"], n["end"]) if n.get("status") == "resolved" else n.get("reason")
    return out


def check(nlp, lang, text, ref, span, first, last):
    got = dates(nlp, lang, text, ref)
    assert span in got, f"{span!r} not a DATE span of {text!r}: {got}"
    assert got[span] == (first, last or first), f"{span!r} in {text!r}"


PL = [
    # ranges in every form
    ("Naloty trwały od 24 marca do 10 czerwca 1999 r.", WED, "24 marca do 10 czerwca 1999 r.", "1999-03-24", "1999-06-10"),
    ("Komisja obradowała między 6 a 23 lutego.", WED, "6 a 23 lutego", "1999-02-06", "1999-02-23"),
    ("Ćwiczenia odbyły się 3-5 maja.", WED, "3-5 maja", "1999-05-03", "1999-05-05"),
    ("Manewry zaplanowano na 3–5 maja 2000 roku.", WED, "3–5 maja 2000 roku", "2000-05-03", "2000-05-05"),
    ("W nocy z 11 na 12 czerwca żołnierze wjechali do miasta.", WED, "nocy z 11 na 12 czerwca", "1999-06-11", "1999-06-12"),
    ("Negocjacje trwały od listopada 1998 r. do marca 1999 r.", WED, "listopada 1998 r. do marca 1999 r.", "1998-11-01", "1999-03-31"),
    ("Szczyt obradował w dniach 9–10 czerwca.", WED, "9–10 czerwca", "1999-06-09", "1999-06-10"),
    ("Rozmowy prowadzono od 28 lutego do 2 marca.", WED, "28 lutego do 2 marca", "1999-02-28", "1999-03-02"),
    ("Konwoje jeździły od 5 do 7 maja.", WED, "5 do 7 maja", "1999-05-05", "1999-05-07"),
    ("Obóz stał pusty od kwietnia do czerwca.", WED, "kwietnia do czerwca", "1999-04-01", "1999-06-30"),
    ("Między 2 a 4 kwietnia 1999 roku granicę przekroczyło wielu ludzi.", WED, "2 a 4 kwietnia 1999 roku", "1999-04-02", "1999-04-04"),
    ("W latach 1998–1999 wieś opustoszała.", WED, "latach 1998–1999", "1998-01-01", "1999-12-31"),
    ("Między styczniem a marcem 1998 r. zginęło wielu cywilów.", WED, "styczniem a marcem 1998 r.", "1998-01-01", "1998-03-31"),
    # a weekday with its date or a part of the day
    ("W piątek 4 czerwca podpisano porozumienie.", WED, "piątek 4 czerwca", "1999-06-04", None),
    ("W piątek, 4 czerwca, podpisano porozumienie.", WED, "piątek, 4 czerwca", "1999-06-04", None),
    ("Delegacja wyjechała we wtorek wieczorem.", WED, "wtorek wieczorem", "1999-06-15", None),
    ("W czwartek rano ostrzelano posterunek.", WED, "czwartek rano", "1999-06-10", None),
    ("W sobotę po południu zebrał się sztab.", WED, "sobotę po południu", "1999-06-12", None),
    ("W niedzielę wieczorem przybyli uchodźcy.", WED, "niedzielę wieczorem", "1999-06-13", None),
    ("W poniedziałek późnym wieczorem ogłoszono komunikat.", WED, "poniedziałek późnym wieczorem", "1999-06-14", None),
    ("Spotkanie odbędzie się w piątek rano.", WED, "piątek rano", "1999-06-18", None),
    ("W sobotni wieczór przyjechał konwój.", WED, "sobotni wieczór", "1999-06-12", None),
    ("Wieczorem 7 maja 1999 r. zbombardowano ambasadę.", WED, "Wieczorem 7 maja 1999 r.", "1999-05-07", None),
    # last / next weekday or period
    ("Porozumienie zostanie podpisane w przyszły wtorek.", WED, "przyszły wtorek", "1999-06-22", None),
    ("W ubiegłą sobotę spłonął magazyn.", WED, "ubiegłą sobotę", "1999-06-12", None),
    ("W zeszły czwartek ogłoszono rozejm.", WED, "zeszły czwartek", "1999-06-10", None),
    ("W najbliższą środę rozpocznie się konferencja.", WED, "najbliższą środę", "1999-06-23", None),
    ("W przyszłym tygodniu przyjedzie misja.", WED, "przyszłym tygodniu", "1999-06-21", "1999-06-27"),
    ("W ubiegłym miesiącu wróciło wielu uchodźców.", WED, "ubiegłym miesiącu", "1999-05-01", "1999-05-31"),
    ("W ostatnią niedzielę odprawiono nabożeństwo.", WED, "ostatnią niedzielę", "1999-06-13", None),
    # counts from the date of writing
    ("Dwadzieścia lat temu NATO rozpoczęło naloty.", "2019-03-24", "Dwadzieścia lat temu", "1999-01-01", "1999-12-31"),
    ("Dziesięć dni temu zamknięto granicę.", WED, "Dziesięć dni temu", "1999-06-06", None),
    ("Trzy tygodnie temu otwarto obóz.", WED, "Trzy tygodnie temu", "1999-05-24", "1999-05-30"),
    ("Miesiąc temu spadł pierwszy śnieg.", WED, "Miesiąc temu", "1999-05-01", "1999-05-31"),
    # the n-th weekday of a month
    ("Wybory odbyły się w drugą niedzielę maja.", WED, "drugą niedzielę maja", "1999-05-09", None),
    ("W pierwszy poniedziałek czerwca otwarto szkołę.", WED, "pierwszy poniedziałek czerwca", "1999-06-07", None),
    # a month of a year counted from the date of writing
    ("Misja ma wrócić w styczniu przyszłego roku.", WED, "styczniu przyszłego roku", "2000-01-01", "2000-01-31"),
    ("W marcu ubiegłego roku wybuchły walki.", WED, "marcu ubiegłego roku", "1998-03-01", "1998-03-31"),
    ("W maju tego roku wrócili pierwsi uchodźcy.", WED, "maju tego roku", "1999-05-01", "1999-05-31"),
    # parts of a month or year
    ("Pod koniec marca wojska przekroczyły granicę.", WED, "koniec marca", "1999-03-21", "1999-03-31"),
    ("Na początku kwietnia otwarto obóz.", WED, "początku kwietnia", "1999-04-01", "1999-04-10"),
    ("W połowie maja przyjechała misja.", WED, "połowie maja", "1999-05-11", "1999-05-20"),
    ("Na przełomie maja i czerwca trwały rozmowy.", WED, "przełomie maja i czerwca", "1999-05-01", "1999-06-30"),
    ("Z końcem lutego 1998 r. wybuchły walki.", WED, "końcem lutego 1998 r.", "1998-02-21", "1998-02-28"),
    ("W pierwszej połowie 1998 r. napięcie rosło.", WED, "pierwszej połowie 1998 r.", "1998-01-01", "1998-06-30"),
    # numeric dates
    ("Dokument podpisano 07.05.1999 w Bonn.", WED, "07.05.1999", "1999-05-07", None),
    ("Dokument podpisano 7.05.1999 r. w Bonn.", WED, "7.05.1999 r.", "1999-05-07", None),
    ("Dokument podpisano 1999-05-07 w Bonn.", WED, "1999-05-07", "1999-05-07", None),
    ("Dokument podpisano 7 V 1999 r. w Bonn.", WED, "7 V 1999 r.", "1999-05-07", None),
    # deictic and anaphoric days
    ("Delegacja przyjedzie jutro.", WED, "jutro", "1999-06-17", None),
    ("Rozmowy wznowione zostaną pojutrze.", WED, "pojutrze", "1999-06-18", None),
    ("Przedwczoraj zamknięto przejście.", WED, "Przedwczoraj", "1999-06-14", None),
    ("Rozejm ogłoszono 3 czerwca 1999 r. Nazajutrz wojska zaczęły odwrót.", WED, "Nazajutrz", "1999-06-04", None),
    ("Rozejm ogłoszono 3 czerwca 1999 r. Następnego dnia wojska zaczęły odwrót.", WED, "Następnego dnia", "1999-06-04", None),
    ("Rozejm ogłoszono 3 czerwca 1999 r. Tego samego dnia wojska zaczęły odwrót.", WED, "Tego samego dnia", "1999-06-03", None),
    ("Rozejm ogłoszono 3 czerwca 1999 r. Dwa dni później wojska zaczęły odwrót.", WED, "Dwa dni później", "1999-06-05", None),
    ("Rozejm ogłoszono 3 czerwca 1999 r. Tydzień później wojska zaczęły odwrót.", WED, "Tydzień później", "1999-06-07", "1999-06-13"),
    # seasons
    ("Jesienią ubiegłego roku rozpoczęła się ofensywa.", WED, "Jesienią ubiegłego roku", "1998-09-01", "1998-11-30"),
    ("Wiosną 1999 r. wieś opustoszała.", WED, "Wiosną 1999 r.", "1999-03-01", "1999-05-31"),
    ("Latem 1998 roku wybuchły walki.", WED, "Latem 1998 roku", "1998-06-01", "1998-08-31"),
    ("Zimą 1998/1999 brakowało opału.", WED, "Zimą 1998/1999", "1998-12-01", "1999-02-28"),
    ("Jesień 1998 r. była najcięższa.", WED, "Jesień 1998 r.", "1998-09-01", "1998-11-30"),
    ("Wiosną przyszłego roku otwarta zostanie szkoła.", WED, "Wiosną przyszłego roku", "2000-03-01", "2000-05-31"),
    # decades
    ("Lata dziewięćdziesiąte były czasem wojen.", WED, "Lata dziewięćdziesiąte", "1990-01-01", "1999-12-31"),
    ("W latach 90. wyjechało wielu młodych.", WED, "latach 90.", "1990-01-01", "1999-12-31"),
    ("W latach osiemdziesiątych region był spokojny.", WED, "latach osiemdziesiątych", "1980-01-01", "1989-12-31"),
    ("Na początku lat dziewięćdziesiątych zamknięto szkoły.", WED, "początku lat dziewięćdziesiątych", "1990-01-01", "1999-12-31"),
    # a month or weekday without a year: the story's time and the tense
    ("Obserwatorzy przyjechali w grudniu.", WED, "grudniu", "1998-12-01", "1998-12-31"),
    ("Wybory mają się odbyć w grudniu.", WED, "grudniu", "1999-12-01", "1999-12-31"),
    ("W sobotę przyjechał konwój.", WED, "sobotę", "1999-06-12", None),
    ("Konwój przyjedzie w sobotę.", WED, "sobotę", "1999-06-19", None),
    ("24 marca 1999 r. NATO zaczęło naloty. 10 czerwca ogłoszono ich koniec.", "2009-03-24", "10 czerwca", "1999-06-10", None),
    ("W październiku 1998 r. podpisano porozumienie. W styczniu doszło do masakry.", "2004-01-01", "styczniu", "1999-01-01", "1999-01-31"),
    # more variants: inflected months and ordinals, "r." / "roku", coordination, parts, deictic parts of days
("Samoloty latały od 1 do 3 kwietnia 1999 roku.", WED, "1 do 3 kwietnia 1999 roku", "1999-04-01", "1999-04-03"),
    ("Walki trwały 24–25 marca 1999 r.", WED, "24–25 marca 1999 r.", "1999-03-24", "1999-03-25"),
    ("W nocy z 24 na 25 marca 1999 r. spadły pierwsze bomby.", WED, "nocy z 24 na 25 marca 1999 r.", "1999-03-24", "1999-03-25"),
    ("Od marca do czerwca 1999 r. trwały naloty.", WED, "marca do czerwca 1999 r.", "1999-03-01", "1999-06-30"),
    ("Od stycznia 1998 r. trwały walki.", WED, "stycznia 1998 r.", "1998-01-01", "1998-01-31"),
    ("Dwudziestego czwartego marca zaczęły się naloty.", WED, "Dwudziestego czwartego marca", "1999-03-24", None),
    ("Pierwszego maja otwarto granicę.", WED, "Pierwszego maja", "1999-05-01", None),
    ("Trzeciego czerwca 1999 roku parlament przyjął plan.", WED, "Trzeciego czerwca 1999 roku", "1999-06-03", None),
    ("Umowę podpisano 2 czerwca br.", WED, "2 czerwca br.", "1999-06-02", None),
    ("W czwartek, 10 czerwca 1999 r., przyjęto rezolucję.", WED, "czwartek, 10 czerwca 1999 r.", "1999-06-10", None),
    ("Przed marcem wyjechało wielu ludzi.", WED, "marcem", "1999-03-01", "1999-03-31"),
    ("W kwietniu i maju obozy były przepełnione.", WED, "kwietniu i maju", "1999-04-01", "1999-05-31"),
    ("W marcu 1999 roku zaczęły się naloty.", WED, "marcu 1999 roku", "1999-03-01", "1999-03-31"),
    ("Marzec 1999 r. zapisał się w historii.", WED, "Marzec 1999 r.", "1999-03-01", "1999-03-31"),
    ("Tydzień wcześniej zamknięto szkołę.", WED, "Tydzień wcześniej", "1999-06-07", "1999-06-13"),
    ("W ubiegły weekend przyjechał konwój.", WED, "ubiegły weekend", "1999-06-12", "1999-06-13"),
    ("Pod koniec ubiegłego roku wybuchły walki.", WED, "koniec ubiegłego roku", "1998-09-01", "1998-12-31"),
    ("Na początku 1999 r. wybuchły walki.", WED, "początku 1999 r.", "1999-01-01", "1999-04-30"),
    ("Z początkiem kwietnia wybuchły walki.", WED, "początkiem kwietnia", "1999-04-01", "1999-04-10"),
    ("Ostatniego dnia marca spadł śnieg.", WED, "Ostatniego dnia marca", "1999-03-31", None),
    ("W XX wieku region przeżył wiele wojen.", WED, "XX wieku", "1901-01-01", "2000-12-31"),
    ("W roku 1999 region przeżył wojnę.", WED, "roku 1999", "1999-01-01", "1999-12-31"),
    ("Tej wiosny wrócili uchodźcy.", WED, "Tej wiosny", "1999-03-01", "1999-05-31"),
    ("Zeszłej zimy brakowało opału.", WED, "Zeszłej zimy", "1998-12-01", "1999-02-28"),
    ("Minionej jesieni spłonęły wsie.", WED, "Minionej jesieni", "1998-09-01", "1998-11-30"),
    ("Latem ubiegłego roku spłonęły wsie.", WED, "Latem ubiegłego roku", "1998-06-01", "1998-08-31"),
    ("Jesienią spłonęły wsie.", WED, "Jesienią", "1998-09-01", "1998-11-30"),
    ("W połowie lat 90. wyjechało wielu ludzi.", WED, "połowie lat 90.", "1990-01-01", "1999-12-31"),
    ("We wtorek 8 czerwca rano otwarto most.", WED, "wtorek 8 czerwca rano", "1999-06-08", None),
    ("Rozmowy trwały od poniedziałku do środy.", WED, "poniedziałku do środy", "1999-06-14", "1999-06-16"),
    ("Od 10 czerwca do 20 czerwca trwało wycofanie.", WED, "10 czerwca do 20 czerwca", "1999-06-10", "1999-06-20"),
    ("Spotkanie zaplanowano na 23 czerwca.", WED, "23 czerwca", "1999-06-23", None),
    ("W poniedziałek, 14 czerwca, wojska weszły do Prizrenu.", WED, "poniedziałek, 14 czerwca", "1999-06-14", None),
    ("W drugiej połowie marca zaczęła się ucieczka.", WED, "drugiej połowie marca", "1999-03-16", "1999-03-31"),
    ("W ostatnim tygodniu marca zaczęła się ucieczka.", WED, "ostatnim tygodniu marca", "1999-03-29", "1999-04-04"),
    ("Wczoraj wieczorem przyjechał konwój.", WED, "Wczoraj wieczorem", "1999-06-15", None),
    ("Dziś rano przyjechał konwój.", WED, "Dziś rano", "1999-06-16", None),
    ("W sobotę i niedzielę trwały rozmowy.", WED, "sobotę i niedzielę", "1999-06-12", "1999-06-13"),
    ("Rozmowy trwały w dniach 6–23 lutego 1999 r.", WED, "6–23 lutego 1999 r.", "1999-02-06", "1999-02-23"),
    ("Konferencja odbędzie się w lipcu.", WED, "lipcu", "1999-07-01", "1999-07-31"),
    ("W styczniu doszło do masakry.", WED, "styczniu", "1999-01-01", "1999-01-31"),
    ("Przyjechali w listopadzie.", WED, "listopadzie", "1998-11-01", "1998-11-30"),
    # dates in official and press usage: "w dniu", "ub.r.", coordinations, parts of seasons and days
    ('Ustawę uchwalono w dniu 24 marca 1999 r.', WED, '24 marca 1999 r.', '1999-03-24', '1999-03-24'),
    ('Ustawę uchwalono dnia 24 marca 1999 r.', WED, '24 marca 1999 r.', '1999-03-24', '1999-03-24'),
    ('Naloty zaczęły się 24 marca 1999 roku o godz. 20.', WED, '24 marca 1999 roku', '1999-03-24', '1999-03-24'),
    ('Umowę podpisano 12 marca ub.r.', WED, '12 marca ub.r.', '1998-03-12', '1998-03-12'),
    ('Rok 1999 był przełomowy.', WED, 'Rok 1999', '1999-01-01', '1999-12-31'),
    ('W bieżącym roku wróciło wielu ludzi.', WED, 'bieżącym roku', '1999-01-01', '1999-12-31'),
    ('W minionym tygodniu wróciło wielu ludzi.', WED, 'minionym tygodniu', '1999-06-07', '1999-06-13'),
    ('Trzeba to zrobić do końca roku.', WED, 'końca roku', '1999-09-01', '1999-12-31'),
    ('Wojska wyjdą przed końcem czerwca.', WED, 'końcem czerwca', '1999-06-21', '1999-06-30'),
    ('Od początku roku wróciło wielu ludzi.', WED, 'początku roku', '1999-01-01', '1999-04-30'),
    ('Późną jesienią 1998 r. spadł śnieg.', WED, 'Późną jesienią 1998 r.', '1998-09-01', '1998-11-30'),
    ('Wczesną wiosną wrócili uchodźcy.', WED, 'Wczesną wiosną', '1999-03-01', '1999-05-31'),
    ('W środę, 24 marca 1999 r., zaczęły się naloty.', WED, 'środę, 24 marca 1999 r.', '1999-03-24', '1999-03-24'),
    ('Środa, 24 marca 1999 r.', WED, 'Środa, 24 marca 1999 r.', '1999-03-24', '1999-03-24'),
    ('Między 24 marca a 10 czerwca 1999 r. trwały naloty.', WED, '24 marca a 10 czerwca 1999 r.', '1999-03-24', '1999-06-10'),
    ('Naloty trwały 24 marca – 10 czerwca 1999 r.', WED, '24 marca – 10 czerwca 1999 r.', '1999-03-24', '1999-06-10'),
    ('Okres marzec–czerwiec 1999 był najcięższy.', WED, 'marzec–czerwiec 1999', '1999-03-01', '1999-06-30'),
    ('W marcu i kwietniu 1999 r. uciekło wielu ludzi.', WED, 'marcu i kwietniu 1999 r.', '1999-03-01', '1999-04-30'),
    ('W 1998 i 1999 r. uciekło wielu ludzi.', WED, '1998 i 1999 r.', '1998-01-01', '1999-12-31'),
    ('Na przełomie 1998 i 1999 roku uciekło wielu ludzi.', WED, 'przełomie 1998 i 1999 roku', '1998-01-01', '1999-12-31'),
    ('Na przełomie lat 80. i 90. zaczęły się protesty.', WED, 'przełomie lat 80. i 90.', '1980-01-01', '1999-12-31'),
    ('W pierwszych dniach kwietnia uciekło wielu ludzi.', WED, 'pierwszych dniach kwietnia', '1999-04-01', '1999-04-10'),
    ('Rok temu wróciło wielu ludzi.', WED, 'Rok temu', '1998-01-01', '1998-12-31'),
    ('Zeszłego lata wróciło wielu ludzi.', WED, 'Zeszłego lata', '1998-06-01', '1998-08-31'),
    ('W weekend wróciło wielu ludzi.', WED, 'weekend', '1999-06-12', '1999-06-13'),
    ('Rozmowy odbyły się 24 i 25 marca.', WED, '24 i 25 marca', '1999-03-24', '1999-03-25'),
    ('W sobotę 27 marca wieczorem spadły bomby.', WED, 'sobotę 27 marca wieczorem', '1999-03-27', '1999-03-27'),
    ('W nocy 24 marca spadły bomby.', WED, 'nocy 24 marca', '1999-03-24', '1999-03-24'),
    ('Po południu 24 marca spadły bomby.', WED, '24 marca', '1999-03-24', '1999-03-24'),
    ('24 marca po południu spadły bomby.', WED, '24 marca', '1999-03-24', '1999-03-24'),
    ('Od 24 marca trwały naloty.', WED, '24 marca', '1999-03-24', '1999-03-24'),
    ('Do 10 czerwca trwały naloty.', WED, '10 czerwca', '1999-06-10', '1999-06-10'),
    ('W latach 1998 – 1999 trwała wojna.', WED, 'latach 1998 – 1999', '1998-01-01', '1999-12-31'),
    ('W okresie 1998-1999 trwała wojna.', WED, '1998-1999', '1998-01-01', '1999-12-31'),
    ('Dekadę temu trwała wojna.', WED, 'Dekadę temu', '1989-01-01', '1989-12-31'),
    ('W 1999 r. trwała wojna.', WED, '1999 r.', '1999-01-01', '1999-12-31'),
    ('W XX w. trwały wojny.', WED, 'XX w.', '1901-01-01', '2000-12-31'),
    ('W maju 1999 roku i w czerwcu wojna trwała.', WED, 'maju 1999 roku', '1999-05-01', '1999-05-31'),
    ('1 maja 1999 r. wojna trwała.', WED, '1 maja 1999 r.', '1999-05-01', '1999-05-01'),
    ('Rozmowy zaplanowano na 15–16 czerwca.', WED, '15–16 czerwca', '1999-06-15', '1999-06-16'),
    ('W nocy z wtorku na środę spadły bomby.', WED, 'nocy z wtorku na środę', '1999-06-15', '1999-06-16'),
    ('Na początku lutego 1999 roku zaczęły się rozmowy.', WED, 'początku lutego 1999 roku', '1999-02-01', '1999-02-10'),
    ('W lutym i marcu trwały rozmowy.', WED, 'lutym i marcu', '1999-02-01', '1999-03-31'),
    ('Od lutego do marca trwały rozmowy.', WED, 'lutego do marca', '1999-02-01', '1999-03-31'),
    ('Od 6 do 23 lutego trwały rozmowy.', WED, '6 do 23 lutego', '1999-02-06', '1999-02-23'),
    ('Do połowy czerwca trwały rozmowy.', WED, 'połowy czerwca', '1999-06-11', '1999-06-20'),
    ('Z końcem roku wyjechali.', WED, 'końcem roku', '1999-09-01', '1999-12-31'),
    ('Osiemnastego marca rozmowy zerwano.', WED, 'Osiemnastego marca', '1999-03-18', '1999-03-18'),
    ('Dwudziestego pierwszego marca rozmowy zerwano.', WED, 'Dwudziestego pierwszego marca', '1999-03-21', '1999-03-21'),
    ('Trzydziestego pierwszego marca rozmowy zerwano.', WED, 'Trzydziestego pierwszego marca', '1999-03-31', '1999-03-31'),
    ('3 czerwca 1999 r. przestał padać deszcz. Tamtego dnia wrócili uchodźcy.', WED, 'Tamtego dnia', '1999-06-03', None),
    # ranges of parts and seasons, holidays, 'br.' / 'ub.r.'
    ('Zbrodnie popełniono w okresie od 1 stycznia do 20 czerwca 1999 r.', WED, '1 stycznia do 20 czerwca 1999 r.', '1999-01-01', '1999-06-20'),
    ('Ofensywa trwała od końca marca do początku czerwca 1999 r.', WED, 'końca marca do początku czerwca 1999 r.', '1999-03-21', '1999-06-10'),
    ('Walki trwały od wiosny 1998 r.', WED, 'wiosny 1998 r.', '1998-03-01', '1998-05-31'),
    ('Walki trwały do jesieni 1998 r.', WED, 'jesieni 1998 r.', '1998-09-01', '1998-11-30'),
    ('Lata 1998–1999 były najtrudniejsze.', WED, 'Lata 1998–1999', '1998-01-01', '1999-12-31'),
    ('Rządził od 1989 do 1999 r.', WED, '1989 do 1999 r.', '1989-01-01', '1999-12-31'),
    ('Na wiosnę 1999 r. wybuchła wojna.', WED, 'wiosnę 1999 r.', '1999-03-01', '1999-05-31'),
    ('Rozmowy trwają od wtorku.', WED, 'wtorku', '1999-06-15', '1999-06-15'),
    ('Na początku czerwca br. wojska wyszły.', WED, 'początku czerwca br.', '1999-06-01', '1999-06-10'),
    ('W maju ub.r. wojska weszły.', WED, 'maju ub.r.', '1998-05-01', '1998-05-31'),
    ('Piętnaście lat temu wybuchła wojna.', WED, 'Piętnaście lat temu', '1984-01-01', '1984-12-31'),
    ('W połowie lat dziewięćdziesiątych wybuchła wojna.', WED, 'połowie lat dziewięćdziesiątych', '1990-01-01', '1999-12-31'),
    ('Od połowy 1998 r. trwała wojna.', WED, 'połowy 1998 r.', '1998-05-01', '1998-08-31'),
    ('Pod koniec 1998 r. trwała wojna.', WED, 'koniec 1998 r.', '1998-09-01', '1998-12-31'),
    ('Od 24 marca do 10 czerwca br. trwała wojna.', WED, '24 marca do 10 czerwca br.', '1999-03-24', '1999-06-10'),
    ('W Wielkanoc 1999 r. trwała wojna.', WED, 'Wielkanoc 1999 r.', '1999-04-04', '1999-04-04'),
    ('Wczoraj po południu przyjechał konwój.', WED, 'Wczoraj', '1999-06-15', '1999-06-15'),
]

EN = [
    # ranges in every form
    ("The talks ran from November 1998 to March 1999.", WED, "November 1998 to March 1999", "1998-11-01", "1999-03-31"),
    ("Inspectors toured the camps Jan. 8-19.", WED, "Jan. 8-19", "1999-01-08", "1999-01-19"),
    ("The conference met April 3 to 5.", WED, "April 3 to 5", "1999-04-03", "1999-04-05"),
    ("Troops exercised on 3-5 May.", WED, "3-5 May", "1999-05-03", "1999-05-05"),
    ("The summit was held on 9-10 June.", WED, "9-10 June", "1999-06-09", "1999-06-10"),
    ("The bombing lasted from 24 March to 10 June 1999.", WED, "24 March to 10 June 1999", "1999-03-24", "1999-06-10"),
    ("The strikes went on between March 24 and June 10.", WED, "March 24 and June 10", "1999-03-24", "1999-06-10"),
    ("Envoys met from May 3 through May 7.", WED, "May 3 through May 7", "1999-05-03", "1999-05-07"),
    ("The border was closed from March to June.", WED, "March to June", "1999-03-01", "1999-06-30"),
    ("Monitors stayed from October 1998 until March 1999.", WED, "October 1998 until March 1999", "1998-10-01", "1999-03-31"),
    ("The camp held 20,000 people on April 3-5, 1999.", WED, "April 3-5, 1999", "1999-04-03", "1999-04-05"),
    # a weekday with its date or a part of the day
    ("The rebels attacked the post Friday night.", WED, "Friday night", "1999-06-11", None),
    ("Refugees arrived on Sunday evening.", WED, "Sunday evening", "1999-06-13", None),
    ("The envoy left Tuesday morning.", WED, "Tuesday morning", "1999-06-15", None),
    ("Talks resumed on Friday, June 4, in Belgrade.", WED, "Friday, June 4", "1999-06-04", None),
    ("The accord was signed on Monday 7 June.", WED, "Monday 7 June", "1999-06-07", None),
    ("Shelling began late Thursday.", WED, "late Thursday", "1999-06-10", None),
    ("The envoy will arrive Friday morning.", WED, "Friday morning", "1999-06-18", None),
    # last / next weekday
    ("The convoy was stopped last Wednesday.", WED, "last Wednesday", "1999-06-09", None),
    ("The ministers will meet next Wednesday.", WED, "next Wednesday", "1999-06-23", None),
    ("The vote is set for next Tuesday.", WED, "next Tuesday", "1999-06-22", None),
    ("Troops crossed the border last Saturday night.", WED, "last Saturday night", "1999-06-12", None),
    # counts from the date of writing
    ("Five years ago this month, NATO began its air war.", "2004-03-20", "Five years ago this month", "1999-03-01", "1999-03-31"),
    ("Twenty years ago today, the bombing began.", "2019-03-24", "Twenty years ago today", "1999-03-24", None),
    ("Ten years ago, the refugees went home.", "2009-06-16", "Ten years ago", "1999-01-01", "1999-12-31"),
    ("Three weeks ago the camp opened.", WED, "Three weeks ago", "1999-05-24", "1999-05-30"),
    # the n-th weekday of a month
    ("Elections were held on the second Sunday of May.", WED, "second Sunday of May", "1999-05-09", None),
    ("Schools reopened on the first Monday of June 1999.", WED, "first Monday of June 1999", "1999-06-07", None),
    ("The council met on the last Friday of April.", WED, "last Friday of April", "1999-04-30", None),
    # a part of a day of a date
    ("The embassy was hit on the evening of May 7, 1999.", WED, "evening of May 7, 1999", "1999-05-07", None),
    ("The bombs fell on the night of 23 March.", WED, "night of 23 March", "1999-03-23", None),
    ("Fighting broke out on the morning of 15 January.", WED, "morning of 15 January", "1999-01-15", None),
    # a month of a year counted from the date of writing
    ("The mission is due to return in January next year.", WED, "January next year", "2000-01-01", "2000-01-31"),
    ("Fighting flared in March last year.", WED, "March last year", "1998-03-01", "1998-03-31"),
    ("Monitors arrived in October of last year.", WED, "October of last year", "1998-10-01", "1998-10-31"),
    # parts of a month or year
    ("The offensive ended at the end of May.", WED, "end of May", "1999-05-21", "1999-05-31"),
    ("The camp opened at the beginning of April.", WED, "beginning of April", "1999-04-01", "1999-04-10"),
    ("The mission left in late March.", WED, "late March", "1999-03-21", "1999-03-31"),
    ("Talks resumed in early June.", WED, "early June", "1999-06-01", "1999-06-10"),
    ("Aid convoys arrived in mid-April.", WED, "mid-April", "1999-04-11", "1999-04-20"),
    ("The ceasefire collapsed in the middle of January.", WED, "middle of January", "1999-01-11", "1999-01-20"),
    # numeric dates
    ("The order is dated 07.05.1999.", WED, "07.05.1999", "1999-05-07", None),
    ("The order is dated 1999-05-07.", WED, "1999-05-07", "1999-05-07", None),
    # deictic and anaphoric days
    ("The envoy will arrive tomorrow.", WED, "tomorrow", "1999-06-17", None),
    ("The talks were held tonight.", WED, "tonight", "1999-06-16", None),
    ("The ceasefire took hold on 3 June 1999. The next morning the troops began to leave.", WED, "next morning", "1999-06-04", None),
    ("The ceasefire took hold on 3 June 1999. The same day the troops began to leave.", WED, "same day", "1999-06-03", None),
    ("The ceasefire took hold on 3 June 1999. The following day the troops began to leave.", WED, "following day", "1999-06-04", None),
    ("The ceasefire took hold on 3 June 1999. Three days later the troops began to leave.", WED, "Three days later", "1999-06-06", None),
    ("The ceasefire took hold on 3 June 1999. That evening the troops began to leave.", WED, "That evening", "1999-06-03", None),
    # seasons
    ("The village was burned in the summer of 1998.", WED, "summer of 1998", "1998-06-01", "1998-08-31"),
    ("The offensive began last autumn.", WED, "last autumn", "1998-09-01", "1998-11-30"),
    ("Refugees fled in the spring of 1999.", WED, "spring of 1999", "1999-03-01", "1999-05-31"),
    ("The talks failed in winter 1998.", WED, "winter 1998", "1998-12-01", "1999-02-28"),
    ("Fighting resumed in the fall of 1998.", WED, "fall of 1998", "1998-09-01", "1998-11-30"),
    # decades
    ("Kosovo lost its autonomy in the 1980s.", WED, "1980s", "1980-01-01", "1989-12-31"),
    ("Tension grew through the early 1990s.", WED, "early 1990s", "1990-01-01", "1999-12-31"),
    ("Many left Kosovo in the nineties.", WED, "nineties", "1990-01-01", "1999-12-31"),
    # a month or weekday without a year: the story's time and the tense
    ("The monitors arrived in December.", WED, "December", "1998-12-01", "1998-12-31"),
    ("Elections are due in December.", WED, "December", "1999-12-01", "1999-12-31"),
    ("The convoy reached the border on Saturday.", WED, "Saturday", "1999-06-12", None),
    ("The convoy will reach the border on Saturday.", WED, "Saturday", "1999-06-19", None),
    ("In March 1999 the bombing began. In June the troops went in.", "2009-01-01", "June", "1999-06-01", "1999-06-30"),
    ("The strikes began on 24 March 1999. On June 10 they ended.", "2009-03-24", "June 10", "1999-06-10", None),
    # more variants: ordinal days, coordination, parts of a period, centuries, counts
("Fighting raged March 24-25.", WED, "March 24-25", "1999-03-24", "1999-03-25"),
    ("The bombing started on the 24th of March.", WED, "24th of March", "1999-03-24", None),
    ("The bombing started on March 24th, 1999.", WED, "March 24th, 1999", "1999-03-24", None),
    ("The envoy met him on Mar. 24.", WED, "Mar. 24", "1999-03-24", None),
    ("The strikes began Wednesday, March 24, 1999.", WED, "Wednesday, March 24, 1999", "1999-03-24", None),
    ("The talks took place between 24 and 26 March.", WED, "24 and 26 March", "1999-03-24", "1999-03-26"),
    ("The strikes hit the city on 24 and 25 March.", WED, "24 and 25 March", "1999-03-24", "1999-03-25"),
    ("The mission stayed from 1998 to 2000.", WED, "1998 to 2000", "1998-01-01", "2000-12-31"),
    ("The winter of 1998-99 was hard.", WED, "winter of 1998-99", "1998-12-01", "1999-02-28"),
    ("By mid-1998 the fighting had spread.", WED, "mid-1998", "1998-05-01", "1998-08-31"),
    ("By late 1998 the fighting had spread.", WED, "late 1998", "1998-09-01", "1998-12-31"),
    ("The plan will be ready by the end of the year.", WED, "end of the year", "1999-09-01", "1999-12-31"),
    ("The envoy visited the camp last weekend.", WED, "last weekend", "1999-06-12", "1999-06-13"),
    ("Refugees returned this spring.", WED, "this spring", "1999-03-01", "1999-05-31"),
    ("Monitors will return next month.", WED, "next month", "1999-07-01", "1999-07-31"),
    ("Earlier this month the border reopened.", WED, "this month", "1999-06-01", "1999-06-30"),
    ("The ceasefire took hold on 3 June 1999. A week later the troops left.", WED, "A week later", "1999-06-07", "1999-06-13"),
    ("The ceasefire took hold on 3 June 1999. Two days earlier the troops left.", WED, "Two days earlier", "1999-06-01", None),
    ("The bombs fell on the night of June 11-12.", WED, "night of June 11-12", "1999-06-11", "1999-06-12"),
    ("Refugees crossed on Monday and Tuesday.", WED, "Monday and Tuesday", "1999-06-14", "1999-06-15"),
    ("The convoy left on Monday night.", WED, "Monday night", "1999-06-14", None),
    ("The convoy left yesterday morning.", WED, "yesterday morning", "1999-06-15", None),
    ("The convoy will leave tomorrow night.", WED, "tomorrow night", "1999-06-17", None),
    ("The convoy left on Saturday, June 12.", WED, "Saturday, June 12", "1999-06-12", None),
    ("The conference opens on June 23.", WED, "June 23", "1999-06-23", None),
    ("The troops left in late May and early June.", WED, "late May and early June", "1999-05-21", "1999-06-10"),
    ("The camp grew through April and May 1999.", WED, "April and May 1999", "1999-04-01", "1999-05-31"),
    ("Fighting flared in January.", WED, "January", "1999-01-01", "1999-01-31"),
    ("The refugees arrived in November.", WED, "November", "1998-11-01", "1998-11-30"),
    ("The talks will resume in July.", WED, "July", "1999-07-01", "1999-07-31"),
    ("The envoy arrived on Thursday.", WED, "Thursday", "1999-06-10", None),
    ("On Thursday the envoy will fly to Skopje.", WED, "Thursday", "1999-06-17", None),
    ("In the 20th century the region saw many wars.", WED, "20th century", "1901-01-01", "2000-12-31"),
    ("Five days ago the envoy left.", WED, "Five days ago", "1999-06-11", None),
    ("The first days of April were the worst.", WED, "first days of April", "1999-04-01", "1999-04-10"),
    ("In the first half of 1998 tension grew.", WED, "first half of 1998", "1998-01-01", "1998-06-30"),
    # ranges of parts, counts of decades, holidays, parts of shifted periods
    ('Crimes were committed between 1 January and 20 June 1999.', WED, '1 January and 20 June 1999', '1999-01-01', '1999-06-20'),
    ('The offensive ran from late March to early June 1999.', WED, 'late March to early June 1999', '1999-03-21', '1999-06-10'),
    ('Fighting has raged since spring 1998.', WED, 'spring 1998', '1998-03-01', '1998-05-31'),
    ('In the past week 5,000 people arrived.', WED, 'past week', '1999-06-07', '1999-06-13'),
    ('This past weekend 5,000 people arrived.', WED, 'past weekend', '1999-06-12', '1999-06-13'),
    ('The mission began on 3 June 1999. Later that month it grew.', WED, 'that month', '1999-06-01', '1999-06-30'),
    ('The war ended in June 1999. The following spring the refugees went home.', WED, 'following spring', '2000-03-01', '2000-05-31'),
    ('A decade ago the war ended.', WED, 'A decade ago', '1989-01-01', '1989-12-31'),
    ('Two decades ago the war ended.', WED, 'Two decades ago', '1979-01-01', '1979-12-31'),
    ('Refugees left in the mid-1990s.', WED, 'mid-1990s', '1990-01-01', '1999-12-31'),
    ('Refugees left in the late 1990s.', WED, 'late 1990s', '1990-01-01', '1999-12-31'),
    ('The air war lasted March 24-June 10, 1999.', WED, 'March 24-June 10, 1999', '1999-03-24', '1999-06-10'),
    ('The monitors left on Christmas Eve 1998.', WED, 'Christmas Eve 1998', '1998-12-24', '1998-12-24'),
    ('Fifteen years ago the war began.', WED, 'Fifteen years ago', '1984-01-01', '1984-12-31'),
    ('The war began 15 years ago.', WED, '15 years ago', '1984-01-01', '1984-12-31'),
    ('The conference lasted from Monday until Wednesday.', WED, 'Monday until Wednesday', '1999-06-14', '1999-06-16'),
    ('The mission stayed in 1999-2000.', WED, '1999-2000', '1999-01-01', '2000-12-31'),
    ('The war broke out in the early hours of 24 March.', WED, '24 March', '1999-03-24', '1999-03-24'),
    ('He was president from 1989 to 1997.', WED, '1989 to 1997', '1989-01-01', '1997-12-31'),
    ('By the end of June the troops had left.', WED, 'end of June', '1999-06-21', '1999-06-30'),
    ('At the start of April the camps filled.', WED, 'start of April', '1999-04-01', '1999-04-10'),
    ('Over the weekend the camps filled.', WED, 'weekend', '1999-06-12', '1999-06-13'),
    ('The talks will resume next week.', WED, 'next week', '1999-06-21', '1999-06-27'),
    ('The talks resumed earlier this week.', WED, 'this week', '1999-06-14', '1999-06-20'),
    ('The talks resumed late last week.', WED, 'late last week', '1999-06-11', '1999-06-13'),
    ('The talks resumed last month.', WED, 'last month', '1999-05-01', '1999-05-31'),
]


# Texts of several sentences: the story's time (the last date told, its year), tense, citations
STORIES = [
    # chronology of 1998 published in 1999
    ("pl", "Kalendarium 1998 roku.\n5 marca – policja atakuje wieś.\n17 czerwca – rozmowy w Belgradzie.\n13 października – porozumienie.", "1999-01-10", {"17 czerwca": ("1998-06-17","1998-06-17"), "13 października": ("1998-10-13","1998-10-13")}),
    # memoir written 2014 about 1999
    ("en", "In the spring of 1999 I worked in a camp near Kukës. On June 10 the bombing stopped. Two days later we drove north.", "2014-05-01", {"June 10": ("1999-06-10","1999-06-10"), "Two days later": ("1999-06-12","1999-06-12")}),
    ("pl", "Wiosną 1999 roku pracowałem w obozie pod Kukës. 10 czerwca naloty ustały. W sobotę pojechaliśmy na północ.", "2009-05-01", {"10 czerwca": ("1999-06-10","1999-06-10"), "sobotę": ("1999-06-12","1999-06-12")}),
    ("en", "In January 1999 I arrived in Pristina. In March we were evacuated. In November I came back.", "2010-01-01", {"March": ("1999-03-01","1999-03-31"), "November": ("1999-11-01","1999-11-30")}),
    # citation dates should not anchor
    ("en", "The bombing began on 24 March 1999. Refugees fled (AP, 3 May 2001). Two days later the border closed.", "2002-01-01", {"Two days later": ("1999-03-26","1999-03-26")}),
    # wire with dateline
    ("en", "BELGRADE, May 7, 1999 (Reuters) - NATO missiles hit the city on Friday night. On Thursday the envoy met Milosevic.", None, {"Friday night": ("1999-05-07","1999-05-07"), "Thursday": ("1999-05-06","1999-05-06")}),
    # anniversary
    ("en", "Ten years ago today, on 24 March 1999, NATO began its air war. That night the first missiles struck.", "2009-03-24", {"Ten years ago today": ("1999-03-24","1999-03-24"), "That night": ("1999-03-24","1999-03-24")}),
    ("pl", "Dziesięć lat temu, 24 marca 1999 roku, NATO rozpoczęło naloty. Tej nocy spadły pierwsze pociski.", "2009-03-24", {"Dziesięć lat temu": ("1999-01-01","1999-12-31"), "Tej nocy": ("1999-03-24","1999-03-24")}),
    # due in December
    ("en", "The mission began in June 1999. A report is due in December.", "1999-07-01", {"December": ("1999-12-01","1999-12-31")}),
    ("en", "The monitors withdrew on 20 March 1999. In November they had arrived with high hopes.", "1999-06-01", {"November": ("1998-11-01","1998-11-30")}),
    ("pl", "Obserwatorzy wycofali się 20 marca 1999 r. W listopadzie przyjechali pełni nadziei.", "1999-06-01", {"listopadzie": ("1998-11-01","1998-11-30")}),
    # the next morning, the same day after a date without year
    ("en", "On 23 March Holbrooke left Belgrade. The next morning NATO was ready.", "1999-03-30", {"next morning": ("1999-03-24","1999-03-24")}),
    ("pl", "23 marca Holbrooke opuścił Belgrad. Następnego ranka NATO było gotowe.", "1999-03-30", {"Następnego ranka": ("1999-03-24","1999-03-24")}),
    ("pl", "Jesienią ubiegłego roku zaczęły się walki.", "1999-05-01", {"Jesienią ubiegłego roku": ("1998-09-01","1998-11-30")}),
    ("en", "Five years ago this month, the air war began.", "2004-03-15", {"Five years ago this month": ("1999-03-01","1999-03-31")}),
    ("en", "Twenty years ago this week, the air war began.", "2019-03-24", {"Twenty years ago this week": ("1999-03-22","1999-03-28")}),
    ("en", "The talks began on 6 February 1999. On Tuesday 23 February they ended.", "2009-01-01", {"Tuesday 23 February": ("1999-02-23","1999-02-23")}),
    ("en", "The talks began on 6 February 1999. The following Tuesday they were suspended.", "2009-01-01", {"following Tuesday": ("1999-02-09","1999-02-09")}),
    ("pl", "Rozmowy zaczęły się 6 lutego 1999 r. W następny wtorek zostały zawieszone.", "2009-01-01", {"następny wtorek": ("1999-02-09","1999-02-09")}),
    ("en", "The village was shelled on 15 January 1999. On Saturday the monitors went in.", "2009-01-01", {"Saturday": ("1999-01-16","1999-01-16")}),
    ("pl", "Wieś ostrzelano 15 stycznia 1999 r. W sobotę weszli tam obserwatorzy.", "2009-01-01", {"sobotę": ("1999-01-16","1999-01-16")}),
    ("en", "He was born in 1944. In the 1980s he led the writers' union. Two decades later he was president.", "2006-01-21", {"1980s": ("1980-01-01","1989-12-31")}),
    ("pl", "Urodził się w 1944 r. W latach 80. kierował związkiem pisarzy.", "2006-01-21", {"latach 80.": ("1980-01-01","1989-12-31")}),
    ("en", "The air war ended on 10 June 1999. That summer most refugees went home.", "2009-01-01", {"That summer": ("1999-06-01","1999-08-31")}),
    ("en", "The mission started in October 1998. By the end of the year it had 1,000 monitors.", "2004-01-01", {"end of the year": ("1998-09-01","1998-12-31")}),
    ("pl", "Misja zaczęła się w październiku 1998 r. Pod koniec roku liczyła tysiąc osób.", "2004-01-01", {"koniec roku": ("1998-09-01","1998-12-31")}),
    ("en", "Talks broke down on 19 March 1999. Five days later the bombing began.", "2009-01-01", {"Five days later": ("1999-03-24","1999-03-24")}),
    ("en", "On the morning of 24 March the sirens sounded. By evening the first bombs fell.", "1999-04-01", {"morning of 24 March": ("1999-03-24","1999-03-24")}),
    ("en", "The resolution was adopted on 10 June. A week earlier Milosevic had accepted the plan.", "1999-06-20", {"A week earlier": ("1999-05-31","1999-06-06")}),
    ("pl", "Rezolucję przyjęto 10 czerwca. Tydzień wcześniej Miloszević przyjął plan.", "1999-06-20", {"Tydzień wcześniej": ("1999-05-31","1999-06-06")}),
    # a weekday with a day of the month, "this day", a count named by the date in apposition
    ("en", "Thursday 14 January 1999\nThe talks stalled.\n\nFriday 15th\nThe monitors went out.", "1999-03-20", {"Friday 15th": ("1999-01-15", "1999-01-15")}),
    ("en", "I will not forget this day.", "1999-01-16", {"this day": ("1999-01-16", "1999-01-16")}),
    ("pl", "Urodził się w 1944 r., a zmarł w 2004 r. Kraj ogłosił niepodległość dwa lata później, 17 lutego 2008 roku.", "2010-01-01", {"dwa lata później": ("2008-01-01", "2008-12-31")}),
    ("en", "He died in 2004. Two years later, on 17 February 2008, the country declared independence.", "2010-01-01", {"Two years later": ("2008-01-01", "2008-12-31")}),
    ("pl", "Dziś, w 2014 r., Kosowo jest niepodległe.", "1999", {"Dziś": ("2014-01-01", "2014-12-31")}),
    ("en", "Today, in 2019, the border is open.", "1999", {"Today": ("2019-01-01", "2019-12-31")}),
    ("en", "The talks began on 6 February 1999. The next Tuesday they were suspended.", "2009-01-01", {"next Tuesday": ("1999-02-09", "1999-02-09")}),
]


@pytest.mark.parametrize("text, ref, span, first, last", PL)
def test_polish_date_classes(nlp_pl, text, ref, span, first, last):
    check(nlp_pl, "pl", text, ref, span, first, last)


@pytest.mark.parametrize("text, ref, span, first, last", EN)
def test_english_date_classes(nlp_en, text, ref, span, first, last):
    check(nlp_en, "en", text, ref, span, first, last)


@pytest.mark.parametrize("lang, text", [
    ("pl", "Osiem tygodni po rozpoczęciu kampanii wojska wycofały się."),
    ("pl", "Kilka dni później wojska wycofały się."),
    ("pl", "W ciągu kilku dni wojska wycofały się."),
    ("pl", "Naloty trwały 78 dni."),
    ("pl", "Wieczorem zebrał się sztab."),
    ("pl", "W przeddzień spotkania wojska wycofały się."),
    ("en", "Eight weeks after the start of the campaign the troops withdrew."),
    ("en", "The troops withdrew within days."),
    ("en", "A few days later the troops withdrew."),
    ("en", "The troops withdrew in recent days."),
    ("en", "The air war lasted 78 days."),
    ("en", "At dawn the troops withdrew."),
    ("en", "On the eve of the summit the troops withdrew."),
    ('pl', 'W ciągu ostatniej doby przyjechało 5 tysięcy osób.'),
    ('pl', 'Minionej doby przyjechało 5 tysięcy osób.'),
    ('en', 'In recent weeks the camps filled.'),
    ('en', 'The camps filled over the past few days.'),
])
def test_not_a_date(nlp_pl, nlp_en, lang, text):
    got = dates(nlp_pl if lang == "pl" else nlp_en, lang, text, WED)
    assert got == {}, f"{text!r}: {got}"


@pytest.mark.parametrize("lang, text, ref, want", STORIES)
def test_dates_in_a_story(nlp_pl, nlp_en, lang, text, ref, want):
    got = dates(nlp_pl if lang == "pl" else nlp_en, lang, text, ref)
    assert {k: got.get(k) for k in want} == want, got
