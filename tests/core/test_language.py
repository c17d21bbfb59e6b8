"""The language of a text is detected from its most frequent words, punctuation aside."""

import pytest

from unspin.core.language import DEFAULT, detect_language

SENTENCES = {
    "fr": "Le président a déclaré\u00a0: « Nous allons gagner cette guerre ! » Il a ajouté qu’il était confiant.",
    "de": "Der Präsident hat gesagt, dass die Regierung in dieser Woche eine neue Entscheidung über die "
          "Waffen treffen wird. Er war sich sicher.",
    "es": "El presidente dijo que el gobierno tomará una nueva decisión sobre las armas esta semana. "
          "¿Estaba seguro? ¡Sí!",
    "it": "Il presidente ha detto che il governo prenderà una nuova decisione sulle armi questa "
          "settimana. Era sicuro di sé.",
    "pt": "O presidente disse que o governo vai tomar uma nova decisão sobre as armas nesta semana. "
          "Ele estava confiante.",
    "nl": "De president zei dat de regering deze week een nieuw besluit over de wapens zal nemen. "
          "Hij was er zeker van.",
    "sv": "Presidenten sade att regeringen kommer att fatta ett nytt beslut om vapnen den här veckan. "
          "Han var säker.",
    "pl": "Prezydent powiedział, że rząd podejmie w tym tygodniu nową decyzję w sprawie broni. "
          "Był tego pewien.",
    "ru": "Президент сказал, что правительство на этой неделе примет новое решение об оружии. "
          "Он был в этом уверен.",
    "en": "The president said that the government would take a new decision on the weapons this "
          "week. He was sure of it.",
}


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_a_two_sentence_news_text_is_recognised(language):
    """Two sentences of news are enough, whatever the quotes and punctuation."""
    assert detect_language(SENTENCES[language]) == language


def test_danish_and_norwegian_share_words_but_are_not_taken_for_english():
    """A short Danish text may read as Norwegian (their top words are the same), never English."""
    text = "Præsidenten sagde, at regeringen vil træffe en ny beslutning om våbnene i denne uge. Han var sikker på det."
    assert detect_language(text) in ("da", "nb")


@pytest.mark.parametrize("text", ["", "Kyiv, 2024.", "大統領は、政府が今週武器に関する新しい決定を下すと述べた。",
                                  "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod"])
def test_unknown_or_too_short_falls_back_to_english(text):
    """Too little to go on, or a language without a profile: English, the default."""
    assert detect_language(text) == DEFAULT
