"""One rule of the relation patterns per test, each on a small text written for it, with the exact
triples, quotes and modality expected (the names are given, as the extractor would find them)."""

from notes import named

from iskg.loaders.relations import Listed, Named, read_list_relations, read_relations


def _read(text: str, *pairs: tuple[str, str, str]) -> set[tuple[str, str, str, str, str]]:
    """(subject, predicate, object, quote, modality) of each relation read."""
    return {(r.subject, r.predicate, r.object, text[r.start:r.end], r.modality)
            for r in read_relations(text, named(text, *pairs))}


def test_actors_listed_after_cooperation_with_are_not_partners_of_each_other():
    text = "The action plan calls for closer cooperation with the OSCE and UNODC."
    assert _read(text, ("OSCE", "a:osce", "Actor"), ("UNODC", "a:unodc", "Actor")) == set()


def test_partners_listed_after_with_stay_apart_past_an_acronym_in_brackets():
    """What broke: the list was read back only from the acronym ('UNODC), the World Health
    Organization'), which no 'with' comes right before, so UNODC and WHO were made partners."""
    text = ("The Union will strengthen cooperation with the United Nations Office on Drugs and Crime (UNODC), "
            "the World Health Organization and the Pompidou Group.")
    assert _read(text, ("United Nations Office on Drugs and Crime", "a:unodc", "Actor"), ("UNODC", "a:unodc", "Actor"),
                 ("World Health Organization", "a:who", "Actor"), ("Pompidou Group", "a:pompidou", "Actor")) == set()


def test_an_actor_cooperates_with_each_partner_listed_after_with_but_they_not_with_each_other():
    text = "Europol cooperates with Eurojust and Frontex."
    assert _read(text, ("Europol", "a:europol", "Actor"), ("Eurojust", "a:eurojust", "Actor"),
                 ("Frontex", "a:frontex", "Actor")) == {
        ("a:eurojust", "cooperatesWith", "a:europol", "Europol cooperates with Eurojust", ""),
        ("a:europol", "cooperatesWith", "a:frontex", "Europol cooperates with Eurojust and Frontex", "")}


def test_agencies_in_apposition_after_together_with_do_not_cooperate_with_each_other():
    text = "National authorities, together with the competent bodies, notably Eurojust and CEPOL, should act."
    assert _read(text, ("Eurojust", "a:eurojust", "Actor"), ("CEPOL", "a:cepol", "Actor")) == set()


def test_bodies_that_bring_impetus_to_developing_an_instrument_support_it():
    text = "The Working Party on Terrorism (TWP), which brings a new impetus to developing the Security Partnership."
    assert _read(text, ("Working Party on Terrorism", "a:twp", "Actor"),
                 ("Security Partnership", "i:sp", "Instrument")) == {
        ("a:twp", "supports", "i:sp",
         "Working Party on Terrorism (TWP), which brings a new impetus to developing the Security Partnership", "")}


def test_such_as_lists_examples_of_the_name_right_before_it():
    text = "Information exchange, such as the Schengen Information System, is essential."
    assert _read(text, ("Information exchange", "g:ie", "StrategicGuideline"),
                 ("Schengen Information System", "i:sis", "Instrument")) == {
        ("i:sis", "serves", "g:ie", "Information exchange, such as the Schengen Information System", "")}


def test_such_as_after_a_name_that_holds_one_of_their_kind_lists_its_peers():
    text = ("ensuring coherence between the Internal Security Strategy and the other strategies related to security "
            "such as the EU Drugs Strategy.")
    names = ("ensuring coherence between the Internal Security Strategy and the other strategies", "g:coherence",
             "StrategicGuideline"), ("Internal Security Strategy", "i:iss", "Instrument"), \
        ("EU Drugs Strategy", "i:drugs", "Instrument")
    assert _read(text, *names) == set()


def test_such_as_past_another_name_belongs_to_that_name():
    text = "Operational cooperation with Interpol on instruments such as the Prüm Decision."
    found = _read(text, ("Operational cooperation", "g:oc", "StrategicGuideline"), ("Interpol", "a:interpol", "Actor"),
                  ("Prüm Decision", "i:prum", "Instrument"))
    assert not any(t[:3] == ("i:prum", "serves", "g:oc") for t in found)


def test_a_supporting_adjective_is_not_a_verb_of_the_name_before_it():
    text = "The EEAS, as well as the supporting Integrated Political Crisis Response arrangements, must act."
    assert _read(text, ("EEAS", "a:eeas", "Actor"),
                 ("Integrated Political Crisis Response", "i:ipcr", "Instrument")) == set()


def test_a_name_inside_a_listed_name_does_not_end_the_list():
    fd = ("Framework Decision of 18 December 2006 on simplifying the sharing of data and intelligence between "
          "the law enforcement authorities of the Member States")
    text = f"Improving the exchange of information by implementing the {fd} and the " \
        "Council Decision of 23 June 2008 on cross-border cooperation."
    found = _read(text, ("exchange of information", "g:ie", "StrategicGuideline"), (fd, "i:fd", "Instrument"),
                  ("Council Decision of 23 June 2008 on cross-border cooperation", "i:prum", "Instrument"),
                  ("Council", "a:council", "Actor"))
    assert {t[:3] for t in found} == {("i:fd", "serves", "g:ie"), ("i:prum", "serves", "g:ie")}
    assert ("i:prum", "serves", "g:ie",
            f"exchange of information by implementing the {fd} and the "
            "Council Decision of 23 June 2008 on cross-border cooperation", "") in found


def test_an_instrument_of_a_guideline_named_before_it_serves_that_guideline():
    text = "An applicable instrument of prevention should also be a European Passenger Name Record."
    assert _read(text, ("prevention", "g:prevention", "StrategicGuideline"),
                 ("European Passenger Name Record", "i:pnr", "Instrument")) == {
        ("i:pnr", "serves", "g:prevention", "prevention should also be a European Passenger Name Record", "should")}


def test_a_name_inside_a_parenthetical_clause_relates_to_nothing_past_it():
    text = "The role of COSI, as established by Article 71 TFEU, in ensuring that operational cooperation is promoted."
    found = _read(text, ("COSI", "a:cosi", "Actor"), ("TFEU", "i:tfeu", "Instrument"),
                  ("operational cooperation", "g:oc", "StrategicGuideline"))
    assert {t[:3] for t in found} == {("a:cosi", "serves", "g:oc")}


