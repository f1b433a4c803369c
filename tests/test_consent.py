"""The consent filter: cookie and privacy banners on invented pages, and the pages
about cookies that must keep their text."""

from __future__ import annotations

import pytest

from textclean import clean
from textclean.filters.consent import ConsentFilter, signals
from textclean.filters.widgets import WidgetFilter
from textclean.page import Page

PROSE = "The council met on Tuesday and agreed the budget after a long and heated debate.\n"


def _removed(text: str) -> list[int]:
    """The lines the consent filter removes, after the widgets filter (as in the pipeline)."""
    page = Page(text)
    WidgetFilter().apply(page)
    ConsentFilter().apply(page)
    return [
        i
        for i in range(len(page.lines))
        if (d := page.standing(i)) is not None and d.filter == "consent"
    ]


@pytest.mark.parametrize(
    "banner",
    [
        "We use cookies and similar technologies to personalise content and ads and to analyse "
        "our traffic. By clicking Accept all you agree that we and our partners store them.",
        "Wir verwenden Cookies, um Inhalte und Anzeigen zu personalisieren und die Zugriffe auf "
        "unsere Website zu analysieren. Außerdem geben wir Informationen an unsere Partner für "
        "Werbung und Analysen weiter.",
        "Diese Website verwendet Cookies. Wenn Sie die Website weiterhin nutzen, stimmen Sie der "
        "Verwendung von Cookies zu.",
        "Nous utilisons des cookies pour vous proposer des publicités personnalisées. En cliquant "
        "sur Accepter, vous acceptez leur dépôt par nos partenaires.",
        "Utilizamos cookies propias y de terceros para mostrarle publicidad personalizada. Si "
        "continúa navegando, acepta su uso.",
        "Questo sito utilizza cookie di terze parti per inviarti pubblicità personalizzata. "
        "Cliccando su Accetta acconsenti all'uso dei cookie.",
        "Deze website gebruikt cookies van derden voor gepersonaliseerde advertenties. Door op "
        "Accepteren te klikken geeft u toestemming.",
        "Używamy plików cookies w celach reklamowych i statystycznych. Klikając Akceptuję, "
        "wyrażasz zgodę na ich użycie przez naszych partnerów.",
    ],
)
def test_a_banner_paragraph_is_removed(banner: str) -> None:
    assert _removed(f"{PROSE}{PROSE}{banner}\n{PROSE}{PROSE}") == [2]


def test_a_banner_over_several_lines_is_removed() -> None:
    # "Your privacy", "We use cookies ..." and "Accept all" are the widget vocabulary's;
    # their signals count towards the run, the lines between are this filter's
    banner = (
        "Your privacy\n"
        "We use cookies to improve your experience on our website.\n"
        "Some of them are set by our partners to show personalised ads.\n"
        "You can change your choice at any time in the settings.\n"
        "Accept all\n"
    )
    assert _removed(f"{PROSE}{banner}{PROSE}") == [3, 4]


def test_an_embed_held_back_until_consent_is_removed() -> None:
    placeholder = (
        "Wir respektieren deine Privatsphäre und laden externe Inhalte erst mit deinem "
        "Einverständnis. Hier kannst du deine Einstellungen ändern.\n"
    )
    assert _removed(f"{PROSE}{placeholder}{PROSE}") == [1]


def test_a_recipe_for_cookies_keeps_its_text() -> None:
    recipe = (
        "Chocolate chip cookies\n"
        "We use brown butter in these cookies, and I think you will agree it makes them.\n"
        "Cream the butter and the sugar, then fold in the chips.\n"
        "Bake the cookies for twelve minutes and let them cool on the tray.\n"
    )
    assert _removed(recipe) == []


def test_a_story_on_the_gdpr_keeps_its_text() -> None:
    story = (
        "Regulators fined the company for its cookie banner on Monday.\n"
        "Under the GDPR, websites must ask for consent before they set cookies, and users must "
        "be able to reject tracking by third parties as easily as they accept it.\n"
        "The company said its partners had stopped personalised advertising in March.\n"
    )
    assert _removed(f"{PROSE}{story}{PROSE}") == []


def test_a_privacy_policy_keeps_its_text() -> None:
    # every paragraph reads like a banner's; the page is too long to be one
    sections = ["Analytics", "Advertising", "Social media", "Video embeds", "Newsletters"]
    policy = "Privacy policy\n" + "".join(
        f"{name}\n"
        f"We use cookies on our website for {name.lower()}, and we explain here which "
        "data they hold and how long we keep it.\n"
        f"Our partners for {name.lower()} may set cookies of their own when you accept "
        "them in the banner, and they process the data as third parties.\n"
        "You can withdraw your consent at any time in the privacy settings of our site, "
        "and we will then delete the cookies we set.\n"
        for name in sections
    )
    assert _removed(policy) == []


def test_signals_are_kinds_not_words() -> None:
    # three cookie words are one kind of signal
    assert signals("Cookies, cookies and more cookies.") == {"cookies"}
    # the longest word wins: "cookie policy" is the privacy policy, not the subject
    assert signals("By clicking Accept you agree to our cookie policy.") == {
        "choice",
        "privacy",
        "self",
    }


def test_the_banner_is_not_the_article_of_a_short_recipe() -> None:
    dump = (
        "Home\nRecipes\nBaking\n"
        "Cookie settings\n"
        "We value your privacy. We and our partners use cookies and similar technologies to "
        "store and access information on your device, to show personalised ads and content, "
        "to measure ads and content and to develop our products. By clicking Accept all you "
        "consent to this processing; you can withdraw your consent at any time in the "
        "privacy settings linked at the bottom of our website.\n"
        "Accept all\nReject all\n"
        "Lemon drizzle cake\n"
        "Beat the butter with the sugar until pale, then add the eggs one at a time and fold "
        "in the flour and the zest of two lemons.\n"
        "Bake for forty minutes, pour the lemon syrup over the warm cake and let it cool.\n"
    )
    article = clean(dump).article
    assert article is not None
    assert "personalised ads" not in article.text
    assert "lemon syrup" in article.text
