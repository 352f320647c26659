"""User names of forum threads (kosnlp.components.name_handles): threads written for these tests."""
from conftest import ents

THREAD_PL = ("Temat: wspomnienia z wojska\n\n"
             "szeregowy_k | 03.05.2008, 19:20\n"
             "Ktoś był w obozie w Brazdzie?\n\n"
             "ola82 | 04.05.2008, 07:45\n"
             "Byłam. szeregowy_k, napisz na priv.\n")

THREAD_EN = ("Re: Camp Able Sentry\n\n"
             "old_sapper | 2 June 2004, 22:10\n"
             "Anyone from the engineers still here?\n\n"
             "mike1971 | 3 June 2004, 06:55\n"
             "Yes. old_sapper, check your messages.\n")


def test_polish_forum_handles_in_post_headers_and_the_thread_are_actors(nlp_pl):
    got = [g for g in ents(nlp_pl, THREAD_PL) if g[1] == "ACTOR"]
    assert got == [("szeregowy_k", "ACTOR"), ("ola82", "ACTOR"), ("szeregowy_k", "ACTOR")]


def test_english_forum_handles_in_post_headers_and_the_thread_are_actors(nlp_en):
    got = [g for g in ents(nlp_en, THREAD_EN) if g[1] == "ACTOR"]
    assert got == [("old_sapper", "ACTOR"), ("mike1971", "ACTOR"), ("old_sapper", "ACTOR")]


def test_a_plain_word_before_a_separator_is_no_handle(nlp_pl):
    got = ents(nlp_pl, "Aktualności | 12.06.2009\nNATO wkroczyło do Kosowa.\n")
    assert ("Aktualności", "ACTOR") not in got and ("NATO", "ACTOR") in got
