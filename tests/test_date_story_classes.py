"""DATE norms of texts of several sentences, through the pipeline: counts named by the day in
apposition, weekdays and periods at the story's time, headers with a time. The texts are written
for these tests."""
import re

import pytest

from kosnlp.normalise.dates import DateNormaliser
from kosnlp.normalise.tense import tense_at
from date_norms import dates, expect_dates


STORIES = [
    # a count of days named by its day without a year: the day named, not the count from a day left behind
    ("en", "The clash came on 2 August 1998. By the next evening the village was empty. Four days later, on the "
           "morning of 6 August, the police returned.", "1998-09-01",
     {"Four days later": ("1998-08-06", "1998-08-06")}),
    ("pl", "Ofensywa ruszyła 12 lipca 1998 r. Dzień później, 13 lipca, zajęto most. Dwa dni później, 14 lipca, "
           "wojsko wycofało się.", "1998-09-01",
     {"Dwa dni później": ("1998-07-14", "1998-07-14")}),
    # "by Monday": after the story's last day; "on the Monday": of the week of the story's days; a
    # weekday after a day the story counted: the first from it on, even in the year of writing
    ("en", "Nobody expected what happened on 9 and 10 May 2001. On the Monday, a shop was burned. On Tuesday "
           "evening, a crowd gathered. By Thursday, the town was quiet.", "2001-06-20",
     {"Monday": ("2001-05-07", "2001-05-07"), "Tuesday evening": ("2001-05-08", "2001-05-08"),
      "Thursday": ("2001-05-10", "2001-05-10")}),
    ("en", "Saturday 9 January\nThe monitors went up the hill this morning. By Monday the government had expelled "
           "their chief.", "1999-03-01", {"Monday": ("1999-01-11", "1999-01-11")}),
    # in a news report, a weekday after a date written out is the date of writing's
    ("en", "The offensive began on 24 March. On Saturday, refugees crossed the border.", "1999-05-07",
     {"Saturday": ("1999-05-01", "1999-05-01")}),
    # a report that states its own period on its first line means it by "this week"
    ("en", "Weekly Bulletin 7 (12-18 April 1999)\nIssued 19 April 1999.\nThis week the camps filled again.",
     "1999-04-19", {"This week": ("1999-04-12", "1999-04-18")}),
    ("pl", "Komunikat tygodniowy (10–16 maja 1999 r.)\nW tym tygodniu przybyło 5 tysięcy osób.", "1999-05-14",
     {"tym tygodniu": ("1999-05-10", "1999-05-16")}),
    # under a release's own dateline, "this week" is the week of that day, not the period of the title
    ("en", "Releases 13-19 April 1999\n\nSKOPJE, 14 April 1999 - The camps filled again this week.", "1999-04-20",
     {"this week": ("1999-04-12", "1999-04-18")}),
    # a period in the body, or a report issued long after its period: the week of writing
    ("en", "Bulletin\nBetween 12 and 18 April 1999 the camps filled. This week they emptied.", "1999-04-28",
     {"This week": ("1999-04-26", "1999-05-02")}),
    ("en", "Weekly Bulletin 7 (12-18 April 1999)\nThis week the camps filled again.", "1999-06-02",
     {"This week": ("1999-05-31", "1999-06-06")}),
    # a weekday in a story of another year after a bound reaching back ("since late March"): from the
    # story's last day, not the date of writing; after a night of the story, from its second day
    ("pl", "Wspomnienie. Przyjechałem do Tirany 3 maja 1999 r., w poniedziałek. Uchodźcy czekali tam od końca "
           "kwietnia. W nocy z poniedziałku na wtorek przewieziono ich do Kukësu. W czwartek wróciłem do Polski.",
     "2004-05-10", {"końca kwietnia": ("1999-04-21", "1999-04-30"),
                    "nocy z poniedziałku na wtorek": ("1999-05-03", "1999-05-04"), "czwartek": ("1999-05-06", "1999-05-06")}),
    ("en", "I landed in Skopje on Thursday, 8 April 1999. The families had been waiting at the border since late "
           "March. On Friday night the buses took them away.", "2009-04-20",
     {"Friday night": ("1999-04-09", "1999-04-09")}),
    # a year after the year of writing ("next year") is a plan, not the story's time: a season after it stays in the story
    ("en", "KFOR entered Pristina on 12 June 1999. The UN says elections will be held next year. In the autumn the "
           "KLA was disbanded.", "2000-06-13",
     {"next year": ("2001-01-01", "2001-12-31"), "autumn": ("1999-09-01", "1999-11-30")}),
    ("pl", "Oddziały KFOR wjechały do Prisztiny 12 czerwca 1999 r. ONZ zapowiada wybory w przyszłym roku. Jesienią "
           "rozwiązano UCK.", "2000-06-13", {"Jesienią": ("1999-09-01", "1999-11-30")}),
    # months are counted from the story's last date of a month or less, not from a season named after it
    ("pl", "Pierwsi żołnierze przyjechali 12 czerwca 1999 r. Wszyscy liczyli, że jesienią będzie spokój. Dwanaście "
           "miesięcy później miasto tętni życiem.", "2000-06-13",
     {"jesienią": ("1999-09-01", "1999-11-30"), "Dwanaście miesięcy później": ("2000-06-01", "2000-06-30")}),
    ("en", "The first troops arrived on 12 June 1999. Everyone hoped for peace by the autumn. Twelve months later "
           "the town is busy.", "2000-06-13", {"Twelve months later": ("2000-06-01", "2000-06-30")}),
    # "that spring" said once the story has been counted up to the year of writing: the spring of the story's year
    ("en", "The first troops arrived on 12 June 1999. Twelve months later the town is busy, and the cafés that "
           "opened last September are full. The streets were empty that spring. In late March the bombs began to fall.",
     "2000-06-13", {"that spring": ("1999-03-01", "1999-05-31"), "late March": ("1999-03-21", "1999-03-31")}),
    # a weekday with a day and month that agree in the story's year only, after a count up to the year of writing
    ("pl", "Pierwsze bomby spadły na Jugosławię 24 marca 1999 r. Dziesięć lat później wspominamy tamte dni. W sobotę "
           "27 marca zestrzelono amerykański samolot.", "2009-05-20", {"sobotę 27 marca": ("1999-03-27", "1999-03-27")}),
    ("en", "The first bombs fell on Yugoslavia on 24 March 1999. Ten years later we remember those days. On Saturday, "
           "March 27, an American jet was shot down.", "2009-05-20", {"Saturday, March 27": ("1999-03-27", "1999-03-27")}),
    # a retrospective: a past-tense date still ahead in the year of writing is the story's, not the last year's
    ("pl", "Wojna zaczęła się wiosną 1999 r. W tym tygodniu szkoła przygotowuje wystawę. Naloty skończyły się 10 czerwca.",
     "2009-03-10", {"tym tygodniu": ("2009-03-09", "2009-03-15"), "10 czerwca": ("1999-06-10", "1999-06-10")}),
    ("en", "The war began in the spring of 1999. This week the school is preparing an exhibition. The bombing ended on "
           "10 June.", "2009-03-10", {"10 June": ("1999-06-10", "1999-06-10")}),
    # an exact count restating the date just before it ("X, czyli równo N lat później") keeps its unit
    ("pl", "Polska weszła do NATO 12 marca 1999 r. W ubiegły czwartek, czyli równo dziesięć lat później, w szkołach "
           "odbyły się apele.", "2009-03-20",
     {"ubiegły czwartek": ("2009-03-12", "2009-03-12"), "dziesięć lat później": ("2009-01-01", "2009-12-31")}),
    ("en", "Poland joined NATO on 12 March 1999. Last Thursday, that is, exactly ten years later, schools held "
           "assemblies.", "2009-03-20", {"ten years later": ("2009-01-01", "2009-12-31")}),
    # "tamtej wiosny" / "that spring" after a digression to another year: the spring the story was in, and the
    # story goes on in its year
    ("pl", "Do Kukësu przyjechałam 6 kwietnia 1999 r. Obozy rosły z dnia na dzień, a 12 kwietnia 1999 r. przyjechał "
           "premier Albanii. Dziś Kosowo jest niepodległe; ogłosiło niepodległość 17 lutego 2008 r. Tamtej wiosny "
           "nikt o tym nie myślał. W maju przeniesiono mnie do Tirany, a 27 maja wróciłam do kraju.", "2009-04-02",
     {"Tamtej wiosny": ("1999-03-01", "1999-05-31"), "maju": ("1999-05-01", "1999-05-31"),
      "27 maja": ("1999-05-27", "1999-05-27")}),
    ("en", "I reached Kukes on 6 April 1999. The camps grew by the day, and on 12 April 1999 the Albanian prime "
           "minister came. Kosovo declared independence on 17 February 2008. Nobody thought of that then, that "
           "spring. In May I was moved to Tirana, and on 27 May I flew home.", "2009-04-02",
     {"that spring": ("1999-03-01", "1999-05-31"), "27 May": ("1999-05-27", "1999-05-27")}),
    # "tego roku" after a date of the story told of another year is that year; in news it is this year
    ("pl", "Urodził się w 1951 r. w Prizrenie. Wiosną 1981 r. trafił do więzienia, a w lipcu tego roku stanął przed "
           "sądem. Dziś mieszka w Tiranie.", "2011-05-05",
     {"lipcu tego roku": ("1981-07-01", "1981-07-31")}),
    ("pl", "Rząd przyjął program pomocy. W marcu tego roku do Polski przyjadą pierwsi uchodźcy.", "1999-02-10",
     {"marcu tego roku": ("1999-03-01", "1999-03-31")}),
    # ... and in a sentence of its own after the story's dates, the year of the telling
    ("pl", "Naloty zaczęły się 24 marca 1999 r. i trwały do czerwca.\n\nW lipcu tego roku, w dwudziestą rocznicę, "
           "spotkaliśmy się znowu w Prisztinie.", "2019-09-20",
     {"24 marca 1999 r.": ("1999-03-24", "1999-03-24"), "lipcu tego roku": ("2019-07-01", "2019-07-31")}),
    # weeks counted from a period: both its ends counted, the ISO weeks of the counted days
    ("en", "By mid-April 1999 the family had a tent in the camp. Three weeks later they flew to England.", "1999-12-01",
     {"Three weeks later": ("1999-04-26", "1999-05-16")}),
    ("pl", "Na początku maja 1999 r. dotarli do obozu. Dwa tygodnie później wyjechali do Polski.", "1999-12-01",
     {"Dwa tygodnie później": ("1999-05-10", "1999-05-30")}),
    # a past-tense duration beginning after the story's last date moves the story on to it; one reaching
    # back before the story's last date does not
    ("pl", "Poznaliśmy się jesienią 1985 r. Od 1 stycznia 1986 r. kierował ambasadą w Belgradzie, a na przełomie "
           "maja i czerwca wyjechał do Skopje. Dziś jest na emeryturze.", "2010-09-01",
     {"przełomie maja i czerwca": ("1986-05-21", "1986-06-10")}),
    ("pl", "Zamieszki wybuchły 17 marca 2004 r. w Mitrowicy, gdzie od 1999 r. stacjonowali Francuzi. Do 19 marca "
           "zginęło 19 osób.", "2014-03-17", {"19 marca": ("2004-03-19", "2004-03-19")}),
    # "today" / "tonight" said in passing in a retrospective: a past-tense date after it is the story's
    ("en", "In the spring of 1998 the villages of Drenica burned. By mid-March thousands had fled. Tonight we "
           "remember them. Summer brought no peace: on 8 July the offensive resumed.", "2018-07-10",
     {"Summer": ("1998-06-01", "1998-08-31"), "8 July": ("1998-07-08", "1998-07-08")}),
    ("pl", "Wiosną 1998 r. płonęły wsie Drenicy. W połowie marca tysiące ludzi uciekły. Dziś wspominamy ofiary. "
           "Latem nie było spokoju: 8 lipca ofensywa ruszyła znowu.", "2018-07-10",
     {"Latem": ("1998-06-01", "1998-08-31"), "8 lipca": ("1998-07-08", "1998-07-08")}),
    # a past-tense weekday after a day of the story in the same sentence, long before the date of writing:
    # the first of that name from that day on; in the next sentence of a news report, the date of writing's
    ("pl", "Przegląd miesiąca. W czwartek 6 maja ministrowie G8 przyjęli zasady, a w sobotę Rosja je poparła.",
     "1999-06-01", {"sobotę": ("1999-05-08", "1999-05-08")}),
    ("en", "Month in review. On Thursday, May 6, the G8 ministers agreed the principles, and on Saturday Russia "
           "backed them.", "1999-06-01", {"Saturday": ("1999-05-08", "1999-05-08")}),
    ("en", "In March 2004 the town burned. Yesterday I walked its streets again. On the evening of 17 March I had "
           "stood below the old town watching the smoke.", "2016-09-12",
     {"evening of 17 March": ("2004-03-17", "2004-03-17")}),
    # a feast after a period of the story that holds it: that period's instance, not the one after its middle
    ("en", "The observers arrived in late November 1998 and spent that winter in the hills. Just before Christmas "
           "the shelling began again.", "2018-11-20", {"Christmas": ("1998-12-25", "1998-12-25")}),
    # a stay given by two dates across a turn of the year holds the months between
    ("pl", "Wyjechałam na misję jesienią 2001 r. Wróciłam w kwietniu 2002 r. W listopadzie spadł pierwszy śnieg, a "
           "Wigilię spędziliśmy w bazie.", "2015-05-05",
     {"listopadzie": ("2001-11-01", "2001-11-30"), "Wigilię": ("2001-12-24", "2001-12-24")}),
    ("en", "He flew out in September 2000 and came home in February 2001. In November the roads froze.", "2016-01-10",
     {"November": ("2000-11-01", "2000-11-30")}),
    # two dates of one year are no such period: the story moves on
    ("en", "The revolt began in the spring of 1998. The deal of October 1998 bought a winter. In April the bombs "
           "fell.", "2004-03-27", {"April": ("1999-04-01", "1999-04-30")}),
    # the text's first date, past and without a year, in a look back: the year the text gives that month, else
    # the year it writes out most
    ("en", "The decade closed in the shadow of the truce signed in August. On 10 August 1998 the envoys met in "
           "Belgrade. In 1999 the war came.", "2001-02-10", {"August": ("1998-08-01", "1998-08-31")}),
    ("en", "What the Riots of March Taught Us\n\nThose who saw the spring of 1999 knew what came on 17 March 2004.",
     "2004-04-20", {"March": ("2004-03-01", "2004-03-31")}),
    ("pl", "Epoka, która zaczęła się w lipcu\n\nLatem 1999 r. do miasta weszły wojska. Dziś, 4 maja 2009 r., "
           "ogłoszono koniec misji.", "2009-05-04", {"lipcu": ("1999-07-01", "1999-07-31")}),
    # a list of days is no apposition
    ("en", "The convoys left on 3 May, 5 May and 7 May.", "1999-05-20", {"3 May": ("1999-05-03", "1999-05-03")}),
    # a dateline's year is not the story's when another year is written as often: a title counted from the story
    ("en", "Twenty years on\n\nMonday, 24 March 2019\n\nOn 24 March 1999 the sirens sounded.", "2019-03-24",
     {"Twenty years on": ("2019-01-01", "2019-12-31")}),
    ("pl", "Dziesięć lat później\n\nWarszawa, 12 czerwca 2009 r.\n\nKFOR wkroczył do Kosowa 12 czerwca 1999 r.",
     "2009-06-12", {"Dziesięć lat później": ("2009-01-01", "2009-12-31")}),
    # a log's heading with its weekday abbreviated and a year of two digits is the day of writing of its entry
    ("en", "Daily log\n\nSun 10 Jan 99\nThe KLA took the soldiers on Friday. Talks may open tomorrow.\n\n"
           "Wed 13 Jan 99\nSoldiers released this afternoon.", "1999-01-18",
     {"Friday": ("1999-01-08", "1999-01-08"), "tomorrow": ("1999-01-11", "1999-01-11"),
      "this afternoon": ("1999-01-13", "1999-01-13")}),
    # a count of weeks or days back from "today", "tonight", "yesterday" is that day
    ("en", "Two weeks ago today the Council voted. A week ago tonight the sirens sounded.", "1998-10-07",
     {"Two weeks ago today": ("1998-09-23", "1998-09-23"), "week ago tonight": ("1998-09-30", "1998-09-30")}),
    # "przed weekendem": the weekend in the instrumental
    ("pl", "Raport trafi do komisji przed weekendem.", "1999-06-16", {"weekendem": ("1999-06-19", "1999-06-20")}),
    # "tamten piątek": the Friday the text named, and the story goes on from it
    ("pl", "Pamięci mieszkańców zamordowanych 15 stycznia 1999 roku. Komentarz: tamten piątek zaczął się od ostrzału "
           "wsi. Ciała znaleziono dopiero następnego dnia, w sobotę 16 stycznia.", "2024-06-12",
     {"tamten piątek": ("1999-01-15", "1999-01-15"), "następnego dnia": ("1999-01-16", "1999-01-16"),
      "sobotę 16 stycznia": ("1999-01-16", "1999-01-16")}),
    # "that week" after a season or a month: the week of the day the text named in it, not the period's middle
    ("en", "Twenty years ago tonight, on 24 March 1999, the sirens sounded. Nobody slept that spring. By the end of "
           "that week the first trains reached the border.", "2019-03-24",
     {"end of that week": ("1999-03-26", "1999-03-28")}),
    # a weekday with its day as an ordinal: that day of the month the story is in
    ("pl", "W marcu 1999 r. nikt już nie wierzył. W piątek dziewiętnastego przyszedł rozkaz, a w sobotę rano kolumna "
           "ruszyła.", "2019-03-15",
     {"piątek dziewiętnastego": ("1999-03-19", "1999-03-19"), "sobotę rano": ("1999-03-20", "1999-03-20")}),
    # Holy Week (Palm Sunday to Holy Saturday) and the Christmas holidays named in full
    ("pl", "Wiosną 1999 r. zbieraliśmy dary. W Wielkim Tygodniu wysłaliśmy konwój.", "1999-06-16",
     {"Wielkim Tygodniu": ("1999-03-28", "1999-04-03")}),
    ("pl", "W grudniu 1998 r. przed świętami Bożego Narodzenia wysłaliśmy paczki.", "1999-06-16",
     {"świętami Bożego Narodzenia": ("1998-12-24", "1998-12-26")}),
    # a movable feast with its day and month in a look back: the story's year when the feast fell on that day then
    ("en", "On 24 March 1999 the bombing began. Twenty years on I found my diary. On Easter Monday, 5 April, I wrote "
           "about the border.", "2019-03-24", {"Easter Monday, 5 April": ("1999-04-05", "1999-04-05")}),
    # a movable feast named with its day and month: the year it fell on that day, not after the date of writing
    ("pl", "Dziś mija dziesięć lat. W Wielkanoc, 4 kwietnia, zapisałam, że w telewizji pokazują tłumy.", "2009-03-24",
     {"Wielkanoc, 4 kwietnia": ("1999-04-04", "1999-04-04")}),
    ("en", "Ten years on, I reread my diary. On Easter Sunday, April 4, I wrote about the border.", "2009-03-24",
     {"Easter Sunday, April 4": ("1999-04-04", "1999-04-04")}),
    # a year in a relative clause or of a dated thing ("z 1912 roku") years before the story is a digression
    ("pl", "Naloty zaczęły się 24 marca 1999 r. Mój dziadek, który pamiętał wrzesień 1939 roku, mówił, że to potrwa. "
           "Pod koniec kwietnia nikt w to nie wierzył.", "2019-03-26", {"koniec kwietnia": ("1999-04-21", "1999-04-30")}),
    ("pl", "Naloty zaczęły się 24 marca 1999 r. Pisałem wtedy pracę o Bałkanach z 1912 roku. Na początku kwietnia "
           "przyjechali uchodźcy.", "2019-03-26", {"początku kwietnia": ("1999-04-01", "1999-04-10")}),
    ("en", "The bombing began on 24 March 1999. My grandfather, who remembered September 1939, said it would last. "
           "By the end of April nobody believed otherwise.", "2019-03-26", {"end of April": ("1999-04-21", "1999-04-30")}),
    # a period the text gave by two dates in turn ends when the story moves past it
    ("pl", "Prekaz, gdzie w marcu 1998 r. zginęła rodzina Jasharich, i Račak, gdzie 15 stycznia 1999 r. odnaleziono "
           "ciała. Naloty zaczęły się w środę 24 marca, a w ostatnich dniach marca na granicy stały tysiące ludzi.",
     "2009-06-10", {"ostatnich dniach marca": ("1999-03-21", "1999-03-31")}),
    # "ostatni" before a weekday or a weekend: the last one before the date of writing; "ostatni tydzień lipca" is a week of July
    ("pl", "Piszę w środę. W ostatni weekend przyjechały dwa transporty, a w ostatni piątek jeszcze jeden.", "1999-06-16",
     {"ostatni weekend": ("1999-06-12", "1999-06-13"), "ostatni piątek": ("1999-06-11", "1999-06-11")}),
    # a count of days after a period: from a range's end, else from the day the text named in the period
    ("pl", "Naloty trwały od 24 marca do 10 czerwca 1999 r. Dwa dni później do Kosowa weszli żołnierze KFOR.",
     "2023-10-14", {"Dwa dni później": ("1999-06-12", "1999-06-12")}),
    ("pl", "Polska weszła do NATO 12 marca 1999 r. Kto dziś wspomina tamten marzec? Zaledwie dwanaście dni później "
           "zaczęła się wojna.", "2024-03-12", {"dwanaście dni później": ("1999-03-24", "1999-03-24")}),
    ("en", "The strikes lasted from 24 March to 10 June 1999. Two days later the first troops crossed the border.",
     "2019-06-12", {"Two days later": ("1999-06-12", "1999-06-12")}),
    # the afternoon of the day just named, the next afternoon, the week before the previous date's
    ("en", "Parliament met on Sunday 17 February 2008. That afternoon it declared independence. The next afternoon "
           "crowds gathered.", "2009-01-01",
     {"That afternoon": ("2008-02-17", "2008-02-17"), "next afternoon": ("2008-02-18", "2008-02-18")}),
    ("pl", "Traktat podpisano 12 marca 1999 r. Tego popołudnia Polska weszła do NATO. Poprzedni tydzień był deszczowy.",
     "2000-01-01", {"Tego popołudnia": ("1999-03-12", "1999-03-12"), "Poprzedni tydzień": ("1999-03-01", "1999-03-07")}),
    # an indefinite weekday that the day just named falls on says which day it was
    ("en", "Twenty years ago tonight the sirens sounded over Pristina. It was a Wednesday.", "2019-03-24",
     {"Wednesday": ("1999-03-24", "1999-03-24")}),
    ("en", "The convoy left on 25 March 1999. He died years later, on a Wednesday.", "2019-03-24",
     {"Wednesday": "weekday not dated"}),
    # a year written out in a clause that looks back from the story ("had ... since ... in 1990", "od ... 1990 r.")
    # is a digression: the story stays in its time; not the year the text writes out most
    ("en", "The bombing began on 24 March 1999. My father, who had not worked since they closed the school in 1990, "
           "explained the news. In early May we left.", "2008-05-01", {"early May": ("1999-05-01", "1999-05-10")}),
    ("pl", "Naloty zaczęły się 24 marca 1999 r. Ojciec, który nie pracował od zamknięcia szkoły w 1990 r., tłumaczył "
           "nam wiadomości. Na początku maja wyjechaliśmy.", "2008-05-01",
     {"początku maja": ("1999-05-01", "1999-05-10")}),
    ("pl", "Piszę te słowa w czerwcu 2014 r., a od tygodnia przeglądam notesy z 1999 roku. Do Skopja przyleciałem "
           "pod koniec marca.", "2014-06-14", {"koniec marca": ("1999-03-21", "1999-03-31")}),
    # a year the sentence has just named from the date of writing holds its month, still the date of writing's
    ("en", "The war ended in 1999. This year we plan to hand the warehouses over by the end of September.",
     "2000-03-15", {"end of September": ("2000-09-21", "2000-09-30")}),
    ("pl", "Wojna skończyła się w 1999 r. W tym roku chcemy przekazać magazyny najpóźniej do końca września.",
     "2000-03-15", {"końca września": ("2000-09-21", "2000-09-30")}),
    # a count from the story up to the year of writing looks to the present and back: the next day and month
    # without a year are the story's
    ("en", "The agreement was signed on 9 June 1999, and it still holds a decade later. The talks had begun on "
           "June 2, and the following day the plan was accepted.", "2009-06-12",
     {"decade later": ("2009-01-01", "2009-12-31"), "June 2": ("1999-06-02", "1999-06-02"),
      "following day": ("1999-06-03", "1999-06-03")}),
    ("pl", "Porozumienie podpisano 9 czerwca 1999 r. i dwadzieścia lat później wciąż obowiązuje. Rozmowy zaczęły "
           "się 2 czerwca, a następnego dnia plan przyjęto.", "2019-06-12",
     {"dwadzieścia lat później": ("2019-01-01", "2019-12-31"), "2 czerwca": ("1999-06-02", "1999-06-02"),
      "następnego dnia": ("1999-06-03", "1999-06-03")}),
]