def test_a_communication_on_an_instrument_is_not_managing_it():
    text = "The Commission will adopt a Communication on the Internal Security Strategy."
    assert _read(text, ("Commission", "a:commission", "Actor"),
                 ("Internal Security Strategy", "i:iss", "Instrument")) == set()


def test_a_proposal_for_developing_an_instrument_supports_it():
    text = "The Council REQUESTS that the Commission table a proposal for the revision of the SIS Regulation."
    assert _read(text, ("Commission", "a:commission", "Actor"), ("SIS Regulation", "i:sis", "Instrument")) == {
        ("a:commission", "supports", "i:sis",
         "Commission table a proposal for the revision of the SIS Regulation", "requests")}


def _listed(*paragraphs: tuple[str, bool, tuple[tuple[str, str, str], ...]]) -> list[Listed]:
    return [Listed(text, item, named(text, *names)) for text, item, names in paragraphs]


def test_the_items_after_x_promoted_by_name_what_serves_x():
    paras = _listed(
        ("approximation through joint actions, promoted by", True,
         (("approximation through joint actions", "g:joint", "StrategicGuideline"),)),
        ("organising joint operations, including joint investigation teams;", True,
         (("joint operations", "i:jo", "Instrument"), ("joint investigation teams", "i:jit", "Instrument"))),
        ("approximation of legal frameworks, promoted by", True,
         (("approximation of legal frameworks", "g:legal", "StrategicGuideline"),)),
        ("establishing common definitions with Eurojust,", True, (("Eurojust", "a:eurojust", "Actor"),)),
        ("The Council adopts these conclusions with Europol.", False, (("Europol", "a:europol", "Actor"),)))
    found = {(at, r.subject, r.predicate, r.object, paras[at].text[r.start:r.end], r.modality)
             for at, r in read_list_relations(paras)}
    assert found == {
        (1, "i:jo", "serves", "g:joint", "organising joint operations", ""),
        (1, "i:jit", "serves", "g:joint", "organising joint operations, including joint investigation teams", ""),
        (3, "a:eurojust", "serves", "g:legal", "establishing common definitions with Eurojust", "")}


def test_the_agents_of_a_list_of_milestones_serve_each_objective_an_item_opens_with():
    paras = _listed(
        ("The Council UNDERLINES that these targets should be reached by joint efforts of Parliament, "
         "Commission and Member States by 2030:", False,
         (("Parliament", "a:ep", "Actor"), ("Commission", "a:commission", "Actor"))),
        ("Every officer has access to the information he needs.", True,
         (("Every officer has access to the information he needs", "o:access", "StrategicObjective"),)),
        ("A modern acquis on police cooperation is established.", True,
         (("modern acquis on police cooperation", "o:acquis", "StrategicObjective"),
          ("police cooperation", "g:police", "StrategicGuideline"))),
        ("Law enforcement uses the Schengen Information System alerts.", True,
         (("Schengen Information System alerts", "i:sis", "Instrument"),)),
        ("ACKNOWLEDGES that training is needed.", False, (("training", "o:training", "StrategicObjective"),)))
    found = {(at, r.subject, r.object, paras[at].text[r.start:r.end], r.modality, r.addressee)
             for at, r in read_list_relations(paras)}
    access = "Every officer has access to the information he needs"
    assert found == {
        (1, "a:ep", "o:access", access, "should", "a:ep"),
        (1, "a:commission", "o:access", access, "should", "a:commission"),
        (2, "a:ep", "o:acquis", "modern acquis on police cooperation", "should", "a:ep"),
        (2, "a:commission", "o:acquis", "modern acquis on police cooperation", "should", "a:commission")}


def test_a_cue_in_title_case_is_a_word_of_a_name_not_a_verb():
    text = "Coherence with the Cyber Security Strategy and the EU Strategy for Combating Terrorism is needed."
    assert _read(text, ("Cyber Security Strategy", "i:cyber", "Instrument"), ("Terrorism", "t:terrorism", "Threat")) \
        == set()


def test_partners_listed_after_with_stay_apart_when_one_of_them_is_not_known_as_a_name():
    text = "Member States, together with the responsible agencies, foremost eu-LISA, Europol and Frontex, must act."
    assert _read(text, ("Europol", "a:europol", "Actor"), ("Frontex", "a:frontex", "Actor")) == set()


def test_the_author_of_an_act_named_before_it_takes_part_in_no_relation():
    text = "Improving information exchange by implementing the Council Decision of 23 June 2008."
    assert _read(text, ("information exchange", "g:ie", "StrategicGuideline"), ("Council", "a:council", "Actor")) \
        == set()


def test_implementing_an_instrument_as_the_task_of_a_body_is_managed_by_it():
    text = "Further developing and implementing the Internal Security Strategy must become a priority task of COSI."
    assert _read(text, ("Internal Security Strategy", "i:iss", "Instrument"), ("COSI", "a:cosi", "Actor")) == {
        ("a:cosi", "manages", "i:iss", "Internal Security Strategy must become a priority task of COSI", "must")}


def test_a_name_that_names_the_kind_of_some_authorities_takes_part_in_no_relation():
    text = "COSI ensures effective coordination between law-enforcement and border-management authorities."
    assert _read(text, ("COSI", "a:cosi", "Actor"), ("border-management", "g:ibm", "StrategicGuideline")) == set()


def test_an_actor_that_ensures_a_principle_supports_it_and_one_that_ensures_a_guideline_serves_it():
    text = "The European Data Protection Supervisor shall safeguard the protection of personal data in all systems."
    assert _read(text, ("European Data Protection Supervisor", "a:edps", "Actor"),
                 ("protection of personal data", "p:data", "Principle")) == {
        ("a:edps", "supports", "p:data",
         "European Data Protection Supervisor shall safeguard the protection of personal data", "shall")}
    text = "Frontex should ensure integrated border management."
    assert _read(text, ("Frontex", "a:frontex", "Actor"),
                 ("integrated border management", "g:ibm", "StrategicGuideline")) == {
        ("a:frontex", "serves", "g:ibm", "Frontex should ensure integrated border management", "should")}


