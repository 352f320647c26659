"""A conformance sweep of DATE norms: short made-up texts, Polish and English, in several
narrative settings (a news item of the day, a chronology published the next year, a
retrospective years later, a radio transcript, an announcement, a diary), each span with the
first and last day a careful reader gives it under eval/unseen/conventions.md. `None` marks a
word that is no DATE; "unresolved" a span the calendar does not fix."""

from date_norms import U

# (lang, reference date, text, {span text: (first, last) | U | None})
CASES = [
    # --- a news item published the same day (Wednesday 14 April 1999)
    ("en", "1999-04-14",
     "NATO aircraft struck bridges in Novi Sad on Tuesday night, officials said on Wednesday. Yesterday the "
     "alliance also hit a refinery. Foreign ministers will meet in Brussels next Monday, and the summit is due "
     "in late April.",
     {"Tuesday night": ("1999-04-13", "1999-04-13"), "Wednesday": ("1999-04-14", "1999-04-14"),
      "Yesterday": ("1999-04-13", "1999-04-13"), "next Monday": ("1999-04-19", "1999-04-19"),
      "late April": ("1999-04-21", "1999-04-30")}),
    ("pl", "1999-04-14",
     "W nocy z wtorku na środę samoloty NATO zbombardowały most w Nowym Sadzie – poinformował w środę rzecznik "
     "sojuszu. Wczoraj trafiono także rafinerię. Ministrowie spotkają się w przyszły poniedziałek, a szczyt "
     "odbędzie się pod koniec kwietnia.",
     {"nocy z wtorku na środę": ("1999-04-13", "1999-04-14"), "środę": ("1999-04-14", "1999-04-14"),
      "Wczoraj": ("1999-04-13", "1999-04-13"), "przyszły poniedziałek": ("1999-04-19", "1999-04-19"),
      "koniec kwietnia": ("1999-04-21", "1999-04-30")}),
    # (Friday 7 May 1999)
    ("en", "1999-05-07",
     "The refugees who crossed into Macedonia on 3 May were moved to Albania today. Two days ago the border was "
     "closed for several hours. A week ago, on 30 April, the camp at Blace was emptied. The UNHCR says the camps "
     "will be full by the end of the month.",
     {"3 May": ("1999-05-03", "1999-05-03"), "today": ("1999-05-07", "1999-05-07"),
      "Two days ago": ("1999-05-05", "1999-05-05"), "week ago": ("1999-04-26", "1999-05-02"),
      "30 April": ("1999-04-30", "1999-04-30"), "end of the month": ("1999-05-21", "1999-05-31")}),
    ("pl", "1999-05-07",
     "Uchodźców, którzy 3 maja przekroczyli granicę z Macedonią, przewieziono dziś do Albanii. Dwa dni temu "
     "granica była zamknięta przez kilka godzin. Tydzień temu, 30 kwietnia, opróżniono obóz w Blace. UNHCR "
     "ostrzega, że do końca miesiąca obozy się zapełnią.",
     {"3 maja": ("1999-05-03", "1999-05-03"), "dziś": ("1999-05-07", "1999-05-07"),
      "Dwa dni temu": ("1999-05-05", "1999-05-05"), "Tydzień temu": ("1999-04-26", "1999-05-02"),
      "30 kwietnia": ("1999-04-30", "1999-04-30"), "końca miesiąca": ("1999-05-21", "1999-05-31")}),
    # --- a past-tense chronology of 1998 published in 1999
    ("en", "1999-02-15",
     "In 1998 the conflict in Kosovo escalated. On 28 February Serbian police attacked Likošane. In early March "
     "the Jashari compound at Prekaz was besieged, and on 5 March the attack began. Three days later the bodies "
     "were buried. In the summer the KLA held a third of the province.",
     {"1998": ("1998-01-01", "1998-12-31"), "28 February": ("1998-02-28", "1998-02-28"),
      "early March": ("1998-03-01", "1998-03-10"), "5 March": ("1998-03-05", "1998-03-05"),
      "Three days later": ("1998-03-08", "1998-03-08"), "summer": ("1998-06-01", "1998-08-31")}),
    ("en", "1999-02-15",
     "Kosovo in 1998 was a year of flight. By the end of September some 250,000 people had fled, and on 13 "
     "October Holbrooke and Milošević reached an agreement. On Christmas Eve fighting resumed near Podujevo. "
     "Two weeks earlier the first verifiers had arrived.",
     {"end of September": ("1998-09-21", "1998-09-30"), "13 October": ("1998-10-13", "1998-10-13"),
      "Christmas Eve": ("1998-12-24", "1998-12-24"), "Two weeks earlier": ("1998-12-07", "1998-12-13")}),
    ("pl", "1999-02-15",
     "W 1998 roku konflikt w Kosowie przybrał na sile. 28 lutego serbska policja zaatakowała Likoshan. Na "
     "początku marca otoczono posiadłość Jasharich w Prekazie, a 5 marca rozpoczął się szturm. Trzy dni później "
     "pochowano zabitych. Latem UCK kontrolowała jedną trzecią prowincji.",
     {"1998 roku": ("1998-01-01", "1998-12-31"), "28 lutego": ("1998-02-28", "1998-02-28"),
      "początku marca": ("1998-03-01", "1998-03-10"), "5 marca": ("1998-03-05", "1998-03-05"),
      "Trzy dni później": ("1998-03-08", "1998-03-08"), "Latem": ("1998-06-01", "1998-08-31")}),
    ("pl", "1999-02-15",
     "Rok 1998 był w Kosowie rokiem ucieczki. Pod koniec września z domów uciekło już 250 tysięcy osób, a 13 "
     "października Holbrooke i Milošević zawarli porozumienie. W Wigilię walki wybuchły na nowo pod Podujevem. "
     "Dwa tygodnie wcześniej przybyli pierwsi weryfikatorzy.",
     {"koniec września": ("1998-09-21", "1998-09-30"), "13 października": ("1998-10-13", "1998-10-13"),
      "Wigilię": ("1998-12-24", "1998-12-24"), "Dwa tygodnie wcześniej": ("1998-12-07", "1998-12-13")}),
    # weekdays in a past-tense report (published Wednesday 20 January 1999)
    ("en", "1999-01-20",
     "The monitors reached Račak on Saturday 16 January. On Sunday they found the bodies. On Monday the chief "
     "monitor blamed the Serbian police, and on Tuesday Belgrade ordered him to leave. The following week the "
     "Contact Group met in London.",
     {"Saturday 16 January": ("1999-01-16", "1999-01-16"), "Sunday": ("1999-01-17", "1999-01-17"),
      "Monday": ("1999-01-18", "1999-01-18"), "Tuesday": ("1999-01-19", "1999-01-19"),
      "following week": ("1999-01-25", "1999-01-31")}),
    ("pl", "1999-01-20",
     "Obserwatorzy dotarli do Raczaku w sobotę 16 stycznia. W niedzielę znaleźli ciała. W poniedziałek szef "
     "misji oskarżył serbską policję, a we wtorek Belgrad nakazał mu wyjazd. W następnym tygodniu w Londynie "
     "zebrała się Grupa Kontaktowa.",
     {"sobotę 16 stycznia": ("1999-01-16", "1999-01-16"), "niedzielę": ("1999-01-17", "1999-01-17"),
      "poniedziałek": ("1999-01-18", "1999-01-18"), "wtorek": ("1999-01-19", "1999-01-19"),
      "następnym tygodniu": ("1999-01-25", "1999-01-31")}),
    # months alone and last / next month (Tuesday 10 November 1998)
    ("en", "1998-11-10",
     "In October the talks stalled again. Last month the OSCE agreed to send 2,000 verifiers, and the first "
     "arrived in November. Next month the mission is expected to be at full strength.",
     {"October": ("1998-10-01", "1998-10-31"), "Last month": ("1998-10-01", "1998-10-31"),
      "November": ("1998-11-01", "1998-11-30"), "Next month": ("1998-12-01", "1998-12-31")}),
    ("pl", "1998-11-10",
     "W październiku rozmowy znów utknęły. W zeszłym miesiącu OBWE zgodziła się wysłać 2000 weryfikatorów, a "
     "pierwsi przybyli w listopadzie. W przyszłym miesiącu misja ma osiągnąć pełny skład.",
     {"październiku": ("1998-10-01", "1998-10-31"), "zeszłym miesiącu": ("1998-10-01", "1998-10-31"),
      "listopadzie": ("1998-11-01", "1998-11-30"), "przyszłym miesiącu": ("1998-12-01", "1998-12-31")}),
    # --- a retrospective twenty years later (Sunday 24 March 2019)
    ("en", "2019-03-24",
     "Twenty years ago today, on 24 March 1999, NATO began bombing Yugoslavia. The air campaign ended on 10 "
     "June. In 2008 Kosovo declared independence, and on 17 February the parliament in Pristina adopted the "
     "declaration. Ten years later, the country is still not a UN member. Back in the spring of 1999, nobody "
     "expected that.",
     {"Twenty years ago today": ("1999-03-24", "1999-03-24"), "24 March 1999": ("1999-03-24", "1999-03-24"),
      "10 June": ("1999-06-10", "1999-06-10"), "2008": ("2008-01-01", "2008-12-31"),
      "17 February": ("2008-02-17", "2008-02-17"), "Ten years later": ("2018-01-01", "2018-12-31"),
      "spring of 1999": ("1999-03-01", "1999-05-31")}),
    ("pl", "2019-03-24",
     "Dwadzieścia lat temu, 24 marca 1999 roku, NATO rozpoczęło bombardowania Jugosławii. Kampania zakończyła "
     "się 10 czerwca. W 2008 roku Kosowo ogłosiło niepodległość – 17 lutego parlament w Prisztinie przyjął "
     "deklarację. Dziesięć lat później kraj wciąż nie jest członkiem ONZ. Wiosną 1999 roku nikt się tego nie "
     "spodziewał.",
     {"Dwadzieścia lat temu": ("1999-01-01", "1999-12-31"), "24 marca 1999 roku": ("1999-03-24", "1999-03-24"),
      "10 czerwca": ("1999-06-10", "1999-06-10"), "2008 roku": ("2008-01-01", "2008-12-31"),
      "17 lutego": ("2008-02-17", "2008-02-17"), "Dziesięć lat później": ("2018-01-01", "2018-12-31"),
      "Wiosną 1999 roku": ("1999-03-01", "1999-05-31")}),
    # a retrospective fifteen years later: a date without a year is in the story's year, not the publication's
    ("en", "2014-06-20",
     "Fifteen years ago, NATO troops entered Kosovo. On 12 June the first British tanks crossed the border from "
     "Macedonia; two days later the Russians were already at Pristina airport. By the autumn, the UN mission "
     "was running the province.",
     {"Fifteen years ago": ("1999-01-01", "1999-12-31"), "12 June": ("1999-06-12", "1999-06-12"),
      "two days later": ("1999-06-14", "1999-06-14"), "autumn": ("1999-09-01", "1999-11-30")}),
    ("pl", "2014-06-20",
     "Piętnaście lat temu wojska NATO weszły do Kosowa. 12 czerwca pierwsze brytyjskie czołgi przekroczyły "
     "granicę z Macedonią, a dwa dni później Rosjanie byli już na lotnisku w Prisztinie. Jesienią misja ONZ "
     "zarządzała już prowincją.",
     {"Piętnaście lat temu": ("1999-01-01", "1999-12-31"), "12 czerwca": ("1999-06-12", "1999-06-12"),
      "dwa dni później": ("1999-06-14", "1999-06-14"), "Jesienią": ("1999-09-01", "1999-11-30")}),
    # a retrospective that goes back to 1999 and forward again (Sunday 24 March 2024)
    ("en", "2024-03-24",
     "In March 1999 the talks at Rambouillet collapsed. On 18 March the Albanian delegation signed the accords "
     "alone; six days later the bombing began. In 2009 the first verdicts were handed down, and on 26 February "
     "six Serbian officials were sentenced. In the 1990s few believed in a trial.",
     {"March 1999": ("1999-03-01", "1999-03-31"), "18 March": ("1999-03-18", "1999-03-18"),
      "six days later": ("1999-03-24", "1999-03-24"), "2009": ("2009-01-01", "2009-12-31"),
      "26 February": ("2009-02-26", "2009-02-26"), "1990s": ("1990-01-01", "1999-12-31")}),
    ("pl", "2024-03-24",
     "W marcu 1999 roku załamały się rozmowy w Rambouillet. 18 marca delegacja albańska sama podpisała "
     "porozumienie; sześć dni później zaczęły się bombardowania. W 2009 roku zapadły pierwsze wyroki, a 26 "
     "lutego skazano sześciu serbskich urzędników. W latach 90. mało kto wierzył w proces.",
     {"marcu 1999 roku": ("1999-03-01", "1999-03-31"), "18 marca": ("1999-03-18", "1999-03-18"),
      "sześć dni później": ("1999-03-24", "1999-03-24"), "2009 roku": ("2009-01-01", "2009-12-31"),
      "26 lutego": ("2009-02-26", "2009-02-26"), "latach 90.": ("1990-01-01", "1999-12-31")}),
    # --- a present / future-tense radio transcript (Wednesday 14 April 1999)
    ("en", "1999-04-14",
     "This is the evening news. Tonight NATO jets are again over Belgrade. On Friday the foreign ministers meet "
     "in Oslo, and on Sunday evening the Pope will pray for peace. Tomorrow morning the first convoy leaves "
     "Kukës. This weekend more refugees are expected.",
     {"Tonight": ("1999-04-14", "1999-04-14"), "Friday": ("1999-04-16", "1999-04-16"),
      "Sunday evening": ("1999-04-18", "1999-04-18"), "Tomorrow morning": ("1999-04-15", "1999-04-15"),
      "This weekend": ("1999-04-17", "1999-04-18")}),
    ("pl", "1999-04-14",
     "Dobry wieczór. Dziś wieczorem samoloty NATO znów krążą nad Belgradem. W piątek ministrowie spraw "
     "zagranicznych spotykają się w Oslo, a w niedzielę wieczorem papież będzie się modlił o pokój. Jutro rano "
     "z Kukësu wyrusza pierwszy konwój. W ten weekend spodziewany jest napływ kolejnych uchodźców.",
     {"Dziś wieczorem": ("1999-04-14", "1999-04-14"), "piątek": ("1999-04-16", "1999-04-16"),
      "niedzielę wieczorem": ("1999-04-18", "1999-04-18"), "Jutro rano": ("1999-04-15", "1999-04-15"),
      "ten weekend": ("1999-04-17", "1999-04-18")}),
    # (Monday 31 May 1999)
    ("en", "1999-05-31",
     "Next week the G8 leaders meet in Cologne. The day after tomorrow Martti Ahtisaari flies to Belgrade. The "
     "first refugees should return in mid-June, and rebuilding should start at the turn of June and July.",
     {"Next week": ("1999-06-07", "1999-06-13"), "day after tomorrow": ("1999-06-02", "1999-06-02"),
      "mid-June": ("1999-06-11", "1999-06-20"), "turn of June and July": ("1999-06-21", "1999-07-10")}),
    ("pl", "1999-05-31",
     "Za tydzień w Kolonii zbierze się szczyt G8. Pojutrze do Belgradu poleci Martti Ahtisaari. W połowie "
     "czerwca mają wrócić pierwsi uchodźcy, a na przełomie czerwca i lipca ruszy odbudowa.",
     {"Za tydzień": ("1999-06-07", "1999-06-13"), "Pojutrze": ("1999-06-02", "1999-06-02"),
      "połowie czerwca": ("1999-06-11", "1999-06-20"), "przełomie czerwca i lipca": ("1999-06-21", "1999-07-10")}),
    # --- a forward-looking announcement (Thursday 14 March 2024)
    ("en", "2024-03-14",
     "Next Thursday it will be 25 years since NATO began its air campaign. The anniversary falls on 24 March. "
     "Commemorations will also be held in June, when troops entered Kosovo a quarter of a century ago.",
     {"Next Thursday": ("2024-03-21", "2024-03-21"), "24 March": ("2024-03-24", "2024-03-24"),
      "June": ("2024-06-01", "2024-06-30")}),
    ("pl", "2024-03-14",
     "W przyszły czwartek minie 25 lat od rozpoczęcia nalotów NATO. Rocznica przypada 24 marca. Uroczystości "
     "odbędą się także w czerwcu, w rocznicę wkroczenia wojsk do Kosowa.",
     {"przyszły czwartek": ("2024-03-21", "2024-03-21"), "24 marca": ("2024-03-24", "2024-03-24"),
      "czerwcu": ("2024-06-01", "2024-06-30")}),
    # (Wednesday 10 March 1999)
    ("en", "1999-03-10",
     "The peace conference will resume on 15 March in Paris. If it fails, air strikes could begin the following "
     "week. Diplomats expect a decision before Easter.",
     {"15 March": ("1999-03-15", "1999-03-15"), "following week": ("1999-03-22", "1999-03-28"),
      "Easter": ("1999-04-04", "1999-04-04")}),
    ("pl", "1999-03-10",
     "Konferencja pokojowa zostanie wznowiona 15 marca w Paryżu. Jeśli się nie powiedzie, naloty mogą się "
     "rozpocząć w następnym tygodniu. Dyplomaci spodziewają się decyzji przed Wielkanocą.",
     {"15 marca": ("1999-03-15", "1999-03-15"), "następnym tygodniu": ("1999-03-22", "1999-03-28"),
      "Wielkanocą": ("1999-04-04", "1999-04-04")}),
    # --- a diary with dated headings (published 30 June 1999)
    ("en", "1999-06-30",
     "Monday, 29 March\nThe village emptied overnight. We walked towards the border.\n\nWednesday, 31 March\n"
     "Yesterday the Macedonian police closed the crossing. Tomorrow we try again.",
     {"Monday, 29 March": ("1999-03-29", "1999-03-29"), "Wednesday, 31 March": ("1999-03-31", "1999-03-31"),
      "Yesterday": ("1999-03-30", "1999-03-30"), "Tomorrow": ("1999-04-01", "1999-04-01")}),
    ("pl", "1999-06-30",
     "Poniedziałek, 29 marca\nWieś opustoszała w nocy. Szliśmy w stronę granicy.\n\nŚroda, 31 marca\n"
     "Wczoraj macedońska policja zamknęła przejście. Jutro spróbujemy znowu.",
     {"Poniedziałek, 29 marca": ("1999-03-29", "1999-03-29"), "Środa, 31 marca": ("1999-03-31", "1999-03-31"),
      "Wczoraj": ("1999-03-30", "1999-03-30"), "Jutro": ("1999-04-01", "1999-04-01")}),
    # --- holidays
    ("en", "1999-04-12",
     "Serbs celebrated Orthodox Easter on Sunday under the bombs. NATO had refused to pause the strikes for the "
     "holiday.",
     {"Orthodox Easter": ("1999-04-11", "1999-04-11"), "Sunday": ("1999-04-11", "1999-04-11")}),
    ("pl", "1999-04-12",
     "Serbowie obchodzili w niedzielę prawosławną Wielkanoc pod bombami. NATO nie zgodziło się przerwać nalotów "
     "na czas świąt.",
     {"niedzielę": ("1999-04-11", "1999-04-11"), "prawosławną Wielkanoc": ("1999-04-11", "1999-04-11")}),
    ("pl", "1999-04-28",
     "Mimo wojny na Bałkanach Polacy wyjadą na majówkę. Biura podróży odnotowały w kwietniu rekordową sprzedaż.",
     {"majówkę": ("1999-05-01", "1999-05-03"), "kwietniu": ("1999-04-01", "1999-04-30")}),
    # "święta" in a past-tense report in January: the Christmas just past
    ("pl", "1999-01-10",
     "Uchodźcy spędzili święta w namiotach pod Prisztiną. Na Nowy Rok przyszły mrozy.",
     {"święta": ("1998-12-24", "1998-12-26"), "Nowy Rok": ("1999-01-01", "1999-01-01")}),
    ("en", "1999-01-10",
     "The refugees spent Christmas Day in tents near Pristina. On New Year's Day the frost came.",
     {"Christmas Day": ("1998-12-25", "1998-12-25"), "New Year's Day": ("1999-01-01", "1999-01-01")}),
    # --- digits and Roman numerals; a story year from the first full date
    ("pl", "1999-07-01",
     "Naloty trwały od 24.03.1999 r. Rozejm podpisano 9 VI, a rezolucję ONZ przyjęto 10 VI 1999 r.",
     {"24.03.1999 r.": ("1999-03-24", "1999-03-24"), "9 VI": ("1999-06-09", "1999-06-09"),
      "10 VI 1999 r.": ("1999-06-10", "1999-06-10")}),
    ("en", "1999-07-01",
     "The strikes began on March 24, 1999. The agreement was signed on June 9, and the UN resolution followed on "
     "10/06/1999.",
     {"March 24, 1999": ("1999-03-24", "1999-03-24"), "June 9": ("1999-06-09", "1999-06-09")}),
    # --- ranges and coordinations
    ("pl", "1999-06-01",
     "W dniach 3–5 maja 1999 r. w Skopje obradowali ministrowie. Od listopada 1998 do marca 1999 r. trwały "
     "rozmowy. Między 20 a 24 marca obserwatorzy opuścili Kosowo.",
     {"3–5 maja 1999 r.": ("1999-05-03", "1999-05-05"),
      "listopada 1998 do marca 1999 r.": ("1998-11-01", "1999-03-31"),
      "20 a 24 marca": ("1999-03-20", "1999-03-24")}),
    ("en", "1999-06-01",
     "Ministers met in Skopje on 3-5 May 1999. From November 1998 to March 1999 the talks dragged on. Between 20 "
     "and 24 March the monitors left Kosovo. Fighting peaked in late March and early April.",
     {"3-5 May 1999": ("1999-05-03", "1999-05-05"),
      "November 1998 to March 1999": ("1998-11-01", "1999-03-31"),
      "20 and 24 March": ("1999-03-20", "1999-03-24"),
      "late March and early April": ("1999-03-21", "1999-04-10")}),
    ("pl", "1999-06-15",
     "W nocy z 11 na 12 czerwca rosyjscy żołnierze zajęli lotnisko. W poniedziałek i wtorek trwały rozmowy.",
     {"nocy z 11 na 12 czerwca": ("1999-06-11", "1999-06-12"),
      "poniedziałek i wtorek": ("1999-06-14", "1999-06-15")}),
    ("en", "1999-06-15",
     "On the night of 11 to 12 June Russian troops took the airport. Talks went on on Monday and Tuesday.",
     {"Monday and Tuesday": ("1999-06-14", "1999-06-15")}),
    # --- weeks of months, parts of years, halves
    ("en", "2000-01-15",
     "The worst expulsions came in the second week of April 1999. In the last week of May the camps were full, "
     "and in the first week of June the talks resumed. Early 1999 had been quieter; by late 1999 most people "
     "were home.",
     {"second week of April 1999": ("1999-04-05", "1999-04-11"),
      "last week of May": ("1999-05-24", "1999-05-30"),
      "first week of June": ("1999-05-31", "1999-06-06"),
      "Early 1999": ("1999-01-01", "1999-04-30"), "late 1999": ("1999-09-01", "1999-12-31")}),
    ("pl", "2000-01-15",
     "Najwięcej wypędzeń było w drugim tygodniu kwietnia 1999 r. W ostatnim tygodniu maja obozy były pełne, a w "
     "pierwszym tygodniu czerwca wznowiono rozmowy. Na początku 1999 roku było spokojniej, a pod koniec 1999 "
     "roku większość ludzi wróciła do domów.",
     {"drugim tygodniu kwietnia 1999 r.": ("1999-04-05", "1999-04-11"),
      "ostatnim tygodniu maja": ("1999-05-24", "1999-05-30"),
      "pierwszym tygodniu czerwca": ("1999-05-31", "1999-06-06"),
      "początku 1999 roku": ("1999-01-01", "1999-04-30"), "koniec 1999 roku": ("1999-09-01", "1999-12-31")}),
    ("pl", "1999-12-30",
     "W pierwszej połowie 1998 roku walki były sporadyczne. W drugiej połowie 1998 r. objęły całą prowincję. W "
     "połowie 1998 roku UCK kontrolowała wiele dróg.",
     {"pierwszej połowie 1998 roku": ("1998-01-01", "1998-06-30"),
      "drugiej połowie 1998 r.": ("1998-07-01", "1998-12-31"),
      "połowie 1998 roku": ("1998-05-01", "1998-08-31")}),
    ("en", "1999-12-30",
     "In the first half of 1998 the fighting was sporadic. In the second half of 1998 it spread across the "
     "province. By mid-1998 the KLA controlled many roads.",
     {"first half of 1998": ("1998-01-01", "1998-06-30"),
      "second half of 1998": ("1998-07-01", "1998-12-31"),
      "mid-1998": ("1998-05-01", "1998-08-31")}),
    # parts of a week (Wednesday 14 April 1999)
    ("pl", "1999-04-14",
     "Pod koniec tygodnia do Tirany przyleci sekretarz generalny. Na początku przyszłego tygodnia ma się "
     "zebrać Rada Bezpieczeństwa.",
     {"koniec tygodnia": ("1999-04-16", "1999-04-18"),
      "początku przyszłego tygodnia": ("1999-04-19", "1999-04-20")}),
    ("en", "1999-04-14",
     "The Secretary General will fly to Tirana at the end of the week. The Security Council is to meet early "
     "next week.",
     {"end of the week": ("1999-04-16", "1999-04-18"), "early next week": ("1999-04-19", "1999-04-20")}),
    # --- seasons and their parts
    ("pl", "2000-03-01",
     "Późnym latem 1998 r. ofensywa dotarła do Drenicy. Późną jesienią 1998 r. przybyli obserwatorzy. Zimą "
     "1998/1999 ludzie koczowali w lasach.",
     {"Późnym latem 1998 r.": ("1998-08-01", "1998-08-31"),
      "Późną jesienią 1998 r.": ("1998-11-01", "1998-11-30"),
      "Zimą 1998/1999": ("1998-12-01", "1999-02-28")}),
    ("en", "2000-03-01",
     "In late summer 1998 the offensive reached Drenica. The monitors came in late autumn 1998. In the winter "
     "of 1998-99 people camped in the woods.",
     {"late summer 1998": ("1998-08-01", "1998-08-31"), "late autumn 1998": ("1998-11-01", "1998-11-30"),
      "winter of 1998-99": ("1998-12-01", "1999-02-28")}),
    # --- turns of years and decades, centuries
    ("pl", "2010-05-01",
     "Na przełomie 1998 i 1999 roku obserwatorzy byli już w Kosowie. Na przełomie marca i kwietnia 1999 r. "
     "wypędzono setki tysięcy ludzi. Był to najkrwawszy konflikt w Europie pod koniec XX wieku.",
     {"przełomie 1998 i 1999 roku": ("1998-09-01", "1999-04-30"),
      "przełomie marca i kwietnia 1999 r.": ("1999-03-21", "1999-04-10"),
      "koniec XX wieku": ("1901-01-01", "2000-12-31")}),
    ("en", "2010-05-01",
     "At the turn of 1998 and 1999 the monitors were already in Kosovo. At the turn of March and April 1999 "
     "hundreds of thousands were expelled. It was the bloodiest conflict in Europe in the twentieth century.",
     {"turn of 1998 and 1999": ("1998-09-01", "1999-04-30"),
      "turn of March and April 1999": ("1999-03-21", "1999-04-10"),
      "twentieth century": ("1901-01-01", "2000-12-31")}),
    ("pl", "2010-05-01",
     "Na początku lat 90. Albańczycy tworzyli równoległe państwo. W latach dziewięćdziesiątych wyjechały "
     "dziesiątki tysięcy ludzi.",
     {"początku lat 90.": ("1990-01-01", "1999-12-31"),
      "latach dziewięćdziesiątych": ("1990-01-01", "1999-12-31")}),
    ("en", "2010-05-01",
     "In the early 1990s the Albanians built a parallel state. Tens of thousands left during the nineties.",
     {"early 1990s": ("1990-01-01", "1999-12-31")}),
    # --- counts: later / earlier / ago, halves, vague
    ("en", "2001-01-10",
     "The bombing began on 24 March 1999. Two months later the refugees were still in the camps. A year "
     "earlier, the first massacres had shocked the world. Three weeks earlier the monitors had left. A year "
     "and a half ago the troops arrived; a few days later the first Serbs fled.",
     {"Two months later": ("1999-05-01", "1999-05-31"), "year earlier": ("1998-01-01", "1998-12-31"),
      "Three weeks earlier": U,
      "A year and a half ago": ("1999-01-01", "1999-12-31"), "a few days later": U}),
    ("pl", "2001-01-10",
     "Bombardowania rozpoczęły się 24 marca 1999 roku. Dwa miesiące później uchodźcy wciąż byli w obozach. Rok "
     "wcześniej pierwsze masakry wstrząsnęły światem. Trzy tygodnie wcześniej obserwatorzy opuścili Kosowo. "
     "Półtora roku temu przybyły wojska; kilka dni później uciekli pierwsi Serbowie.",
     {"Dwa miesiące później": ("1999-05-01", "1999-05-31"), "Rok wcześniej": ("1998-01-01", "1998-12-31"),
      "Trzy tygodnie wcześniej": U,
      "Półtora roku temu": ("1999-01-01", "1999-12-31"), "kilka dni później": U}),
    ("en", "2009-03-15",
     "Ten years ago this month, NATO went to war over Kosovo. Two decades earlier, Milošević had come to power.",
     {"Ten years ago this month": ("1999-03-01", "1999-03-31"), "Two decades earlier": ("1979-01-01", "1979-12-31")}),
    ("pl", "2009-03-24",
     "Dokładnie dziesięć lat temu, 24 marca 1999 roku, spadły pierwsze bomby. Rok później w Kosowie stacjonowało "
     "40 tysięcy żołnierzy.",
     {"dziesięć lat temu": ("1999-03-24", "1999-03-24"), "24 marca 1999 roku": ("1999-03-24", "1999-03-24"),
      "Rok później": ("2000-01-01", "2000-12-31")}),
    # --- risks: "that" as a conjunction before a month; a surname that is a month's name
    ("en", "1999-03-02",
     "The spokesman said that June would be too late for a deal. The envoys agreed that March 24 would be the "
     "deadline.",
     {"June": ("1999-06-01", "1999-06-30"), "March 24": ("1999-03-24", "1999-03-24"),
      "that June": None, "that March 24": None}),
    ("pl", "1999-03-02",
     "Maj, rzecznik ambasady, zaprzeczył tym doniesieniom. Marzec powiedział, że rozmowy potrwają do 15 marca.",
     {"Maj": None, "Marzec": None, "15 marca": ("1999-03-15", "1999-03-15")}),
    ("pl", "1999-03-03",
     "Luty przyniósł nowe starcia w Drenicy.",
     {"Luty": ("1999-02-01", "1999-02-28")}),
    ("pl", "1999-03-02",
     "Luty, minister obrony, nie skomentował sprawy. Zdaniem Maja konflikt potrwa do maja.",
     {"Luty": None, "Maja": None, "maja": ("1999-05-01", "1999-05-31")}),
    # --- a year moving with an explicit later year in a narrative
    ("en", "2012-01-01",
     "The NATO campaign began on 24 March 1999. In 2009, on 24 March, veterans met in Pristina. On 10 June "
     "they unveiled a memorial.",
     {"24 March 1999": ("1999-03-24", "1999-03-24"), "2009": ("2009-01-01", "2009-12-31"),
      "24 March": ("2009-03-24", "2009-03-24"), "10 June": ("2009-06-10", "2009-06-10")}),
    ("pl", "2012-01-01",
     "Nalot rozpoczął się 24 marca 1999 roku. W 2009 roku, 24 marca, weterani spotkali się w Prisztinie. 10 "
     "czerwca odsłonili pomnik.",
     {"24 marca 1999 roku": ("1999-03-24", "1999-03-24"), "2009 roku": ("2009-01-01", "2009-12-31"),
      "24 marca": ("2009-03-24", "2009-03-24"), "10 czerwca": ("2009-06-10", "2009-06-10")}),
    # --- "later that year", "that autumn", "the same year"
    ("en", "2005-01-01",
     "In February 1998 the first clashes broke out. That autumn the offensive ended. Later that year the OSCE "
     "sent monitors.",
     {"February 1998": ("1998-02-01", "1998-02-28"), "That autumn": ("1998-09-01", "1998-11-30"),
      "that year": ("1998-01-01", "1998-12-31")}),
    ("pl", "2005-01-01",
     "W lutym 1998 roku wybuchły pierwsze starcia. Tamtej jesieni ofensywa się skończyła. Jeszcze w grudniu "
     "tego samego roku OBWE wysłała obserwatorów.",
     {"lutym 1998 roku": ("1998-02-01", "1998-02-28"), "Tamtej jesieni": ("1998-09-01", "1998-11-30"),
      "grudniu tego samego roku": ("1998-12-01", "1998-12-31")}),
    # weekday after a stated date, in the past; weekday in a retrospective
    ("en", "2019-06-10",
     "On Thursday 10 June 1999 the Security Council adopted Resolution 1244. On Saturday the first troops were "
     "ready at the border, and by Sunday morning they were in Pristina.",
     {"Thursday 10 June 1999": ("1999-06-10", "1999-06-10"), "Saturday": ("1999-06-12", "1999-06-12"),
      "Sunday morning": ("1999-06-13", "1999-06-13")}),
    ("pl", "2019-06-10",
     "W czwartek 10 czerwca 1999 roku Rada Bezpieczeństwa przyjęła rezolucję 1244. W sobotę pierwsze oddziały "
     "stały już na granicy, a w niedzielę rano były w Prisztinie.",
     {"czwartek 10 czerwca 1999 roku": ("1999-06-10", "1999-06-10"), "sobotę": ("1999-06-12", "1999-06-12"),
      "niedzielę rano": ("1999-06-13", "1999-06-13")}),
    # a date without a year in a news item refers to the coming one if the verb is future
    ("en", "1999-11-20",
     "Elections will be held in Kosovo in October. In January the UN will open new offices.",
     {"October": ("2000-10-01", "2000-10-31"), "January": ("2000-01-01", "2000-01-31")}),
    ("pl", "1999-11-20",
     "W styczniu ONZ otworzy nowe biura. W lutym ruszy spis ludności.",
     {"styczniu": ("2000-01-01", "2000-01-31"), "lutym": ("2000-02-01", "2000-02-29")}),
    # this / last / next year and week
    ("en", "1999-04-14",
     "Last year the fighting displaced 300,000 people. This year the figure has tripled. Next year the UN "
     "expects a return. Last week the camps were overwhelmed.",
     {"Last year": ("1998-01-01", "1998-12-31"), "This year": ("1999-01-01", "1999-12-31"),
      "Next year": ("2000-01-01", "2000-12-31"), "Last week": ("1999-04-05", "1999-04-11")}),
    ("pl", "1999-04-14",
     "W zeszłym roku walki wygnały z domów 300 tysięcy osób. W tym roku liczba ta się potroiła. W przyszłym "
     "roku ONZ spodziewa się powrotów. W ubiegłym tygodniu obozy były przepełnione.",
     {"zeszłym roku": ("1998-01-01", "1998-12-31"), "tym roku": ("1999-01-01", "1999-12-31"),
      "przyszłym roku": ("2000-01-01", "2000-12-31"), "ubiegłym tygodniu": ("1999-04-05", "1999-04-11")}),
    # "przedwczoraj", "the day before yesterday", "two days earlier"
    ("pl", "1999-04-14",
     "Przedwczoraj konwój dotarł do Kukësu. Dwa dni wcześniej wyjechał z Prizrenu.",
     {"Przedwczoraj": ("1999-04-12", "1999-04-12"), "Dwa dni wcześniej": ("1999-04-10", "1999-04-10")}),
    ("en", "1999-04-14",
     "The day before yesterday the convoy reached Kukës. Two days earlier it had left Prizren.",
     {"day before yesterday": ("1999-04-12", "1999-04-12"), "Two days earlier": ("1999-04-10", "1999-04-10")}),
    # a passive future ("will be held"): the coming month
    ("en", "2024-03-15", "Commemorations will be held in June.", {"June": ("2024-06-01", "2024-06-30")}),
    ("en", "1999-04-12", "The talks will be resumed this weekend.", {"this weekend": ("1999-04-17", "1999-04-18")}),
    ("en", "1999-04-12", "This weekend the talks failed.", {"This weekend": ("1999-04-10", "1999-04-11")}),
    # a number before the noun it counts is no year, and no story year for a month after it
    ("en", "1998-11-10", "The OSCE agreed to send 2000 verifiers, and the first came in November.",
     {"2000": None, "November": ("1998-11-01", "1998-11-30")}),
    # a holiday without a year from the date of writing: the tense turns it
    ("en", "1999-03-10", "The refugees celebrated Easter in the camps.", {"Easter": ("1998-04-12", "1998-04-12")}),
    ("pl", "1999-11-20", "Uchodźcy spędzą Boże Narodzenie w namiotach.", {"Boże Narodzenie": ("1999-12-25", "1999-12-26")}),
    ("pl", "1999-02-02", "Po świętach ceny wzrosły.", {"świętach": ("1998-12-24", "1998-12-26")}),
    # a month opening a sentence before a verb that is no verb of saying is the month
    ("pl", "1999-05-02", "Kwiecień przyniósł exodus Albańczyków. Maj zaczął się od nowych nalotów.",
     {"Kwiecień": ("1999-04-01", "1999-04-30"), "Maj": ("1999-05-01", "1999-05-31")}),
    # an ordinal after a weekday and "the" is a day only when no noun follows it
    ("en", "1999-06-20", "The talks ended on Friday the eleventh. The first week of June had been calm.",
     {"Friday the eleventh": ("1999-06-11", "1999-06-11"), "first week of June": ("1999-05-31", "1999-06-06")}),
    # a month alone is turned by the tense as soon as it lies on the other side of the month of writing
    ("pl", "1999-11-20", "W grudniu uchodźcy wrócili do domów.", {"grudniu": ("1998-12-01", "1998-12-31")}),
    ("en", "1999-11-20", "The refugees returned home in December.", {"December": ("1998-12-01", "1998-12-31")}),
    ("pl", "1999-11-20", "Wybory odbędą się w październiku.", {"październiku": ("2000-10-01", "2000-10-31")}),
    # a holiday with its year; "Nowy Rok" keeps its "Rok"
    ("pl", "1999-06-01", "W Wielkanoc 1999 r. padało. W Nowy Rok 2000 było zimno.",
     {"Wielkanoc 1999 r.": ("1999-04-04", "1999-04-04"), "Nowy Rok 2000": ("2000-01-01", "2000-01-01")}),
    # --- second round: last / this / next with weekdays, months and years (Wednesday 14 April 1999)
    ("en", "1999-04-14",
     "Last Friday the envoy met Milošević. This Friday he returns to Belgrade. The next day he flies to Bonn.",
     {"Last Friday": ("1999-04-09", "1999-04-09"), "This Friday": ("1999-04-16", "1999-04-16"),
      "next day": ("1999-04-17", "1999-04-17")}),
    ("pl", "1999-04-14",
     "W ubiegły piątek wysłannik spotkał się z Miloszeviciem. W ten piątek wraca do Belgradu. Następnego dnia "
     "poleci do Bonn.",
     {"ubiegły piątek": ("1999-04-09", "1999-04-09"), "ten piątek": ("1999-04-16", "1999-04-16"),
      "Następnego dnia": ("1999-04-17", "1999-04-17")}),
    ("en", "1999-04-14",
     "This month the border was closed twice. Late last year the verifiers arrived. Early next year elections "
     "may be held.",
     {"This month": ("1999-04-01", "1999-04-30"), "Late last year": ("1998-09-01", "1998-12-31"),
      "Early next year": ("2000-01-01", "2000-04-30")}),
    ("pl", "1999-04-14",
     "Na początku tego miesiąca zamknięto granicę. Pod koniec ubiegłego roku przybyli weryfikatorzy. Na "
     "początku przyszłego roku mogą się odbyć wybory.",
     {"początku tego miesiąca": ("1999-04-01", "1999-04-10"), "koniec ubiegłego roku": ("1998-09-01", "1998-12-31"),
      "początku przyszłego roku": ("2000-01-01", "2000-04-30")}),
    ("pl", "1999-04-14",
     "W tym tygodniu do Albanii dotarło 20 tysięcy uchodźców. W poprzednim tygodniu – 50 tysięcy. W weekend do "
     "Macedonii przybyło 10 tysięcy osób.",
     {"tym tygodniu": ("1999-04-12", "1999-04-18"), "poprzednim tygodniu": ("1999-04-05", "1999-04-11"),
      "weekend": ("1999-04-10", "1999-04-11")}),
    ("en", "1999-04-14",
     "This week 20,000 refugees reached Albania. The previous week it was 50,000. Over the weekend 10,000 people "
     "arrived in Macedonia.",
     {"This week": ("1999-04-12", "1999-04-18"), "previous week": ("1999-04-05", "1999-04-11"),
      "weekend": ("1999-04-10", "1999-04-11")}),
    ("pl", "1999-04-14",
     "Jutro wieczorem premier spotka się z uchodźcami. W sobotę i niedzielę odbędą się protesty.",
     {"Jutro wieczorem": ("1999-04-15", "1999-04-15"), "sobotę i niedzielę": ("1999-04-17", "1999-04-18")}),
    ("en", "1999-04-14",
     "Tomorrow night the premier meets refugees. Protests will be held on Saturday and Sunday.",
     {"Tomorrow night": ("1999-04-15", "1999-04-15"), "Saturday and Sunday": ("1999-04-17", "1999-04-18")}),
    # Orthodox Christmas (7 January in the Serbian church's calendar); "Boże Narodzenie", its two feast days (7-8 January)
    ("en", "2000-01-10", "Orthodox Christmas was celebrated quietly in Gračanica this year.",
     {"Orthodox Christmas": ("2000-01-07", "2000-01-07")}),
    ("pl", "2000-01-10", "Prawosławne Boże Narodzenie obchodzono w Graczanicy w ciszy.",
     {"Prawosławne Boże Narodzenie": ("2000-01-07", "2000-01-08")}),
    # ranges of days and months
    ("en", "1999-07-01",
     "Ministers met in Berlin on March 24-25. Between March and June 1999 nearly a million people fled.",
     {"March 24-25": ("1999-03-24", "1999-03-25"), "March and June 1999": ("1999-03-01", "1999-06-30")}),
    ("pl", "1999-07-01",
     "Ministrowie obradowali w Berlinie 24-25 marca. Między marcem a czerwcem 1999 r. uciekło niemal milion "
     "osób.",
     {"24-25 marca": ("1999-03-24", "1999-03-25"), "marcem a czerwcem 1999 r.": ("1999-03-01", "1999-06-30")}),
    ("en", "1999-12-01",
     "On Feb. 28, 1998, police attacked Likošane. In Sept. 1998 the offensive ended. In 1998-1999 about 10,000 "
     "people were killed.",
     {"Feb. 28, 1998": ("1998-02-28", "1998-02-28"), "Sept. 1998": ("1998-09-01", "1998-09-30"),
      "1998-1999": ("1998-01-01", "1999-12-31")}),
    # seasons with last / this, counted from the date of writing
    ("en", "2009-05-01", "Last fall the court ruled. This spring the appeal began.",
     {"Last fall": ("2008-09-01", "2008-11-30"), "This spring": ("2009-03-01", "2009-05-31")}),
    ("pl", "2009-05-01", "Zeszłej jesieni sąd wydał wyrok. Tej wiosny rozpoczęła się apelacja.",
     {"Zeszłej jesieni": ("2008-09-01", "2008-11-30"), "Tej wiosny": ("2009-03-01", "2009-05-31")}),
    ("pl", "2010-01-01", "W połowie lat 90. konflikt narastał.", {"połowie lat 90.": ("1990-01-01", "1999-12-31")}),
    # counts from a date given in the span
    ("pl", "2002-01-01", "Dwa lata po 24 marca 1999 r. w Kosowie odbyły się wybory.",
     {"Dwa lata po 24 marca 1999 r.": ("2001-01-01", "2001-12-31")}),
    ("en", "2000-01-01", "A week after 24 March 1999 the border closed.",
     {"week after 24 March 1999": ("1999-03-29", "1999-04-04")}),
    # nights and headings
    ("pl", "1999-03-25", "W nocy ze środy na czwartek spadły pierwsze bomby.",
     {"nocy ze środy na czwartek": ("1999-03-24", "1999-03-25")}),
    ("pl", "1999-12-01", "12.04.1999\nDziś rano znów strzelali. Wieczorem przyszli żołnierze.",
     {"12.04.1999": ("1999-04-12", "1999-04-12"), "Dziś rano": ("1999-04-12", "1999-04-12")}),
    ("en", "1999-12-01", "12 April 1999\nThis morning they shot again.",
     {"12 April 1999": ("1999-04-12", "1999-04-12"), "This morning": ("1999-04-12", "1999-04-12")}),
    # a retrospective told in the first person
    ("en", "2019-03-24",
     "In the spring of 1999 I was twelve. That summer we came back. The following year my father died.",
     {"spring of 1999": ("1999-03-01", "1999-05-31"), "That summer": ("1999-06-01", "1999-08-31"),
      "following year": ("2000-01-01", "2000-12-31")}),
    ("pl", "2019-03-24",
     "Wiosną 1999 roku miałem dwanaście lat. Tamtego lata wróciliśmy. W następnym roku zmarł mój ojciec.",
     {"Wiosną 1999 roku": ("1999-03-01", "1999-05-31"), "Tamtego lata": ("1999-06-01", "1999-08-31"),
      "następnym roku": ("2000-01-01", "2000-12-31")}),
    # a month alone in the future tense, in the next year
    ("pl", "1999-12-15", "W marcu minie rok od rozpoczęcia nalotów.", {"marcu": ("2000-03-01", "2000-03-31")}),
    ("en", "1999-12-15", "In March it will be a year since the bombing began.", {"March": ("2000-03-01", "2000-03-31")}),
    # counts of months and years from the date of writing
    ("pl", "1999-06-10", "Trzy miesiące temu zaczęły się naloty. Rok temu, w czerwcu 1998 r., OBWE ostrzegała.",
     {"Trzy miesiące temu": ("1999-03-01", "1999-03-31"), "Rok temu": ("1998-01-01", "1998-12-31"),
      "czerwcu 1998 r.": ("1998-06-01", "1998-06-30")}),
    ("en", "1999-06-10", "Three months ago the bombing began. A year ago this week, the offensive started.",
     {"Three months ago": ("1999-03-01", "1999-03-31"), "year ago this week": ("1998-06-08", "1998-06-14")}),
    # a count into the future of the date of writing does not move a past-tense date of a retrospective
    ("en", "2019-06-03",
     "The bombing stopped on 10 June 1999. Next week we will tell you how the first troops entered Kosovo "
     "on 12 June.", {"Next week": ("2019-06-10", "2019-06-16"), "12 June": ("1999-06-12", "1999-06-12")}),
    ("pl", "2019-06-03",
     "Naloty ustały 10 czerwca 1999 r. Za tydzień przypomnimy, jak 12 czerwca pierwsze oddziały wjechały do "
     "Kosowa.", {"12 czerwca": ("1999-06-12", "1999-06-12")}),
    # a part of a date before "of" that is a date of its own ("last week"); a season with its part and year
    ("en", "2000-01-15", "In the last week of May the camps were full. Last week the camps were empty. In early "
     "spring of 1999 it snowed.",
     {"last week of May": ("1999-05-24", "1999-05-30"), "Last week": ("2000-01-03", "2000-01-09"),
      "early spring of 1999": ("1999-03-01", "1999-03-31")}),
    ("pl", "1999-04-28", "W zeszłym roku majówka była deszczowa.", {"majówka": ("1998-05-01", "1998-05-03")}),
    # counts of one unit from the date of writing; an English count before a date
    ("pl", "2000-02-01", "Sprawozdanie za rok 1999 przyjęto jednogłośnie.", {"rok 1999": ("1999-01-01", "1999-12-31")}),
    ("en", "2000-01-01", "Ten days before 12 June 1999 the talks resumed.",
     {"Ten days before 12 June 1999": ("1999-06-02", "1999-06-02")}),
    # --- a memoir written ten years on: a bound reaching back ("od połowy marca") leaves the story on its
    # last day, and a weekday is counted from it
    ("pl", "2009-05-04",
     "Do Skopja dotarłam we wtorek 13 kwietnia 1999 r. Ludzie koczowali na granicy od połowy marca. W nocy ze "
     "środy na czwartek wywieziono ich autobusami, a w sobotę obóz był pusty.",
     {"połowy marca": ("1999-03-11", "1999-03-20"), "nocy ze środy na czwartek": ("1999-04-14", "1999-04-15"),
      "sobotę": ("1999-04-17", "1999-04-17")}),
    ("en", "2009-05-04",
     "I reached Skopje on Tuesday 13 April 1999. People had camped at the border since mid-March. On Wednesday "
     "night they were bussed away, and by Saturday the camp was empty.",
     {"mid-March": ("1999-03-11", "1999-03-20"), "Wednesday night": ("1999-04-14", "1999-04-14"),
      "Saturday": ("1999-04-17", "1999-04-17")}),
    # --- one year on: a plan for the next year does not move the story; months counted from the story's day,
    # not the season hoped for; "that spring" from the present of the text is the story's
    ("en", "2000-06-14",
     "NATO troops reached Prizren on 13 June 1999. Elections are due next year. \"We expected calm by the "
     "winter,\" a teacher said. Twelve months on, the town market is busy again; the school that reopened last "
     "October has 900 pupils. Few children went to class that spring.",
     {"next year": ("2001-01-01", "2001-12-31"), "winter": ("1999-12-01", "2000-02-29"),
      "last October": ("1999-10-01", "1999-10-31"), "that spring": ("1999-03-01", "1999-05-31")}),
    ("pl", "2000-06-14",
     "Wojska NATO dotarły do Prizrenu 13 czerwca 1999 r. Wybory mają się odbyć w przyszłym roku. Latem "
     "wróciła większość mieszkańców. Dwanaście miesięcy później targ znów jest pełen ludzi.",
     {"przyszłym roku": ("2001-01-01", "2001-12-31"), "Latem": ("1999-06-01", "1999-08-31"),
      "Dwanaście miesięcy później": ("2000-06-01", "2000-06-30")}),
    # --- a school paper at an anniversary (Friday 20 March 2009): a weekday and date of the story's year, and a
    # past date still ahead in the year of writing, are the story's
    ("pl", "2009-03-20",
     "Dziesięć lat temu, 24 marca 1999 r., NATO zaczęło bombardować Jugosławię. W ubiegły poniedziałek w szkole "
     "odbył się apel. W niedzielę 28 marca pierwsze rakiety spadły na Prisztinę. Naloty skończyły się 10 czerwca.",
     {"ubiegły poniedziałek": ("2009-03-16", "2009-03-16"), "niedzielę 28 marca": ("1999-03-28", "1999-03-28"),
      "10 czerwca": ("1999-06-10", "1999-06-10")}),
    ("en", "2009-03-20",
     "Ten years ago, on 24 March 1999, NATO began bombing Yugoslavia. Last Monday the school held an assembly. "
     "On Sunday, March 28, the first missiles hit Pristina. The bombing ended on 10 June.",
     {"Last Monday": ("2009-03-16", "2009-03-16"), "Sunday, March 28": ("1999-03-28", "1999-03-28"),
      "10 June": ("1999-06-10", "1999-06-10")}),
    # --- an anniversary column (Monday 14 June 2004): a count restating the day just named keeps its unit
    ("pl", "2004-06-14",
     "Pierwsi żołnierze KFOR wjechali do Kosowa 12 czerwca 1999 r. W ubiegłą sobotę, czyli dokładnie pięć lat później, "
     "w Prizrenie odbył się koncert.",
     {"ubiegłą sobotę": ("2004-06-12", "2004-06-12"), "pięć lat później": ("2004-01-01", "2004-12-31")}),
    ("en", "2004-06-14",
     "The first KFOR troops entered Kosovo on 12 June 1999. Last Saturday, i.e. exactly five years later, a concert "
     "was held in Prizren.",
     {"Last Saturday": ("2004-06-12", "2004-06-12"), "five years later": ("2004-01-01", "2004-12-31")}),
    # --- a memoir (1 June 2009): "tamtej wiosny" / "that spring" is the spring most of the story is in, not
    # another year's March mentioned in passing
    ("pl", "2009-06-01",
     "Wiosną 1999 r. pracowałam w obozie w Kukësie. 12 kwietnia przyjechał premier, a 5 maja przywieziono "
     "namioty. W marcu 2006 r. wróciłam tam na jeden dzień. Tamtej wiosny obóz miał dwadzieścia tysięcy "
     "mieszkańców. W czerwcu go zamknięto.",
     {"marcu 2006 r.": ("2006-03-01", "2006-03-31"), "Tamtej wiosny": ("1999-03-01", "1999-05-31"),
      "czerwcu": ("1999-06-01", "1999-06-30")}),
    ("en", "2009-06-01",
     "In the spring of 1999 I worked at the camp in Kukes. On 12 April the prime minister came, and on 5 May the "
     "tents arrived. In March 2006 I went back for a day. That spring the camp held twenty thousand people. In "
     "June it was closed.",
     {"March 2006": ("2006-03-01", "2006-03-31"), "That spring": ("1999-03-01", "1999-05-31"),
      "June": ("1999-06-01", "1999-06-30")}),
    # --- a breakfast radio talk of Thursday 6 May 1999: the coming weekend, "last" weekdays, a weekday apposed
    # to a coming week and to its date, a holiday just ahead in a past-tense sentence, a spoken ordinal day
    ("pl", "1999-05-06",
     "Jest czwartek, szósty maja. W weekend ma padać. W ubiegłą środę konwój dotarł do Kukësu, a we wtorek rząd "
     "ogłosił zbiórkę na Zielone Świątki. Goście wrócą do studia za tydzień, w czwartek, a transport wyjedzie w tę "
     "sobotę, ósmego, i wróci w pierwszy weekend czerwca.",
     {"czwartek, szósty maja": ("1999-05-06", "1999-05-06"), "weekend": ("1999-05-08", "1999-05-09"),
      "ubiegłą środę": ("1999-04-28", "1999-04-28"), "wtorek": ("1999-05-04", "1999-05-04"),
      "czwartek": ("1999-05-13", "1999-05-13"), "tę sobotę, ósmego": ("1999-05-08", "1999-05-08"),
      "pierwszy weekend czerwca": ("1999-06-05", "1999-06-06")}),
    ("en", "1999-05-06",
     "It is Thursday, and rain is expected at the weekend. Last Wednesday the convoy reached Kukës. The guests "
     "will be back next week, on Thursday, and the lorry leaves this Saturday, 8 May, to return on the weekend "
     "of June 5-6.",
     {"weekend": ("1999-05-08", "1999-05-09"), "Last Wednesday": ("1999-04-28", "1999-04-28"),
      "Thursday": ("1999-05-13", "1999-05-13"), "this Saturday, 8 May": ("1999-05-08", "1999-05-08"),
      "weekend of June 5-6": ("1999-06-05", "1999-06-06")}),
    # minutes of a Tuesday meeting: a holiday a few days ahead, "by Friday" after a later date
    ("en", "1999-04-06",
     "The parish agreed last night to hold a collection on Saturday, 17 April. Members had wanted it before "
     "Orthodox Easter. Leaflets will be printed by Friday.",
     {"Saturday, 17 April": ("1999-04-17", "1999-04-17"), "Orthodox Easter": ("1999-04-11", "1999-04-11"),
      "Friday": ("1999-04-09", "1999-04-09")}),
    # a look back of 2019: a weekday, date and part of day agreeing in the story's year; a range from a weekday
    ("pl", "2019-03-15",
     "W 1999 roku, w środę 24 marca wieczorem, zaczęły się naloty. Wystawa o nich będzie czynna od poniedziałku "
     "do końca marca.",
     {"środę 24 marca wieczorem": ("1999-03-24", "1999-03-24"),
      "poniedziałku do końca marca": ("2019-03-18", "2019-03-31")}),
    # a monthly review of May 1999 published in June: counts after precision words, the days of a night
    ("en", "1999-06-02",
     "NATO struck the embassy on Friday, 7 May. Barely a day later China protested, and about a week later "
     "the talks resumed.",
     {"Friday, 7 May": ("1999-05-07", "1999-05-07"), "day later": ("1999-05-08", "1999-05-08"),
      "week later": ("1999-05-10", "1999-05-16")}),
    ("pl", "1999-06-02",
     "W nocy z piątku na sobotę, z 7 na 8 maja, trafiono ambasadę. Nie wiadomo, czy jeńcy wrócą za tydzień, czy "
     "za miesiąc.",
     {"7 na 8 maja": ("1999-05-07", "1999-05-08"), "za miesiąc": ("1999-07-01", "1999-07-31")}),
    # an Easter followed by its day: the day says which Easter
    ("en", "2000-04-20",
     "A year ago the Orthodox faithful of Belgrade kept Easter on Sunday, 11 April 1999, in shelters.",
     {"Easter": ("1999-04-11", "1999-04-11"), "Sunday, 11 April 1999": ("1999-04-11", "1999-04-11")}),
]