@pytest.mark.parametrize("lang, text, ref, want", STORIES)
def test_dates_in_a_story(nlp_pl, nlp_en, lang, text, ref, want):
    expect_dates(nlp_pl, nlp_en, lang, text, ref, want)


def test_a_present_tense_verb_nearer_than_a_past_one_gives_no_direction():
    s = "W piątek delegaci podpisują umowę, którą negocjatorzy uzgodnili dawno."
    assert tense_at(s, s.index("piątek"), "pl", len("piątek")) == "present"
    s = "W piątek delegaci podpisali umowę."
    assert tense_at(s, s.index("piątek"), "pl", len("piątek")) == "past"


def test_a_weekday_in_a_present_tense_clause_is_the_nearest(nlp_pl):
    # written on Wednesday 16 June 1999: the coming Friday, not the last
    got = dates(nlp_pl, "pl", "W piątek delegaci podpisują umowę, którą negocjatorzy uzgodnili dawno.", "1999-06-16")
    assert got.get("piątek") == ("1999-06-18", "1999-06-18")


@pytest.mark.parametrize("line, want", [
    ("old_sapper | 03.05.2004, 19:40", True),
    ("Posted by marek77 | 3 May 2004 19:40 | #12", True),
    ("3 May 2004, 19:40", True),
    ("The vote on 3 May 2004 | result: yes", False),  # words in the date's field
])
def test_a_date_in_a_header_of_fields_with_a_clock_time_is_a_dateline(line, want):
    m = re.search(r"\d{1,2}(?:\.\d\d\.| May )2004", line)
    spans = [(m.start(), m.end(), "DATE")]
    assert DateNormaliser.dateline(line, m.start(), m.end(), spans) is want