def test_a_possessive_name_takes_the_cue_of_the_phrase_it_owns_only():
    text = "Cooperation on the EU policy cycle's priorities as well as cooperation on addressing radicalisation."
    assert _read(text, ("EU policy cycle's", "i:cycle", "Instrument"), ("radicalisation", "t:rad", "Threat")) == set()
    text = "Europol's plan to develop an analysis platform is welcome."
    assert _read(text, ("Europol's", "a:europol", "Actor"), ("analysis platform", "i:platform", "Instrument")) == {
        ("a:europol", "manages", "i:platform", "Europol's plan to develop an analysis platform", "")}


def test_a_possessive_name_does_not_take_a_cue_past_a_second_verb_phrase():
    text = ("The Council WELCOMES the Commission's intention to develop a new EU Strategy on trafficking and drugs "
            "and to revise the current action plan on migrant smuggling.")
    found = _read(text, ("Commission's", "a:commission", "Actor"),
                  ("new EU Strategy on trafficking and drugs", "i:strategy", "Instrument"),
                  ("current action plan on migrant smuggling", "i:plan", "Instrument"))
    assert {t[:3] for t in found} == {("a:commission", "manages", "i:strategy")}


def test_a_name_framing_a_participle_is_no_subject_but_a_passive_agent_is():
    text = "The capacities developed under the previous ISS to continue enhancing resilience to disasters."
    assert _read(text, ("ISS", "i:iss", "Instrument"), ("resilience to disasters", "o:res", "StrategicObjective")) \
        == set()
    text = "The role played by Europol in supporting information exchange."
    assert {t[:3] for t in _read(text, ("Europol", "a:europol", "Actor"),
                                 ("information exchange", "g:ie", "StrategicGuideline"))} == {
        ("a:europol", "supports", "g:ie")}


def test_a_phrase_coordinated_after_a_name_takes_the_cue_itself():
    text = "This requires partners such as Interpol and a renewed focus on countering radicalisation."
    assert _read(text, ("Interpol", "a:interpol", "Actor"), ("radicalisation", "t:rad", "Threat")) == set()


def test_a_relative_clause_on_another_noun_speaks_of_that_noun():
    text = "The Internal Security Strategy should contribute to a Union that fully respects fundamental rights."
    assert _read(text, ("Internal Security Strategy", "i:iss", "Instrument"),
                 ("fundamental rights", "p:rights", "Principle")) == set()


def _read_classed(text: str, *names: tuple[str, str, str, str]) -> set[tuple[str, str, str, str, str]]:
    found = []
    for quote, iri, top, cls in names:
        start = text.index(quote)
        found.append(Named(iri, top, start, start + len(quote), cls))
    return {(r.subject, r.predicate, r.object, text[r.start:r.end], r.modality) for r in read_relations(text, found)}


def test_an_actor_printed_before_a_mechanism_operates_it_and_says_nothing_else():
    text = "The deployment of the Frontex Standing Corps is crucial for further development of police cooperation."
    assert _read_classed(text, ("Frontex", "a:frontex", "Actor", "Agency"),
                         ("Standing Corps", "i:corps", "Instrument", "OperationalMechanism"),
                         ("police cooperation", "g:police", "StrategicGuideline", "StrategicGuideline")) == {
        ("a:frontex", "operates", "i:corps", "Frontex Standing Corps", "")}


def test_an_actor_before_a_report_or_a_possessive_before_a_strategy_is_no_compound():
    text = "The Europol TE-SAT and the Commission's Security Union Strategy were published."
    assert _read_classed(text, ("Europol", "a:europol", "Actor", "Agency"),
                         ("TE-SAT", "i:tesat", "Instrument", "AnalyticalProduct"),
                         ("Commission's", "a:commission", "Actor", "EUInstitution"),
                         ("Security Union Strategy", "i:sus", "Instrument", "PolicyProgramme")) == set()


def test_the_items_after_x_will_be_pursued_through_serve_x_and_a_farther_name_is_no_goal():
    paras = _listed(
        ("Operational cooperation will be pursued through:", False,
         (("Operational cooperation", "g:oc", "StrategicGuideline"),)),
        ("making full use of the Schengen Information System;", True,
         (("Schengen Information System", "i:sis", "Instrument"),)),
        ("Operational cooperation matters to all Member States, who have promoted by:", False,
         (("Operational cooperation", "g:oc", "StrategicGuideline"),)),
        ("the European Arrest Warrant;", True, (("European Arrest Warrant", "i:eaw", "Instrument"),)),
        ("Integrated border management through:", False,
         (("Integrated border management", "g:ibm", "StrategicGuideline"),)),
        ("the European Border Surveillance System.", True, (("European Border Surveillance System", "i:eurosur",
                                                           "Instrument"),)))
    assert {(at, r.subject, r.object) for at, r in read_list_relations(paras)} == {(1, "i:sis", "g:oc"),
                                                                                  (5, "i:eurosur", "g:ibm")}


def test_the_text_where_a_thing_is_laid_down_is_no_subject_of_what_follows():
    text = "The principle as laid down in the Hague Programme, the improvement of tools for sharing information."
    assert _read(text, ("Hague Programme", "i:hague", "Instrument"),
                 ("sharing information", "g:ie", "StrategicGuideline")) == set()


def test_a_compound_is_read_whatever_order_the_names_are_given_in():
    text = "The deployment of the Frontex Standing Corps is crucial for further development of police cooperation."
    names = (("police cooperation", "g:police", "StrategicGuideline", "StrategicGuideline"),
             ("Standing Corps", "i:corps", "Instrument", "OperationalMechanism"),
             ("Frontex", "a:frontex", "Actor", "Agency"))
    assert _read_classed(text, *names) == _read_classed(text, *reversed(names)) == {
        ("a:frontex", "operates", "i:corps", "Frontex Standing Corps", "")}


