"""Threats and objectives read from the texts' own lists of them."""

from iskg.loaders.enumerations import find_enumerated


def _found(text: str) -> list[tuple[str, str]]:
    return [(d.cls, d.long_form) for d in find_enumerated(text)]


def test_a_list_of_threats_stops_where_the_sentence_goes_on():
    text = ("The main threats facing Europe, such as maritime piracy, trafficking in arms and wildlife crime, "
            "adapt extremely quickly to changes in science and technology in their attempt to exploit us.")
    assert _found(text) == [("Threat", "maritime piracy"), ("Threat", "trafficking in arms"),
                            ("Threat", "wildlife crime")]


def test_a_list_of_objectives_after_a_colon_keeps_long_items_whole():
    text = "The three objectives are: the protection of public spaces; raising resilience of ports and airports."
    assert _found(text) == [("StrategicObjective", "protection of public spaces"),
                            ("StrategicObjective", "raising resilience of ports and airports")]


def test_including_inside_brackets_or_without_a_trigger_gives_nothing():
    assert _found("threats which use new technologies (including ICTs) in a globalised world, which grow") == []
    assert _found("Measures such as training, exchanges and joint patrols help.") == []