def test_today_in_a_post_is_the_day_of_its_header(nlp_pl):
    text = ("Forum > Kosowo\nstary_wiarus | 24.03.2004, 20:15\nDziś pięć lat od pierwszych nalotów.\n"
            "nowy_kolega | 25.03.2004, 08:02\nA dziś rocznica mojego wyjazdu.")
    got = dates(nlp_pl, "pl", text, "2010-01-01")
    assert got.get("Dziś") == ("2004-03-24", "2004-03-24")
    assert got.get("dziś") == ("2004-03-25", "2004-03-25")


def test_a_day_counted_from_a_heading_is_the_story_day(nlp_en):
    text = ("Friday 8 January 1999\nThe monitors met the commander on 4 January.\n\nMonday night\n"
            "The road was closed this morning. Later that week the talks resumed.")
    got = dates(nlp_en, "en", text, "1999-03-01")
    assert got.get("Monday night") == ("1999-01-11", "1999-01-11")
    assert got.get("this morning") == ("1999-01-11", "1999-01-11")
    assert got.get("that week") == ("1999-01-11", "1999-01-17")


@pytest.mark.parametrize("text, span, want", [
    ("Refugees fled (Tanjug, 3 May 2001).", "3 May 2001", True),
    ("Refugees fled (AP/Reuters, June 10).", "June 10", True),
    ("Refugees fled (see the map, 3 May).", "3 May", False),
])
def test_a_date_cited_with_a_source_name_in_parentheses(text, span, want):
    i = text.index(span)
    assert DateNormaliser.citation(text, i, i + len(span), [(i, i + len(span), "DATE")]) is want