def test_a_later_sentence_pointing_back_at_the_guideline_of_the_first_relates_to_it():
    text = ("Improving harbour patrols across the Union. Portpol should play a key role in supporting "
            "the Member States in this regard. A Harbour Register is one of the tools in this field.")
    assert _read(text, ("harbour patrols", "g:patrols", "StrategicGuideline"), ("Portpol", "a:portpol", "Actor"),
                 ("Harbour Register", "i:register", "Instrument")) == {
        ("a:portpol", "supports", "g:patrols",
         "Portpol should play a key role in supporting the Member States in this regard", "should"),
        ("i:register", "serves", "g:patrols", "Harbour Register is one of the tools in this field", "")}


def test_pointing_words_in_the_first_sentence_or_without_a_guideline_before_them_relate_nothing():
    assert _read("Portpol plays a key role in this regard.", ("Portpol", "a:portpol", "Actor")) == set()
    text = "Harbour crime grows. Portpol should play a key role in this regard."
    assert _read(text, ("Harbour crime", "t:crime", "Threat"), ("Portpol", "a:portpol", "Actor")) == set()


def test_actors_named_with_the_support_of_support_what_the_clause_works_on_and_the_doer_does_it():
    """What broke: 'INVITES COSI to develop, with the support of the Commission and Europol, the MASPs'
    gave COSI supports the MASPs, and nothing for the Commission or Europol."""
    text = "The Council INVITES COSI to develop, with the support of the Commission and Europol, the Harbour Plans."
    assert _read(text, ("COSI", "a:cosi", "Actor"), ("Commission", "a:commission", "Actor"),
                 ("Europol", "a:europol", "Actor"), ("Harbour Plans", "i:plans", "Instrument")) == {
        ("a:cosi", "manages", "i:plans",
         "COSI to develop, with the support of the Commission and Europol, the Harbour Plans", "invites"),
        ("a:commission", "supports", "i:plans", "Commission and Europol, the Harbour Plans", "invites"),
        ("a:europol", "supports", "i:plans", "Europol, the Harbour Plans", "invites")}


def test_actors_named_with_the_support_of_support_the_instruments_listed_just_before():
    text = "Authorities use quay teams and dock patrols, with the assistance of Europol, to stop smuggling."
    assert _read(text, ("quay teams", "i:teams", "Instrument"), ("dock patrols", "i:patrols", "Instrument"),
                 ("Europol", "a:europol", "Actor")) == {
        ("a:europol", "supports", "i:teams", "quay teams and dock patrols, with the assistance of Europol", ""),
        ("a:europol", "supports", "i:patrols", "dock patrols, with the assistance of Europol", "")}


def test_actors_that_contribute_to_developing_an_instrument_support_it_rather_than_manage_it():
    """What broke: 'INVITES Eurojust and CEPOL to contribute, within their respective mandates, to the
    development of the MASPs' gave Eurojust and CEPOL manage the MASPs."""
    text = "It INVITES Eurojust and CEPOL to contribute, within their mandates, to the development of the Quay Plan."
    assert _read(text, ("Eurojust", "a:eurojust", "Actor"), ("CEPOL", "a:cepol", "Actor"),
                 ("Quay Plan", "i:plan", "Instrument")) == {
        ("a:eurojust", "supports", "i:plan",
         "Eurojust and CEPOL to contribute, within their mandates, to the development of the Quay Plan", "invites"),
        ("a:cepol", "supports", "i:plan",
         "CEPOL to contribute, within their mandates, to the development of the Quay Plan", "invites")}


def test_actors_named_with_the_support_of_support_the_last_instrument_of_the_clause_before():
    text = "Ports should use quay teams and dock patrols set up at short notice, with the support of Europol."
    assert _read(text, ("quay teams", "i:teams", "Instrument"), ("dock patrols", "i:patrols", "Instrument"),
                 ("Europol", "a:europol", "Actor")) == {
        ("a:europol", "supports", "i:teams",
         "quay teams and dock patrols set up at short notice, with the support of Europol", "should"),
        ("a:europol", "supports", "i:patrols", "dock patrols set up at short notice, with the support of Europol",
         "should")}


def test_an_actor_s_possessive_before_its_system_operates_it():
    """What broke: "the systematic use of Europol's SIENA" stated nothing: a possessive was no compound."""
    text = "Ports make systematic use of Europol's Dock Exchange Network."
    assert _read_classed(text, ("Europol", "a:europol", "Actor", "Agency"),
                         ("Dock Exchange Network", "i:den", "Instrument", "InformationSystem")) == {
        ("a:europol", "operates", "i:den", "Europol's Dock Exchange Network", "")}


def test_an_agency_s_possessive_read_with_its_name_before_its_report_operates_it():
    """What broke: "Europol’s annual EU Terrorism Situation and Trend Report" stated nothing: the matcher reads
    the possessive as part of the owner's name, an adjective stood between, and reports were no one's."""
    text = "Europol’s annual Harbour Situation Report will contribute to the assessment of trends."
    assert _read_classed(text, ("Europol’s", "a:europol", "Actor", "Agency"),
                         ("Harbour Situation Report", "i:hsr", "Instrument", "AnalyticalProduct")) == {
        ("a:europol", "operates", "i:hsr", "Europol’s annual Harbour Situation Report", "")}


def test_an_agency_that_prepares_an_analytical_product_operates_it_and_an_institution_manages_its_plan():
    """What broke: "the Harbour Threat Assessment 2017 prepared by Europol" gave Europol manages it; the
    predicates define operates as running an analytical product."""
    text = ("The Harbour Threat Assessment 2017 prepared by Europol and the Quay Action Plan prepared by the "
            "Commission were discussed.")
    assert _read_classed(text, ("Harbour Threat Assessment", "i:hta", "Instrument", "AnalyticalProduct"),
                         ("Europol", "a:europol", "Actor", "Agency"),
                         ("Quay Action Plan", "i:qap", "Instrument", "PolicyProgramme"),
                         ("Commission", "a:commission", "Actor", "EUInstitution")) == {
        ("a:europol", "operates", "i:hta", "Harbour Threat Assessment 2017 prepared by Europol", ""),
        ("a:commission", "manages", "i:qap", "Quay Action Plan prepared by the Commission", "")}


