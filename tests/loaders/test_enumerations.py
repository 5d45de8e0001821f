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


def test_objectives_named_after_are_the_split_at_and_the_without_those_pointing_back():
    text = "Among the main objectives of the strategy are the protection of ports and the mitigation of their damage."
    assert _found(text) == [("StrategicObjective", "protection of ports")]


def test_objectives_of_doing_something_end_where_the_means_begin():
    text = ("Port policy must be guided by the objectives of securing harbour perimeters through the deployment "
            "of sensors in every harbour and by training port staff while respecting local rules.")
    assert _found(text) == [("StrategicObjective", "securing harbour perimeters")]
    short = "The objectives are: strengthening security through port checks; raising awareness."
    assert _found(short) == [("StrategicObjective", "strengthening security through port checks"),
                             ("StrategicObjective", "raising awareness")]


def test_an_objective_holding_a_known_name_of_another_class_is_still_new():
    from iskg.loaders.extract import Extractor
    from iskg.loaders.read import parse_text

    text = "Report\n\nAmong the main objectives of the plan are the prevention of cybercrime in small ports.\n"
    extractor = Extractor.default()
    extractor.learn([parse_text(text, "note.txt", "utf-8")])
    entity = extractor.entities["https://w3id.org/iskg/id/objective/prevention-of-cybercrime-in-small-ports"]
    assert (entity.cls, entity.discovered) == ("StrategicObjective", True)


def test_priorities_announced_by_a_colon_alone_are_listed():
    text = "This plan sets out three priorities for action in ports: a calmer harbour, tackling silt, and safer quays."
    assert _found(text) == [("StrategicObjective", "calmer harbour"), ("StrategicObjective", "tackling silt"),
                            ("StrategicObjective", "safer quays")]
    # an agency's aims are not the text's objectives
    assert _found("Europol, whose main aims are to collect and exchange information, grows.") == []