def test_a_cited_date_does_not_anchor_the_story(nlp_en):
    text = "The talks collapsed on 19 March 1999. Crowds gathered (Tanjug, 2 May 2001). Two days later the bombs fell."
    assert dates(nlp_en, "en", text, "2002-01-01").get("Two days later") == ("1999-03-21", "1999-03-21")


def test_a_weekday_after_a_day_and_month_in_a_news_report_is_the_date_of_writings(nlp_en):
    text = "The monitors came back in 1999. On 7 March they left Prizren. On Saturday, refugees crossed the border."
    assert dates(nlp_en, "en", text, "1999-06-16").get("Saturday") == ("1999-06-12", "1999-06-12")


@pytest.mark.parametrize("lang, text, want", [
    ("pl", "Kosowo dziś\nW lutym ubiegłego roku podpisano umowę. Dziś, w 2012 r., granica jest otwarta.",
     {"dziś": ("2012-01-01", "2012-12-31"), "lutym ubiegłego roku": ("2011-02-01", "2011-02-28")}),
    ("en", "Kosovo today\nLast year the talks resumed. Today, in 2012, the border is open.",
     {"today": ("2012-01-01", "2012-12-31"), "Last year": ("2011-01-01", "2011-12-31")}),
    # without the year stated, a reference of the year written about leaves them unresolved
    ("en", "Last year the talks resumed.", {"Last year": "reference date known only to the year"}),
])
def test_a_text_that_states_the_year_it_is_written_in(nlp_pl, nlp_en, lang, text, want):
    got = dates(nlp_pl if lang == "pl" else nlp_en, lang, text, "1999")
    assert {k: got.get(k) for k in want} == want, got