def test_an_analytical_product_of_an_agency_is_operated_by_it_but_not_one_of_an_institution():
    """What broke: "the European Drug Report 2017 of the EMCDDA" stated nothing: only a possessive before
    the product named its owner."""
    text = "The Harbour Report 2017 of the EMCDDA and the Quay Report of the Commission show new trends."
    assert _read_classed(text, ("Harbour Report", "i:hr", "Instrument", "AnalyticalProduct"),
                         ("EMCDDA", "a:emcdda", "Actor", "Agency"),
                         ("Quay Report", "i:qr", "Instrument", "AnalyticalProduct"),
                         ("Commission", "a:commission", "Actor", "EUInstitution")) == {
        ("a:emcdda", "operates", "i:hr", "Harbour Report 2017 of the EMCDDA", "")}


def test_an_owner_s_possessive_read_as_the_start_of_its_system_s_name_operates_it():
    """What broke: "Europol’s Secure Information Exchange Network Application (SIENA)" stated nothing: the
    vocabulary knows the name with its owner's possessive, so the owner was a name inside it."""
    text = "Member States should make use of Europol’s Dock Exchange Network."
    assert _read_classed(text, ("Europol’s Dock Exchange Network", "i:den", "Instrument", "InformationSystem"),
                         ("Europol’s", "a:europol", "Actor", "Agency")) == {
        ("a:europol", "operates", "i:den", "Europol’s Dock Exchange Network", "")}


def test_an_institution_s_report_is_a_text_it_issues_not_one_it_operates():
    text = "The Commission's final implementation report of the Harbour Strategy was discussed."
    assert _read_classed(text, ("Commission's", "a:commission", "Actor", "EUInstitution"),
                         ("implementation report", "i:report", "Instrument", "AnalyticalProduct")) == set()


def test_a_council_body_that_ensures_or_promotes_a_guideline_coordinates_it():
    """What broke: 'COSI … shall promote operational cooperation' and 'the central role of COSI in ensuring that
    operational cooperation is promoted' gave COSI serves operational cooperation; an agency still serves."""
    text = "The Harbour Committee shall promote quay cooperation, and Europol shall promote quay cooperation."
    assert _read_classed(text, ("Harbour Committee", "a:hc", "Actor", "CouncilBody"),
                         ("quay cooperation", "g:quay", "StrategicGuideline", "StrategicGuideline"),
                         ("Europol", "a:europol", "Actor", "Agency")) == {
        ("a:hc", "coordinates", "g:quay", "Harbour Committee shall promote quay cooperation", "shall")}


def test_no_relation_is_read_across_a_clause_with_a_subject_of_its_own():
    """What broke: 'Frontex should carry out risk analyses, and border guards should make full use of the
    Schengen Information System' gave Frontex operates the SIS."""
    text = "Frontex should carry out risk analyses, and border guards should make full use of the Dock System."
    assert _read(text, ("Frontex", "a:frontex", "Actor"), ("Dock System", "i:dock", "Instrument")) == set()
    text = "Frontex should carry out risk analyses and make full use of the Dock System."
    assert _read(text, ("Frontex", "a:frontex", "Actor"), ("Dock System", "i:dock", "Instrument")) == {
        ("a:frontex", "operates", "i:dock",
         "Frontex should carry out risk analyses and make full use of the Dock System", "should")}


def test_council_conclusions_of_a_date_on_developing_a_strategy_are_a_text_about_it():
    """What broke: 'the Council conclusions of 4 December 2014 on the development of a renewed Strategy' gave
    the Council manages the Strategy."""
    text = "RECALLING the Council conclusions of 4 December 2014 on the development of the Harbour Strategy,"
    assert _read(text, ("Council", "a:council", "Actor"), ("Harbour Strategy", "i:hs", "Instrument")) == set()


def test_actors_of_a_support_frame_are_not_the_doers_of_what_follows():
    """What broke: 'INVITES COSI to develop, with the support of the Commission, the MASPs …, to coordinate
    the OAPs' gave the Commission coordinates the OAPs."""
    text = ("It INVITES COSI to develop, with the support of the Commission, the Harbour Plans, "
            "and to coordinate the Dock Teams.")
    found = _read(text, ("COSI", "a:cosi", "Actor"), ("Commission", "a:commission", "Actor"),
                  ("Harbour Plans", "i:plans", "Instrument"), ("Dock Teams", "i:teams", "Instrument"))
    assert {(s, p, o) for s, p, o, _, _ in found} == {
        ("a:cosi", "manages", "i:plans"), ("a:commission", "supports", "i:plans"), ("a:cosi", "coordinates", "i:teams")}


def test_an_instrument_prepared_or_produced_by_an_actor_is_managed_by_it():
    """What broke: 'the SOCTA 2017 prepared by Europol' and 'the Drug Markets Report produced jointly by the
    EMCDDA and Europol' stated nothing."""
    text = "It relies on the Harbour Assessment 2017 prepared by Europol and on the Quay Report produced by Frontex."
    assert _read(text, ("Harbour Assessment", "i:ha", "Instrument"), ("Europol", "a:europol", "Actor"),
                 ("Quay Report", "i:qr", "Instrument"), ("Frontex", "a:frontex", "Actor")) == {
        ("a:europol", "manages", "i:ha", "Harbour Assessment 2017 prepared by Europol", ""),
        ("a:frontex", "manages", "i:qr", "Quay Report produced by Frontex", "")}
    text = ("RECALLING the Harbour Strategy, adopted by the Council in 2012, and the Quay Plan carried out "
            "in 2016 by Frontex.")
    assert _read(text, ("Harbour Strategy", "i:hs", "Instrument"), ("Council", "a:council", "Actor"),
                 ("Quay Plan", "i:qp", "Instrument"), ("Frontex", "a:frontex", "Actor")) == {
        ("a:council", "manages", "i:hs", "Harbour Strategy, adopted by the Council", ""),
        ("a:frontex", "manages", "i:qp", "Quay Plan carried out in 2016 by Frontex", "")}
    # only right after the instrument: not across another name ('A prepared by X and B produced by Y')
    text = "It relies on the Harbour Assessment and on what was later produced by Frontex."
    assert _read(text, ("Harbour Assessment", "i:ha", "Instrument"), ("Frontex", "a:frontex", "Actor")) == set()


def test_actors_listed_before_to_further_strengthen_their_cooperation_cooperate():
    """What broke: 'ENCOURAGES the EMCDDA, Europol and Eurojust to further strengthen their cooperation' gave
    nothing: the cue stood more than 30 characters after the last of them."""
    text = "It ENCOURAGES Europol, Eurojust and Frontex to further strengthen their cooperation."
    found = _read(text, ("Europol", "a:europol", "Actor"), ("Eurojust", "a:eurojust", "Actor"),
                  ("Frontex", "a:frontex", "Actor"))
    assert {(s, p, o) for s, p, o, _, _ in found} == {
        ("a:eurojust", "cooperatesWith", "a:europol"), ("a:europol", "cooperatesWith", "a:frontex"),
        ("a:eurojust", "cooperatesWith", "a:frontex")}


def test_an_addressee_is_the_subject_of_each_infinitive_it_is_asked_to_do_up_to_the_next():
    """What broke: 'INVITES COSI to develop …, the MASPs …, to coordinate and monitor the implementation of the
    OAPs and to report to the Council' related COSI to the MASPs only; the OAPs were past the first task."""
    text = ("The Council INVITES the Harbour Committee to develop, with care, the Quay Plan for each port of the "
            "northern and southern coastal regions and of the inland waterways by the end of the year, to "
            "coordinate and monitor the implementation of the Dock Scheme and to report to the Council.")
    assert _read_classed(text, ("Harbour Committee", "a:hc", "Actor", "CouncilBody"),
                         ("Quay Plan", "i:qp", "Instrument", "PolicyProgramme"),
                         ("Dock Scheme", "i:ds", "Instrument", "OperationalMechanism"),
                         ("Council", "a:council", "Actor", "EUInstitution")) == {
        ("a:hc", "manages", "i:qp", "Harbour Committee to develop, with care, the Quay Plan", "invites"),
        ("a:hc", "coordinates", "i:ds", text[text.index("Harbour"):text.index(" and to report")], "invites")}


def test_an_infinitive_after_a_comma_alone_is_a_purpose_not_a_further_task_of_the_addressee():
    """Only a chain closed by 'and to …' carries the addressee on; the names lie too far apart for any other rule."""
    far = ("in close consultation with the port authorities of the coastal regions, the inland waterway operators "
           "and the shipping industry")
    names = (("Harbour Committee", "a:hc", "Actor", "CouncilBody"),
             ("Dock Scheme", "i:ds", "Instrument", "OperationalMechanism"))
    opening = f"The Council INVITES the Harbour Committee to finalise its rules {far},"
    purpose, chained = f"{opening} to coordinate the Dock Scheme.", f"{opening} and to coordinate the Dock Scheme."
    assert _read_classed(purpose, *names) == set()
    assert {r[:3] for r in _read_classed(chained, *names)} == {("a:hc", "coordinates", "i:ds")}


def test_an_actor_governed_by_a_preposition_a_clause_before_a_cooperation_cue_is_no_partner():
    """What broke: 'speak with one voice, in particular in the CND, and strengthen cooperation with UNODC' made
    the CND a partner of UNODC; 'joint action by Parliament, Commission …' keeps its agents."""
    text = "Ports speak with one voice in the Quay Council, and strengthen cooperation with the Dock Office."
    names = (("Quay Council", "a:qc", "Actor"), ("Dock Office", "a:do", "Actor"))
    assert _read(text, *names) == set()
    joint = "These aims are achieved by joint action by the Quay Council, the Dock Office and the ports."
    assert {r[:3] for r in _read(joint, *names)} == {("a:do", "cooperatesWith", "a:qc")}


def test_a_body_chaired_by_an_actor_is_coordinated_by_it():
    chairmanship = "The Quay Network meets twice a year under the chairmanship of the Harbour Coordinator."
    chaired = "The Dock Board, chaired by the Port Office, meets monthly."
    assert {r[:3] for r in _read(chairmanship, ("Quay Network", "a:qn", "Actor"),
                                 ("Harbour Coordinator", "a:hc", "Actor"))} == {("a:hc", "coordinates", "a:qn")}
    assert {r[:3] for r in _read(chaired, ("Dock Board", "a:db", "Actor"),
                                 ("Port Office", "a:po", "Actor"))} == {("a:po", "coordinates", "a:db")}


def test_a_threat_among_the_priorities_of_an_instrument_is_addressed_by_it():
    """What broke: "drug trafficking among the crime priorities of the EU Policy Cycle" stated nothing: only
    'requires' read a threat before the instrument that addresses it."""
    text = "Piracy is one of the priorities of the Harbour Cycle, and smuggling among the crime priorities of it."
    assert _read(text, ("Piracy", "t:piracy", "Threat"), ("Harbour Cycle", "i:hc", "Instrument")) == {
        ("i:hc", "addresses", "t:piracy", "Piracy is one of the priorities of the Harbour Cycle", "")}
    text = "Piracy will be a priority in the dialogues, including the Harbour Process."
    assert _read(text, ("Piracy", "t:piracy", "Threat"), ("Harbour Process", "i:hp", "Instrument")) == {
        ("i:hp", "addresses", "t:piracy", "Piracy will be a priority in the dialogues, including the Harbour Process",
         "")}


def test_actors_detailing_a_group_of_bodies_cooperate_with_those_listed_before_it_but_not_past_a_council_verb():
    """What broke: "CALLS ON the Commission and the EU agencies, in particular Europol and Eurojust, to
    cooperate closely …, and INVITES the incoming Presidencies …" left the Commission out and drew the
    Presidencies in."""
    text = ("CALLS ON the Commission and the EU agencies, in particular Europol and Eurojust, to cooperate closely "
            "in the harbour actions, and INVITES the Presidency to take these conclusions into account.")
    assert {(s, p, o) for s, p, o, _, _ in _read(
        text, ("Commission", "a:commission", "Actor"), ("Europol", "a:europol", "Actor"),
        ("Eurojust", "a:eurojust", "Actor"), ("Presidency", "a:presidency", "Actor"))} == {
        ("a:commission", "cooperatesWith", "a:europol"), ("a:commission", "cooperatesWith", "a:eurojust"),
        ("a:eurojust", "cooperatesWith", "a:europol")}


def test_names_inside_one_name_are_not_related_by_its_words():
    """What broke: "the UN Protocol against the Smuggling of Migrants" gave the UN addresses migrant
    smuggling: two names inside one name were read as a sentence."""
    text = "Member States should ratify the UN Protocol against the Smuggling of Migrants."
    assert _read(text, ("UN Protocol against the Smuggling of Migrants", "i:protocol", "Instrument"),
                 ("UN", "a:un", "Actor"), ("Smuggling of Migrants", "t:smuggling", "Threat")) == set()


def test_partners_after_cooperation_with_are_those_listed_right_after_it():
    """What broke: "The Commission will monitor the plan, in close cooperation with the EEAS, and will report to
    the Council" made the Council a partner of the Commission."""
    text = "The Commission will monitor the plan, in close cooperation with the EEAS, and will report to the Council."
    assert {(s, p, o) for s, p, o, _, _ in _read(
        text, ("Commission", "a:commission", "Actor"), ("EEAS", "a:eeas", "Actor"),
        ("Council", "a:council", "Actor"))} == {("a:commission", "cooperatesWith", "a:eeas")}
    text = "Europol and Eurojust must cooperate closely with each other and with Frontex."
    assert {(s, p, o) for s, p, o, _, _ in _read(
        text, ("Europol", "a:europol", "Actor"), ("Eurojust", "a:eurojust", "Actor"),
        ("Frontex", "a:frontex", "Actor"))} == {
        ("a:eurojust", "cooperatesWith", "a:europol"), ("a:europol", "cooperatesWith", "a:frontex"),
        ("a:eurojust", "cooperatesWith", "a:frontex")}


def test_a_cue_in_the_complement_of_a_closer_name_is_that_name_s():
    """What broke: "Directive A on attacks against harbours and Directive B on combating piracy" gave
    Directive A addresses piracy."""
    text = "It adopted the Harbour Directive on quay safety and the Dock Directive on combating piracy."
    assert _read(text, ("Harbour Directive", "i:hd", "Instrument"), ("Dock Directive", "i:dd", "Instrument"),
                 ("piracy", "t:piracy", "Threat")) == {
        ("i:dd", "addresses", "t:piracy", "Dock Directive on combating piracy", "")}


def test_only_producing_an_analytical_product_operates_it_also_when_it_is_listed_second():
    """What broke (review): the predicate of a listed second object was copied from the first unchanged,
    and reviewing a product was read as producing it."""
    text = "Europol prepares the Quay Action Plan and the Harbour Threat Assessment."
    assert {(s, p, o) for s, p, o, _, _ in _read_classed(
        text, ("Europol", "a:europol", "Actor", "Agency"),
        ("Quay Action Plan", "i:qap", "Instrument", "PolicyProgramme"),
        ("Harbour Threat Assessment", "i:hta", "Instrument", "AnalyticalProduct"))} == {
        ("a:europol", "manages", "i:qap"), ("a:europol", "operates", "i:hta")}
    text = "Frontex will review the Harbour Threat Assessment."
    assert {(s, p, o) for s, p, o, _, _ in _read_classed(
        text, ("Frontex", "a:frontex", "Actor", "Agency"),
        ("Harbour Threat Assessment", "i:hta", "Instrument", "AnalyticalProduct"))} == {
        ("a:frontex", "manages", "i:hta")}


def test_a_priority_is_read_only_as_the_whole_of_the_words_after_the_threat():
    """What broke (review): 'not one of the priorities', or a priority said of another subject, still gave
    the instrument addresses the threat."""
    for text in ("Piracy is not one of the priorities of the Harbour Strategy.",
                 "Piracy threatens ports, and border security is a priority of the Harbour Strategy."):
        assert _read(text, ("Piracy", "t:piracy", "Threat"), ("Harbour Strategy", "i:hs", "Instrument")) == set()
    text = "It welcomes the inclusion of piracy among the crime priorities of the Harbour Cycle."
    assert _read(text, ("piracy", "t:piracy", "Threat"), ("Harbour Cycle", "i:hc", "Instrument")) == {
        ("i:hc", "addresses", "t:piracy", "piracy among the crime priorities of the Harbour Cycle", "")}


def test_a_closer_instrument_s_complement_takes_the_cue_only_when_it_is_the_cue():
    """What broke (review): any 'on'/'against' after the closer instrument took a cue both names share."""
    text = "The Harbour Strategy and the Dock Plan against fraud address piracy."
    found = {(s, p, o) for s, p, o, _, _ in _read(
        text, ("Harbour Strategy", "i:hs", "Instrument"), ("Dock Plan", "i:dp", "Instrument"),
        ("fraud", "t:fraud", "Threat"), ("piracy", "t:piracy", "Threat"))}
    assert ("i:hs", "addresses", "t:piracy") in found and ("i:hs", "addresses", "t:fraud") not in found


def test_partners_in_a_later_with_phrase_and_an_agency_s_own_verb_keep_the_cooperation():
    """What broke (review): 'with B on X and with C' lost C, and 'Europol agrees to cooperate with Eurojust'
    was read as the Council's verb parting them."""
    text = "Europol cooperates with Eurojust on the SIS and with Frontex."
    assert {(s, p, o) for s, p, o, _, _ in _read(
        text, ("Europol", "a:europol", "Actor"), ("Eurojust", "a:eurojust", "Actor"), ("SIS", "i:sis", "Instrument"),
        ("Frontex", "a:frontex", "Actor"))} == {
        ("a:eurojust", "cooperatesWith", "a:europol"), ("a:europol", "cooperatesWith", "a:frontex")}
    text = "Europol agrees to cooperate with Eurojust."
    assert {(s, p, o) for s, p, o, _, _ in _read(
        text, ("Europol", "a:europol", "Actor"), ("Eurojust", "a:eurojust", "Actor"))} == {
        ("a:eurojust", "cooperatesWith", "a:europol")}


def test_a_cue_printed_before_a_name_wins_over_one_that_opens_the_name():
    """What broke: "Eurojust should support the coordination of investigations" gave Eurojust coordinates it:
    the word that opens the guideline's name was read as the verb."""
    text = "Eurojust should continue to support the coordination of harbour investigations."
    assert _read(text, ("Eurojust", "a:eurojust", "Actor"),
                 ("coordination of harbour investigations", "g:coord", "StrategicGuideline")) == {
        ("a:eurojust", "supports", "g:coord",
         "Eurojust should continue to support the coordination of harbour investigations", "should")}
    text = "The role of Eurojust in strengthening quay cooperation and in the coordination of harbour investigations."
    assert ("a:eurojust", "coordinates", "g:coord") in {(s, p, o) for s, p, o, _, _ in _read(
        text, ("Eurojust", "a:eurojust", "Actor"), ("quay cooperation", "g:quay", "StrategicGuideline"),
        ("coordination of harbour investigations", "g:coord", "StrategicGuideline"))}


def test_bodies_a_report_is_presented_to_do_not_manage_what_it_reports_on():
    text = ("The Commission will present an annual report to the European Parliament and the Council "
            "on progress in implementing the Internal Security Strategy.")
    assert _read(text, ("Commission", "a:com", "Actor"), ("European Parliament", "a:ep", "Actor"),
                 ("Council", "a:council", "Actor"), ("Internal Security Strategy", "i:iss", "Instrument")) == {
        ("a:com", "manages", "i:iss", text[4:-1], "")}


def test_a_body_kept_informed_of_an_implementation_does_not_manage_it():
    text = "The European Parliament should be kept informed of the implementation of the Drugs Strategy."
    assert _read(text, ("European Parliament", "a:ep", "Actor"), ("Drugs Strategy", "i:ds", "Instrument")) == set()


def test_a_body_that_investigates_or_prosecutes_a_crime_addresses_it():
    text = "The Prosecutor's Office will investigate and prosecute fraud against the Union's budget."
    assert _read(text, ("Prosecutor's Office", "a:po", "Actor"), ("fraud", "t:fraud", "Threat")) == {
        ("a:po", "addresses", "t:fraud", "Prosecutor's Office will investigate and prosecute fraud", "")}


def test_a_system_used_to_detect_a_threat_addresses_it():
    text = "The Schengen Information System helps to detect foreign terrorist fighters."
    assert _read(text, ("Schengen Information System", "i:sis", "Instrument"),
                 ("foreign terrorist fighters", "t:ftf", "Threat")) == {
        ("i:sis", "addresses", "t:ftf", "Schengen Information System helps to detect foreign terrorist fighters", "")}


def test_a_system_operated_by_a_body_is_operated_by_it():
    text = "Harbour alerts go through the Harbour Alert System, operated by the Harbour Agency since 2010."
    assert _read(text, ("Harbour Alert System", "i:has", "Instrument"), ("Harbour Agency", "a:ha", "Actor")) == {
        ("a:ha", "operates", "i:has", "Harbour Alert System, operated by the Harbour Agency", "")}


def test_an_acronym_in_brackets_does_not_hide_the_body_a_text_is_prepared_by():
    text = "It builds on the Harbour Threat Assessment (HTA) prepared by the Harbour Agency in 2013."
    assert _read(text, ("Harbour Threat Assessment", "i:hta", "Instrument"), ("HTA", "i:hta", "Instrument"),
                 ("Harbour Agency", "a:ha", "Actor")) == {
        ("a:ha", "manages", "i:hta", "HTA) prepared by the Harbour Agency", "")}


def test_a_tool_supported_by_bodies_is_supported_by_each():
    text = "Harbour patrol teams, supported by the Harbour Agency and the Quay Office, are now common."
    assert _read(text, ("Harbour patrol teams", "i:hpt", "Instrument"), ("Harbour Agency", "a:ha", "Actor"),
                 ("Quay Office", "a:qo", "Actor")) == {
        ("a:ha", "supports", "i:hpt", "Harbour patrol teams, supported by the Harbour Agency", ""),
        ("a:qo", "supports", "i:hpt", "Harbour patrol teams, supported by the Harbour Agency and the Quay Office", "")}


def test_a_list_goes_on_past_a_one_word_item_that_names_nothing():
    """What broke: 'respect for human dignity, freedom, democracy, …' stopped at 'freedom', which the
    names did not hold, so the items out of the cue's reach were not read with it."""
    text = ("The Harbour Strategy is based first and foremost on the principles of the Union and, in every respect, "
            "upholds its founding values: respect for human dignity, freedom, tolerance, democracy, openness, "
            "equality and the rule of law.")
    principles = [("respect for human dignity", "p:hd"), ("democracy", "p:d"), ("equality", "p:e"),
                  ("rule of law", "p:rol")]
    read = _read(text, ("Harbour Strategy", "i:hs", "Instrument"), *((q, i, "Principle") for q, i in principles))
    assert {(s, p, o) for s, p, o, _, _ in read} == {("i:hs", "restsOn", i) for _, i in principles}


def test_principles_that_underpin_an_instrument_are_what_it_rests_on():
    text = "Solidarity and the protection of personal data must underpin every action of the Harbour Strategy."
    assert {(s, p, o) for s, p, o, _, _ in _read(
        text, ("Solidarity", "p:s", "Principle"), ("protection of personal data", "p:dp", "Principle"),
        ("Harbour Strategy", "i:hs", "Instrument"))} == {("i:hs", "restsOn", "p:s"), ("i:hs", "restsOn", "p:dp")}


def test_an_instrument_implemented_with_due_regard_to_a_principle_rests_on_it():
    text = "The Harbour Strategy should be implemented with due regard to the principle of subsidiarity."
    assert {(s, p, o) for s, p, o, _, _ in _read(
        text, ("Harbour Strategy", "i:hs", "Instrument"), ("principle of subsidiarity", "p:s", "Principle"))} == {
        ("i:hs", "restsOn", "p:s")}


def test_an_instrument_that_builds_resilience_to_a_threat_addresses_it():
    text = "The Harbour Directive will increase the resilience of port infrastructure to cyber attacks."
    assert {(s, p, o) for s, p, o, _, _ in _read(
        text, ("Harbour Directive", "i:hd", "Instrument"), ("cyber attacks", "t:ca", "Threat"))} == {
        ("i:hd", "addresses", "t:ca")}
