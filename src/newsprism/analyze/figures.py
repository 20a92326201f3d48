"""Figures: the quantities an article reports, what each counts, who says so, and how outlets compare.

:func:`find_figures` reads one article: for every quantity (see :mod:`newsprism.analyze.numbers`)
it finds the thing counted ("soldiers", with "troops" and "servicemen" in the same class), the event
("killed", "deployed" …), the source it is attributed to and the date it is as of.
:func:`group_figures` puts the same (counted, event) class from many articles together and says
whether the reports ``agree``, were ``updated`` (a later report replaces an earlier one) or ``differ``.
Counts with no event ("37 votes", "about 60 firefighters") and readings of a scale ("magnitude 6.1")
are grouped by what they count alone, and then only where the reports agree. Money, shares and lengths
take the thing they measure as their class ("defence spending will rise to €7.2bn", "an 80% stake", "the
240-metre bridge"); one amount of one thing ("spending", "bridge") is compared like an event's count.

Every language rule is a named table or pattern below, each with its own tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import pairwise

from newsprism.analyze.numbers import (
    LENGTH_UNIT_NAMES,
    MONTHS,
    POINTS_UNIT,
    SCALE_UNITS,
    STATE_UNITS,
    NumberMatch,
    alternation,
    find_numbers,
    plausible_range,
)
from newsprism.analyze.sentences import paragraph_spans, sentence_spans
from newsprism.model import Article, Figure, FigureValue, Span


def _words(text: str) -> tuple[str, ...]:
    """Word tables are written as one string for readability."""
    return tuple(text.split())


#: Measured amounts, with the abbreviations reports write after a number ("310 mm", "12 500 ha"): counted
#: classes (see :data:`COUNTED_NOUNS`) of things (see :data:`THING_CLASSES`).
MEASURED_NOUNS: dict[str, tuple[str, ...]] = {
    "millimetres": ("millimetres", "millimeters", "mm"),
    "centimetres": ("centimetres", "centimeters", "cm"),
    "kilometres": ("kilometres", "kilometers", "km"),
    "hectares": ("hectares", "ha"),
    "acres": ("acres",),
    "square kilometres": ("square kilometres", "square kilometers", "sq km", "km2", "km²"),
    "tonnes": ("tonnes", "tons", "metric tons", "metric tonnes"),
    "kilograms": ("kilograms", "kilos", "kg"),
    "litres": ("litres", "liters"),
    "gallons": ("gallons",),
    "barrels": ("barrels",),
    "cubic metres": ("cubic metres", "cubic meters", "m3", "m³"),
}

#: Counted-noun class → the words that name it. A head noun found here is normalised to its class.
COUNTED_NOUNS: dict[str, tuple[str, ...]] = {
    "soldiers": ("soldiers", "troops", "servicemen", "servicewomen", "service members", "service personnel",
                 "military personnel", "personnel", "marines", "paratroopers", "conscripts", "recruits"),
    "fighters": ("fighters", "militants", "insurgents", "rebels", "militiamen", "combatants"),
    "people": ("people", "persons", "individuals", "lives"),
    "civilians": ("civilians", "non-combatants"),
    "children": ("children", "kids", "minors", "infants"),
    "residents": ("residents", "inhabitants", "villagers", "locals", "citizens", "families",
                  "neighbours", "neighbors"),
    "protesters": ("protesters", "protestors", "demonstrators", "marchers", "activists"),
    "workers": ("workers", "employees", "staff", "strikers", "miners", "nurses", "doctors", "teachers"),
    "police officers": ("police officers", "policemen", "policewomen", "police", "officers"),
    "migrants": ("migrants", "refugees", "asylum seekers", "asylum-seekers"),
    "prisoners": ("prisoners", "detainees", "captives", "inmates", "prisoners of war", "pows"),
    "hostages": ("hostages",),
    "doses": ("doses", "jabs", "shots", "vaccinations", "vaccine doses"),
    "patients": ("patients",),
    "cases": ("cases", "infections"),
    # A household is counted where its dwelling is: power cuts, damage, connections.
    "homes": ("homes", "houses", "dwellings", "buildings", "apartments", "flats", "households"),
    "jobs": ("jobs", "posts", "positions", "roles"),
    "operations": ("operations", "procedures", "surgeries", "treatments"),
    "passengers": ("passengers", "travellers", "travelers"),
    # A crew is counted in a singular collective noun: "186 passengers and six crew".
    "crew": ("crew", "crew members", "crewmembers", "crew-members", "crewmen", "cabin crew"),
    "investors": ("investors", "savers", "depositors"),
    "students": ("students", "pupils"),
    "journalists": ("journalists", "reporters"),
    "tourists": ("tourists", "visitors"),
    "vehicles": ("vehicles", "cars", "suvs", "hybrids", "trucks", "lorries", "vans", "buses", "motorcycles"),
    **MEASURED_NOUNS,
}

#: Event class → forms that follow the count ("40 miners *were killed*", "1,900 *injured*", "80 *dead*").
EVENTS_AFTER: dict[str, tuple[str, ...]] = {
    "killed": ("killed", "dead", "died", "perished", "slain", "lost their lives", "deaths", "fatalities",
               "executed", "murdered", "drowned"),
    "wounded": ("wounded", "injured", "hurt", "injuries"),
    "casualties": ("casualties",),
    "deployed": ("deployed", "sent", "dispatched", "arrived", "stationed", "transferred", "redeployed", "on duty",
                 "on patrol"),
    "arrested": ("arrested", "detained", "taken into custody", "arrests", "rounded up"),
    # Leaving one's home is told many ways, and outlets use them for the same count of people.
    "evacuated": ("evacuated", "evacuations", "moved to safety", "fled", "forced to flee", "forced from their homes",
                  "left their homes", "to leave their homes", "to leave home", "to leave the area", "to flee",
                  "spent the night away from home", "spent the night away from their homes",
                  "spent last night away from home", "spent last night away from their homes",
                  "had to evacuate", "to evacuate their homes", "remain out of their homes", "remained out of their homes",
                  "are out of their homes", "were out of their homes", "moved into evacuation centres",
                  "moved into evacuation centers", "in evacuation centres", "in evacuation centers",
                  "fled to evacuation centres", "fled to evacuation centers", "in emergency shelters",
                  "moved into schools", "moved to schools", "moved into shelters", "moved to shelters",
                  "taken to shelters", "moved to higher ground",
                  "spent the night in shelters", "ordered out", "ordered to leave"),
    "displaced": ("displaced", "homeless", "made homeless"),
    "missing": ("missing", "unaccounted for", "disappeared"),
    "captured": ("captured", "taken prisoner", "taken captive"),
    # "pulled 96 people from the water": where they were taken from says they were rescued.
    "rescued": ("rescued", "saved", "pulled from the rubble", "from the water", "out of the water",
                "from the sea", "from the wreckage", "from the rubble", "from the river", "from the lake"),
    "on board": ("on board", "aboard", "onboard"),
    # Those who search are counted with what they do: "300 divers were searching", "290 volunteers act in
    # the searches", "rescuers resumed the search".
    "searching": ("searching", "were searching", "are searching", "searched", "combing", "scouring",
                  *(f"{verb}the {noun}" for verb in ("in ", "joined ", "resumed ", "involved in ", "took part in ",
                                                     "taking part in ", "act in ", "acting in ")
                    for noun in ("search", "searches", "search operation", "search effort"))),
    "vaccinated": ("vaccinated", "immunised", "immunized", "inoculated"),
    "administered": ("administered", "given", "delivered"),
    "protested": ("protested", "marched", "rallied", "demonstrated", "took to the streets", "took part",
                  "joined the protest", "joined the protests", "joined the march"),
    "on strike": ("went on strike", "on strike", "walked out", "walked off the job", "striking", "joined the strike",
                  "stopped work", "stayed off work", "stayed away from work", "stayed home from work",
                  "downed tools", *(f"{verb} {kind}strike" for verb in ("entered", "entered in", "entered into",
                                                                    "began", "started", "launched", "joined")
                                   for kind in ("", "a ", "a general ", "general ", "an indefinite ",
                                                "indefinite "))),
    "assembled": ("assembled", "amassed", "massed", "gathered"),
    "destroyed": ("destroyed", "flattened", "razed"),
    "damaged": ("damaged",),
    "infected": ("infected",),
    "invested": ("invested", "put money into", "put their money into", "put their savings into", "put savings into",
                 "sank money into", "sank their savings into"),
    "hospitalised": ("hospitalised", "hospitalized", "admitted to hospital"),
    "released": ("released", "freed", "set free"),
    "derailed": ("derailed", "left the tracks", "came off the tracks", "jumped the tracks", "went off the rails",
                 "came off the rails", "left the rails"),
    "affected": ("affected", "impacted", "disrupted"),
    "embezzled": ("embezzled", "misappropriated", "siphoned off", "diverted", "stolen", "laundered"),
    "recalled": ("recalled", "being recalled", "affected by the recall", "covered by the recall"),
    "without power": ("without power", "without electricity", "lost power", "lost electricity", "without a power supply",
                      "cut off from the grid", "had no power", "had no electricity"),
    "cut": ("will go", "are to go", "will be lost", "will be cut", "were cut", "eliminated", "axed",
            "made redundant", "will lose their jobs", "would lose their jobs", "lose their jobs", "lost their jobs"),
    "cancelled or postponed": ("postponed", "cancelled", "canceled", "called off", "put off", "rescheduled"),
    "data exposed": ("could have been accessed", "might have been accessed", "may have been accessed",
                     "were accessed", "had been accessed", "were exposed", "were leaked"),
}

#: Events that say what their count counts: "1,400 people will lose their jobs" is a count of jobs.
EVENT_NOUNS: dict[str, str] = {"cut": "jobs", "protested": "protesters", "on strike": "workers",
                               "invested": "investors"}

#: Counted classes that name the event their count took part in, read as that event when no other is
#: named: an investor is one who invested, so "told 1,140 investors" and "2,300 people put money into the
#: scheme" count the same thing; a case is one infection, however it was "recorded", "registered" or
#: "confirmed"; doses with no verb of their own ("50,000 doses are awaited") are those to be given. The
#: label of such a class is the noun alone ("cases", not "cases infected").
NOUN_EVENTS: dict[str, str] = {"investors": "invested", "cases": "infected", "doses": "administered"}

#: Words one of which an article must use for a count of :data:`NOUN_EVENTS` of that class to be read as
#: the event: "cases" are infections in a report of an outbreak, court cases or cases of fraud elsewhere.
NOUN_EVENT_CONTEXT: dict[str, frozenset[str]] = {
    "cases": frozenset(_words(
        """outbreak outbreaks epidemic epidemics pandemic infection infections infectious disease diseases
        virus viral bacterium bacteria contagion contagious transmission sickened""")),
}

#: Words before "cases" that say how a case was counted, not which disease it is: "214 *suspected* cases".
#: Any other word there ("40 measles cases"), or one after "cases of", names the disease, and cases of two
#: diseases are two classes (see :func:`_disease`).
CASE_WORDS = frozenset(_words(
    """new confirmed suspected probable possible reported recorded registered fresh more additional total
    active known further other daily weekly local imported severe mild positive"""))

#: Event forms after a count that are the count's own noun ("11 deaths", "40 arrests"): such a count tells
#: nothing of a count joined to it ("258 cases and 11 deaths were registered": the cases did not die) and
#: takes no noun from one before it (the deaths are of people, not of cases).
EVENT_HEAD_NOUNS = frozenset(_words(
    "deaths fatalities injuries casualties arrests evacuations"))

#: Verbs whose object, counted in lives, is the dead: "the outbreak has claimed 14 lives", "a crash that
#: cost 30 lives". Elsewhere "claimed" attributes a statement ("police claimed 300 protesters …").
LIVES_TAKEN = re.compile(
    r"\b(?:claimed|claims|claim|claiming|cost|costs|costing|took|takes|take|taking|taken)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
LIVES_WORDS = frozenset(_words("lives life"))

#: Events that only an amount of money takes, each with the verbs before it ("investigators *recovered*
#: £5.1m", "he *took* £18.4m from savers") and the forms after it ("£5.1m *had been recovered*"). Taken
#: and recovered money are kept apart: what was stolen and what came back are two figures. "took" or
#: "recovered" before a count of anything else ("took 300 prisoners", "recovered 14 bodies") is not read.
MONEY_EVENTS_BEFORE: dict[str, tuple[str, ...]] = {
    "embezzled": ("took", "taken", "taking", "takes", "stole", "stolen", "stealing", "steals", "pocketed",
                  "pocketing", "swindled", "defrauded"),
    "recovered": ("recovered", "recovering", "recovers", "recouped", "recouping", "clawed back", "clawing back",
                  "retrieved", "got back"),
}
MONEY_EVENTS_AFTER: dict[str, tuple[str, ...]] = {
    "embezzled": ("taken", "stolen", "embezzled", "misappropriated", "siphoned off", "defrauded"),
    "recovered": ("recovered", "recouped", "clawed back", "retrieved", "returned to victims",
                  "returned to investors", "returned to savers", "paid back"),
}

#: Money taken by deceit, told with its victims between verb and amount: "conning about 1,100 investors
#: *out of* £18.4m", "defrauded pensioners *of* $3m".
MONEY_TAKEN_FROM = re.compile(
    r"\b(?:conn(?:ed|ing)|con|cons|cheat(?:ed|ing|s)?|swindl(?:ed|ing|es?)|defraud(?:ed|ing|s)?|"
    r"trick(?:ed|ing|s)?|scamm(?:ed|ing)|fleec(?:ed|ing|es?))\b[^.;:]{0,80}?\s(?:out\s+of|of)\s+$",
    re.IGNORECASE,
)

#: Events of money only (see :data:`MONEY_EVENTS_BEFORE`): a count of people or things in the sentence after
#: one does not inherit them ("diverted to the nearest airport" tells of no money, "186 passengers" of none).
MONEY_ONLY_EVENTS = frozenset({"embezzled", "recovered", "demanded"})

#: An amount in another currency right after one, in brackets, is the same sum converted: "took £18.4m
#: (about €21.7m)", "almost €22m (£18.4m)". It takes the event of the amount it converts.
CONVERSION_GAP = re.compile(r"\s*[(\[]\s*$")

#: A past year that frames a sentence, or "last year", makes its counts history, not this event's figures:
#: "the last major epidemic, *in 2021,* killed more than 130 people", "*In 2019,* the firm took $2m", "it
#: carried 6.8 million passengers *last year*". Framing is a year set off by commas or opening the sentence;
#: a year inside a clause tells of something else ("the 240-metre bridge, which was built in 1979", "the
#: heaviest fall since records began in 1961"). A year is past when it is before the article's year.
PAST_YEAR = re.compile(r"(?:^[\s\"“‘']*|[,;(]\s*|\s[—–]\s*)(?:in|during|throughout)\s+(?P<year>(?:19|20)\d{2})"
                       r"\s*(?:[,;)]|\s[—–])"
                       r"|\b(?:last|the\s+previous|the\s+preceding)\s+year\b", re.IGNORECASE)

#: Events whose count is of those who do them, whatever a report calls them: "300 firefighters were
#: searching", "some 290 professionals act in the searches" and "nearly 300 rescuers resumed the search"
#: all count the searchers. Listed classes of things (see :data:`THING_CLASSES`) keep their own noun.
EVENT_AGENTS: dict[str, str] = {"searching": "searchers"}

#: Counted classes that are things, not people, so no event makes them its doers (see :data:`EVENT_AGENTS`).
THING_CLASSES = frozenset({"doses", "cases", "homes", "jobs", "operations", "vehicles", *MEASURED_NOUNS})

#: Measured amounts of a substance, and the verbs that say it got out: "about 3,000 litres of a disinfectant
#: had escaped", "8,000 litres of fuel poured into the river". These verbs are an event only for such an
#: amount, found anywhere later in its clause: "30 prisoners escaped" is no spill.
SUBSTANCE_AMOUNTS = frozenset({"litres", "gallons", "barrels", "cubic metres", "tonnes", "kilograms"})
SUBSTANCE_EVENTS: dict[str, tuple[str, ...]] = {
    "spilled": _words("spilled spilt spilling leaked leaking escaped escaping poured pouring seeped seeping gushed "
                      "gushing discharged released dumped flowed"),
}

#: Event class → verbs that take the count as their object ("police *arrested* 150 protesters",
#: "*accused* X *of sending* 8,000 soldiers") and nouns that announce it ("the *death toll* rose to 250").
EVENTS_BEFORE: dict[str, tuple[str, ...]] = {
    "killed": ("killed", "killing", "kills", "kill", "death toll", "deaths of"),
    "wounded": ("wounded", "wounding", "injured", "injuring", "injures"),
    "casualties": ("casualties of", "casualty toll"),
    "deployed": ("deployed", "deploying", "deploys", "deploy", "sent", "sending", "sends", "send",
                 "dispatched", "dispatching", "stationed", "transferred"),
    "arrested": ("arrested", "arresting", "arrests", "detained", "detaining", "rounded up"),
    "evacuated": ("evacuated", "evacuating", "evacuate"),
    "displaced": ("displaced", "displacing"),
    "captured": ("captured", "capturing", "took prisoner"),
    "rescued": ("rescued", "rescuing", "saved"),
    "on board": ("carrying", "carried", "ferrying", "ferried"),
    "vaccinated": ("vaccinated", "vaccinating", "immunised", "immunized", "inoculated"),
    "administered": ("administered", "administering", "gave", "delivered"),
    "assembled": ("assembled", "assembling", "amassed", "massed", "gathered"),
    "destroyed": ("destroyed", "destroying"),
    "damaged": ("damaged", "damaging"),
    "infected": ("infected", "infecting", "sickened", "sickening", "sickens"),
    "hospitalised": ("hospitalised", "hospitalized"),
    "released": ("released", "releasing", "freed", "freeing"),
    "derailed": ("derailed",),
    "affected": ("affected", "affecting", "disrupted", "disrupting"),
    # Money taken by those trusted with it: "embezzling €2.3m", "siphoned off $40,000", "the diversion of".
    "embezzled": ("embezzled", "embezzling", "embezzlement of", "misappropriated", "misappropriating",
                  "misappropriation of", "siphoned off", "siphoning off", "diverted", "diverting", "diversion of",
                  "stole", "stealing", "theft of", "laundered", "laundering"),
    "recalled": ("recalled", "recalling", "recalls", "recall", "recall of"),
    "cancelled or postponed": ("postponed", "postponing", "postpone", "postpones", "cancelled", "canceled",
                               "cancelling", "cancel", "cancels", "called off"),
    # "the records of up to 1.2 million patients": whose data a breach took or exposed.
    "data exposed": ("data of", "records of", "details of", "files of", "personal data of", "medical records of"),
    "demanded": ("demanded", "demanding", "demands", "ransom of", "a ransom of", "demand for", "ransom demand of"),
    "cut": ("loss of", "losses of", "eliminating", "eliminate", "cutting", "shedding", "shed", "axing", "axe",
            "slashing", "cut of", "cuts of"),
}

#: Verbs that are an event only right after a count of the noun class they fit: "40,000 nurses *strike*".
#: Elsewhere the same word is a noun ("the strike") or means something else ("three missiles strike").
VERBS_AFTER_CLASS: dict[tuple[str, str], tuple[str, ...]] = {
    ("workers", "on strike"): ("strike", "strikes"),
}

#: Nouns that announce a count through a linking verb, however far the verb stands from them:
#: "the *death toll* from Sunday's flood in the two provinces *rose to* 90".
TOLL_NOUNS: dict[str, tuple[str, ...]] = {
    "killed": ("death toll", "number of deaths", "toll of dead", "dead toll", "fatality count", "body count",
               # "the number of (people) (confirmed) dead"
               *(f"number of {who}{how}{what}" for who in ("", "people ", "those ")
                 for how in ("", "confirmed ", "known ", "reported ", "officially ") for what in ("dead", "killed"))),
    "wounded": ("number of injured", "number of wounded", "number of people injured", "injury toll",
                "injury count"),
    "casualties": ("casualty toll", "casualty count", "number of casualties"),
    "evacuated": ("number of evacuees", "number of people evacuated", "evacuee count", "evacuation count"),
    # "Police put the crowd at 12,000": a crowd is counted by those who marched or rallied.
    "protested": ("the crowd at", "crowd size at", "size of the crowd at", "the crowd was", "turnout at the march",
                  "number of demonstrators", "number of protesters", "number of marchers"),
    "arrested": ("number of arrests", "number of people arrested"),
}
# "The number of people forced from their homes … has risen to 4,800": a count of people is announced by
# any form that tells the event after a count ("forced from their homes", "missing", "rescued").
for _cls in ("killed", "wounded", "evacuated", "displaced", "missing", "rescued", "arrested", "hospitalised",
             "infected"):
    TOLL_NOUNS[_cls] = tuple(dict.fromkeys((*TOLL_NOUNS.get(_cls, ()), *(
        f"number of {who}{form}" for who in ("people ", "those ", "residents ", "") for form in EVENTS_AFTER[_cls]
        if who or " " not in form))))

#: Words before a carrying verb that make the count a capacity, not people on board: "capable of carrying
#: 300", "designed for carrying 80". ("licensed to carry 120" needs no rule: the bare "carry" is no
#: on-board verb, as a count after it is what may be carried, not what was.)
CAPACITY_BEFORE = re.compile(
    r"\b(?:capable\s+of|designed\s+for|licensed\s+for|certified\s+for|rated\s+for|built\s+for)\s+$",
    re.IGNORECASE,
)

#: Event class of a change in a rate counted in percentage points → the verbs that make it, standing
#: before "by" ("*cut* the cash rate *by* 0.25 percentage points"), and the nouns that name it right after
#: the number ("a quarter-point *cut*").
RATE_MOVES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "cut": (_words("cut cuts cutting lowered lowers lowering reduced reduces reducing trimmed trims slashed "
                   "eased eases"), _words("cut cuts reduction reductions")),
    "raised": (_words("raised raises raising hiked hikes hiking increased increases lifted lifts tightened"),
               _words("rise rises hike hikes increase increases")),
}

#: Nouns whose size is one amount of money in a report ("a $2.1bn term lending *facility*", "the
#: *package* would total $40m"): two reports giving such a noun different amounts disagree or update.
AMOUNT_NOUNS = frozenset(_words(
    """facility package fund loan loans deal budget bailout fine settlement contract programme program
    scheme stimulus investment grant plan acquisition takeover bid offer penalty payout compensation
    levy subsidy subsidies donation pledge spending expenditure outlays borrowing deficit surplus debt fee
    purchase"""
))

#: Amount nouns that name one amount under another name → the class they are read as: a budget is what is
#: to be spent; a takeover's fee is the value of the deal.
AMOUNT_CLASSES: dict[str, str] = {
    "budget": "spending", "expenditure": "spending", "outlays": "spending",
    "takeover": "deal", "acquisition": "deal", "purchase": "deal", "fee": "deal",
}

#: Amount nouns for a total that reports split into parts by a word before the noun: "defence spending",
#: "household debt", "the health budget". Such a word makes a class of its own. Before other amount nouns
#: the words describe the one thing ("a rescue package", "the flood recovery fund") and are not read.
AGGREGATE_NOUNS = frozenset(_words("spending expenditure outlays budget borrowing debt deficit surplus"))

#: Words before an aggregate noun that do not narrow it to a part: "total spending" and "public spending"
#: are the spending; "defence spending" is a part of it, read as a class of its own.
WHOLE_MODIFIERS = frozenset(_words(
    """total overall whole entire full public government state general annual yearly new planned proposed
    projected expected net gross federal national central record final initial first headline budget
    fiscal"""
))

#: Verbs that take an amount of money as their object and name what it is: "the state will *borrow* 11bn",
#: "plans to *spend* €80bn". An amount spent "on" something is a part of the spending, so it is left out.
AMOUNT_VERBS: dict[str, tuple[str, ...]] = {
    "borrowing": _words("borrow borrows borrowed borrowing"),
    "spending": _words("spend spends spent spending"),
}

#: Nouns whose size is given as a share of a whole ("the deficit is forecast at 3.1% of GDP"): a report
#: gives them for more than one year, so, like :data:`LEVEL_NOUNS`, only values that agree are grouped.
SHARE_NOUNS = frozenset(_words("deficit surplus debt"))

#: Nouns a percentage right before them sizes: "an 80% stake in the club", "a 30 per cent holding".
STAKE_NOUNS = frozenset(_words("stake holding shareholding"))

#: A verb that moves an amount to the number after it, with what may stand between: "defence spending
#: *will rise to* €7.2bn", "the deficit *would narrow only slightly, to* 3.1%", "spending*, up 14% to* …".
MOVE_LINK = re.compile(
    r",?\s+(?:(?:will|would|could|is\s+to|is\s+set\s+to|is\s+expected\s+to|is\s+forecast\s+to)\s+)?"
    r"(?:rise|rises|rose|risen|grow|grows|grew|grown|increase|increases|increased|climb|climbs|climbed|jump|"
    r"jumps|jumped|fall|falls|fell|fallen|drop|drops|dropped|narrow|narrows|narrowed|widen|widens|widened|"
    r"shrink|shrinks|shrank|up|down)(?:\s+[^\s;:.]+){0,4}?,?\s+to\s+$",
    re.IGNORECASE,
)

#: Words after a length that are not the thing it measures: "18 km north-east of the town", "four metres
#: above its normal level", "a village 3 km away".
LENGTH_NOT_OWNERS = frozenset(_words(
    """north south east west north-east north-west south-east south-west northeast northwest southeast
    southwest away long wide high tall deep downstream upstream offshore inland above below beyond further
    farther along off out short behind ahead apart outside inside across"""
))

#: Verbs that give the length of their subject, read as a stretch: "the slick *stretches for* 12 km".
LENGTH_VERBS = re.compile(
    r"\b(?:stretch|stretches|stretched|stretching|extend|extends|extended|extending)\s+(?:for|over|along)\s+$",
    re.IGNORECASE,
)

#: Verbs that link an amount noun to its amount after it: "the fund *would total* $3m", "a deal *worth* €5bn".
AMOUNT_LINK = re.compile(
    r"\s+(?:(?:would|will|could|is\s+to|was\s+to)\s+)?(?:total|totals|totalled|totaled|totalling|totaling|be|is|"
    r"was|of|worth|valued\s+at|amounting\s+to|amounts\s+to|amounted\s+to|reach|reaches|reached|"
    # "a fee understood to be …", "the deficit is forecast at …": an estimate of the amount.
    r"(?:understood|said|thought|believed|reported|estimated|expected|projected|forecast)\s+to\s+be|"
    r"(?:(?:is|was|are|were|will\s+be|would\s+be)\s+)?(?:forecast|projected|estimated|expected|put|set|seen|"
    r"pegged)\s+at|stands\s+at|stood\s+at)"
    r"(?:\s+(?:to|at))?\s+(?:an?\s+)?$",
    re.IGNORECASE,
)

#: Nouns whose level is a percentage ("the cash *rate*"): a report gives their level before and after a
#: change, so different values of one are not compared, only those that agree are put together.
LEVEL_NOUNS = frozenset(_words("rate rates tariff tariffs tax levy yield target"))

#: Shares that are one outcome of the event reported, so that different values of one conflict: "turnout
#: was 61.4%", "participation in the strike reached 80 per cent".
OUTCOME_SHARES = frozenset(_words("turnout participation"))
_OUTCOME_RE = re.compile(
    r"\b(?P<noun>" + "|".join(sorted(OUTCOME_SHARES)) + r")\b[^.;:]{0,60}?\s(?:was|is|were|reached|stood at|rose to"
    r"|fell to|dropped to|climbed to|jumped to|hit|came in at|of|at|to|puts it at|put it at|as)\s+(?:just\s+|roughly\s+)?$",
    re.IGNORECASE,
)

#: Verbs that set a level, before "the/its <noun> (by …) to/at N%": "cut the official cash rate by a
#: quarter-point to 5.25%", "held the rate at 5.5%".
LEVEL_VERBS = frozenset(_words(
    """cut cuts lowered lowers reduced reduces trimmed slashed eased raised raises hiked lifted increased
    set sets held holds hold keep keeps kept left leave leaves put puts raise lower"""
))

#: The verb that hands a toll its number, right before the count: "rose to", "has climbed to", "stands at".
TOLL_LINK = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:now\s+)?)?(?:now\s+)?(?:rose|risen|rises|climbed|climbs|jumped|jumps|increased|"
    r"grew|grown|reached|reaches|hit|hits|stands|stood|is|was|went\s+up|gone\s+up|passed|topped|exceeded)"
    r"(?:\s+(?:to|at))?\s*$",
    re.IGNORECASE,
)

#: What may stand between an object-taking event verb and its count: "assembled *a group of* 40,000",
#: "the death toll *rose to* 250". A preposition like "across" ends the link.
OBJECT_GAP = re.compile(
    r"(?:\s+(?:a|an|the|another|additional|further|total|group|force|contingent|of|rose|has|have|had|risen|"
    r"climbed|jumped|reached|stands|stood|now|at|to|is|was|been|some))*\s*",
    re.IGNORECASE,
)

#: Two events joined by "and"/"or" after a count name one combined class: "30 soldiers killed and wounded"
#: counts casualties, not deaths.
COMBINED_EVENT = re.compile(
    r"\b(?:killed|dead|died)\s+(?:and|or|and/or)\s+(?:wounded|injured|hurt)\b"
    r"|\b(?:wounded|injured|hurt)\s+(?:and|or|and/or)\s+(?:killed|dead)\b",
    re.IGNORECASE,
)

#: Label words for each event class, used to build the readable ``about`` ("soldiers killed or wounded").
EVENT_LABELS: dict[str, str] = {"casualties": "killed or wounded", "on strike": "on strike"}

#: Words that may stand between a count and its event without breaking the link
#: ("300 soldiers *have already been* killed", "three *more* went missing").
LINKING_WORDS = frozenset(_words(
    """have has had been were was are is be being already reportedly now so far also allegedly all
    more others other believed thought feared confirmed said to have who that which since then
    subsequently eventually later either both went gone go remain remained remains still"""
))

#: Words that end the search for a counted noun after a number: the noun would have come before them.
NOUN_STOPS = frozenset(_words(
    """in on at to from for with by and or but as into across during after before since than while who
    that which were was have has had are is will would could may might more of per each a an the this
    these those them whom what when where including among against over under between about around
    said say says according"""
))

#: Verbs that attribute a statement to the words before them ("*officials said*", "*the agency reported*").
ATTRIBUTION_VERBS = re.compile(
    r"\b(?:said|says|say|reported|reports|report|told|tell|claimed|claims|claim|estimated|estimates|estimate|"
    r"announced|announces|stated|accused|accuses|accuse|confirmed|confirms|suggested|suggests|suggest|indicated|indicates|"
    r"indicate|believes|believe|believed|added|noted|warned|revealed|reveals|put the figure at|put the toll at|"
    r"wrote|writes|tweeted|posted)\b",
    re.IGNORECASE,
)

#: Phrases that name the source after them ("*according to* the health ministry", "*citing* police").
#: A source named by whose count a figure is: "by the union's count", "by its own estimate", "on the
#: council's figures".
BY_COUNT = re.compile(
    r"\b(?:by|on|in)\s+(?P<source>(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,3}?)['’]s?\s+(?:own\s+)?"
    r"(?:count|counts|estimate|estimates|tally|figures|reckoning|calculations?|numbers)\b",
    re.IGNORECASE,
)
ATTRIBUTION_BEFORE = re.compile(r"\b(?:according to|citing|quoting|as reported by)\s+", re.IGNORECASE)

#: A relative clause set off by commas right before an attribution verb ("the agency*, which runs the
#: port,* said"); it is cut so the subject before it is found.
RELATIVE_CLAUSE_END = re.compile(r",\s*(?:which|who)\b[^,;:“”\"]*,\s*$", re.IGNORECASE)

#: Subjects that name nobody: an attribution to these is left unknown rather than reported as "he".
VAGUE_SUBJECTS = frozenset(_words("he she it they we i you this that there which who"))

#: Weekday names; "on Monday" dates a figure relative to the article's own date.
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
#: Dates a sentence can give its figure: ISO, "October 24, 2024", "24 October 2024", "December 14-15",
#: and a weekday. Only dates with a day are used: "in February 2022" is when something began.
DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    re.compile(rf"\b(?P<mon>{_MONTH_ALT})\.?\s+(?:\d{{1,2}}\s*[-–]\s*)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
               rf"(?:,?\s+(?P<y>\d{{4}}))?(?![\d:])", re.IGNORECASE),
    re.compile(rf"\b(?:\d{{1,2}}\s*[-–]\s*)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_ALT})\b"
               rf"\.?(?:,?\s+(?P<y>\d{{4}}))?", re.IGNORECASE),
    re.compile(r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE),
)

#: Counted words too general to say, with no event, that two reports count the same thing: "200 people"
#: in one report and "200 people" in another may be the crowd and the evacuees.
GENERIC_COUNTED = frozenset(_words(
    """people persons individuals times others ones things ways items members units points steps parts
    pieces kinds types sorts lots rounds days"""
))

#: Marks that end a clause, for dating a figure by the day named in its own clause: a semicolon, a dash,
#: or a comma (a comma inside "March 3, 2021" only splits the date phrase, which is placed by its start).
CLAUSE_BREAK = re.compile(r"[;,:]\s|\s[—–]\s")

_CLAUSE_VERB = re.compile(r"\b(?:were|was|are|is|have|has|had|will|would)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\b")

_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)
_GENERIC = "people"


@dataclass(frozen=True)
class FigureMention:
    """One quantity in one article, read: its range, what it counts, who says so and as of when."""

    value: float
    low: float | None
    high: float | None  # math.inf when the words set no ceiling ("more than")
    qualifier: str | None
    counted: str
    event: str | None
    about: str
    attributed_to: str | None
    as_of: str | None
    span: Span
    sentence: Span
    # True when the text names no noun ("1,900 injured") and no earlier count supplied one: grouping may
    # then give it the one noun class other reports of the same event use.
    elided: bool = False
    step: float = 1.0  # the rounding step of the numeral, which sets how loosely it compares
    reading: str = "exact"  # the qualifier's kind (see numbers.QUALIFIERS): exact, approx, below, min, max, vague
    # True when the counted class is one amount (a facility's size), so different values of it conflict.
    sized: bool = False
    # True when the article itself calls the count an earlier one ("the first estimate of 40", "up from
    # 3,000"): it tells what was reported before, not what this report says now.
    earlier: bool = False
    # True when the count is named a part of a whole ("171 of the passengers"): where the same article gives
    # a larger count of the same class, that one is the figure (see :func:`_one_per_article`).
    part: bool = False


def find_figures(article: Article) -> list[FigureMention]:
    """Every quantity in the article that counts something, in text order."""
    text = article.text
    published = _iso_day(article.published)
    words = {w.lower() for w in _TOKEN.findall(text)}
    implied = {cls: event for cls, event in NOUN_EVENTS.items()
               if cls not in NOUN_EVENT_CONTEXT or words & NOUN_EVENT_CONTEXT[cls]}
    out: list[FigureMention] = []
    for p_start, p_end in paragraph_spans(text):
        prev_event: str | None = None
        prev_counted: str | None = None
        for s_start, s_end in sentence_spans(text, p_start, p_end):
            last_event = _last_event(text, s_start, s_end)
            found = _sentence_figures(article, s_start, s_end, published, prev_event, prev_counted, out, implied,
                                      sentence_has_event=last_event is not None)
            out.extend(found)
            prev_event = last_event or prev_event
            explicit = [m.counted for m in found
                        if not m.elided and m.counted != _GENERIC and not _is_unit_class(m.counted)]
            prev_counted = explicit[-1] if explicit else prev_counted
    return out


def group_figures(
    mentions: Sequence[FigureMention],
    article_dates: Mapping[str, str | None],
    independent: Callable[[str], str] = lambda a: a,
) -> list[Figure]:
    """The same (counted, event) class across articles, with a verdict; only classes that ≥ 2 independent
    articles report. One value per article per compatible reading, each with its own evidence.

    A count with no event ("about 60 firefighters fought the fire") joins the one event class of its noun
    whose reports it agrees with; failing that, counts of one specific noun class or scale ("37 votes",
    "magnitude 6.1") are grouped by that alone, but only where they agree: without an event nothing says
    that two different numbers of votes count the same thing, so no such group ``differ``s."""
    dated = [_with_date(m, article_dates) for m in mentions if _groupable(m) and not m.earlier]
    resolved = _join_known_classes(_resolve_unnamed_disease(_resolve_elided(dated)), independent)
    groups: dict[tuple[str, str], list[FigureMention]] = {}
    for m in resolved:
        if m.event is not None:
            groups.setdefault((m.counted, m.event), []).append(m)
        elif _stands_alone(m):
            groups.setdefault((m.counted, ""), []).append(m)
    figures: list[tuple[tuple, Figure]] = []
    for key in sorted(groups):
        kept = _one_per_article(groups[key])
        if len({independent(m.span.article) for m in kept}) < 2:
            continue
        clusters = _clusters(kept)
        if key[1] or all(m.sized for m in kept):
            figures.append(_figure(clusters, _verdict(clusters, article_dates), independent))
        else:
            figures.extend(_figure([c], "agree", independent) for c in clusters
                           if len({independent(m.span.article) for m in c}) >= 2)
    figures.sort(key=lambda pair: pair[0])
    return [replace(f, id=f"f{i}") for i, (_, f) in enumerate(figures, 1)]


def _figure(clusters: list[list[FigureMention]], verdict: str,
            independent: Callable[[str], str]) -> tuple[tuple, Figure]:
    """A figure and its sort key: most values first, then most sources, then by name and place."""
    ordered = [m for c in clusters for m in sorted(c, key=_position)]
    figure = Figure("", ordered[0].about, verdict, tuple(_figure_value(m) for m in ordered))
    sources = len({independent(m.span.article) for m in ordered})
    return (-len(ordered), -sources, figure.about, _position(ordered[0])), figure


# --- reading one sentence ------------------------------------------------------------------------------


def _last_class(found: Sequence[FigureMention], counted: str | None = None) -> tuple[str, str] | None:
    """The (counted, event) class of the last count that names both (and counts ``counted`` if given),
    which "the figure" or "of the vehicles affected" refers back to. A count already placed ("recalled
    in Britain") is a part, not the whole."""
    for m in reversed(found):
        if m.event is not None and not m.elided and m.counted != _GENERIC and not _is_unit_class(m.counted) \
                and " in " not in m.event and (counted is None or m.counted == counted):
            return m.counted, m.event
    return None


def _whole_of_part(text: str, s_start: int, n: NumberMatch, noun_end: int, counted: str | None,
                   limit: int) -> tuple[str | None, str | None, str] | None:
    """(counted class, event of the whole, place) of a count that is a part of a whole and says where:
    "Of the vehicles affected, 21,600 were sold in Britain" → ("vehicles", "affected", "United Kingdom").
    None when the count is no such part or names no place: "five of the derailed wagons held diesel"
    keeps no event, as the event belongs to the whole."""
    partitive = _PARTITIVE_OF.match(text, n.end)
    if partitive and noun_end > partitive.end():
        whole_start, whole_end = partitive.end(), noun_end
    else:
        lead = _LEAD_WHOLE.search(text, s_start, n.start)
        if not lead or counted is not None:
            return None
        whole_start, whole_end = lead.span("whole")
    place = _place_after(text, noun_end, limit)
    if place is None:
        return None
    cls, event = counted, None
    for tok in _TOKEN.finditer(text, whole_start, whole_end):
        cls = cls or _counted_at(text, tok.start(), whole_end)[0] or (
            tok.group(0).lower() if _plural_noun(tok.group(0)) else None)
        event = event or _event_at(text, tok.start(), _AFTER_ANY, _AFTER_CLASS)
    return cls, event, place


def _place_after(text: str, pos: int, limit: int) -> str | None:
    """The place a count is in, named later in its clause (see :data:`PLACE_NAMES`)."""
    stop = re.search(r"[,;:.!?]\s|\s[—–]\s", text[pos:limit])
    m = _PLACE_PHRASE.search(text, pos, pos + stop.start() if stop else limit)
    if not m:
        return None
    name = " ".join(m.group("place").split())
    # A full stop ends the sentence unless it belongs to an abbreviation ("U.K."); a name may be followed
    # by words that are not part of it ("British nationals").
    for candidate in (name, name.rstrip("."), name.split()[0], name.split()[0].rstrip(".")):
        if candidate.lower() in _PLACE_OF:
            return _PLACE_OF[candidate.lower()]
    # Any other capitalised name is a place only after a preposition of place: "were Catholic" is not.
    return name.rstrip(".") if not m.group(0).lower().startswith(("were", "are", "was", "is")) else None


#: Nouns that stand for a figure already given, and the adjectives that may qualify them: "the union said
#: the *real figure* was nearly 1,400", "the *true number* is closer to 300". See :data:`REFERRING_FIGURE`.
REFERRING_NOUNS = _words("figure figures number numbers total tally count")
REFERRING_ADJECTIVES = _words("real true actual correct official final overall full right accurate")

#: "the real figure was", "its own count is closer to" right before a count with no noun of its own: the
#: count is of the class the article last gave a count of (see :func:`_last_class`).
REFERRING_FIGURE = re.compile(
    r"\b(?:(?P<put>put|puts|putting|estimated|estimates|estimate)\s+)?(?:the|that|this|its|their|our|his|her)\s+"
    rf"(?:own\s+)?(?:(?:{'|'.join(REFERRING_ADJECTIVES)})\s+)?(?:{'|'.join(REFERRING_NOUNS)})\s+"
    r"(?(put)at|(?:was|is|were|are|would\s+be|will\s+be|could\s+be|may\s+be|might\s+be|stood\s+at|stands\s+at|"
    r"came\s+to|comes\s+to))\s+(?:closer\s+to\s+|in\s+fact\s+)?$",
    re.IGNORECASE,
)


#: Other names of a place → the name a count's place is compared by: "21,600 were sold in Britain" and
#: "26,000 are in the UK" count in one place. Only names with common synonyms, abbreviations or adjectives
#: are listed; any other capitalised name ("in Bavaria") is its own place. (pycountry would give the
#: official names but not "Britain" or "Holland", and is not a dependency.)
PLACE_NAMES: dict[str, tuple[str, ...]] = {
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain", "GB", "British"),
    "United States": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "American"),
    "European Union": ("EU", "E.U.", "European"),
    "Netherlands": ("Holland", "Dutch", "The Netherlands"),
    "Germany": ("German", "Federal Republic of Germany"),
    "France": ("French",),
    "Spain": ("Spanish",),
    "Italy": ("Italian",),
    "Ireland": ("Irish", "Republic of Ireland", "Eire"),
    "Switzerland": ("Swiss",),
    "Sweden": ("Swedish",),
    "Norway": ("Norwegian",),
    "Denmark": ("Danish",),
    "Poland": ("Polish",),
    "Czechia": ("Czech Republic", "Czech"),
    "Turkey": ("Türkiye", "Turkish"),
    "Russia": ("Russian Federation", "Russian"),
    "Ukraine": ("Ukrainian",),
    "China": ("PRC", "People's Republic of China", "Chinese", "mainland China"),
    "Japan": ("Japanese",),
    "India": ("Indian",),
    "South Korea": ("Republic of Korea", "ROK", "South Korean"),
    "North Korea": ("DPRK", "North Korean"),
    "Philippines": ("The Philippines", "Philippine", "Filipino"),
    "Australia": ("Australian",),
    "New Zealand": ("NZ", "New Zealander"),
    "Canada": ("Canadian",),
    "Mexico": ("Mexican",),
    "Brazil": ("Brazilian",),
    "South Africa": ("South African", "RSA"),
    "United Arab Emirates": ("UAE", "U.A.E.", "Emirati"),
}
_PLACE_OF = {alias.lower(): name for name, aliases in PLACE_NAMES.items() for alias in (name, *aliases)}

#: "of the vehicles affected, 21,600 …", "26,000 of the recalled cars …": a count that is a part of a
#: whole named before it, or after it by "of the".
_LEAD_WHOLE = re.compile(r"\b[Oo]f\s+(?:the|those|these|its|their|all)\s+(?P<whole>[^,;:.]{2,60}?),\s*$")
_PARTITIVE_OF = re.compile(r"\s+of\s+(?:the|those|these|its|their|all)\s+")

#: Where a part is: "in Britain", "across the UK", "in the Netherlands", or a place adjective after a
#: linking verb ("were British"). A place is one to four capitalised words.
_PLACE_PHRASE = re.compile(
    r"\b(?:(?:in|across|throughout|within|inside)\s+(?:the\s+)?|(?:were|are|was|is)\s+)"
    r"(?P<place>(?-i:[A-Z])[\w.'’-]*(?:\s+(?:of\s+)?(?-i:[A-Z])[\w.'’-]*){0,3})",
    re.IGNORECASE,
)


def _sentence_figures(article: Article, s_start: int, s_end: int, published: date | None,
                      prev_event: str | None, prev_counted: str | None, before: Sequence[FigureMention],
                      implied: Mapping[str, str], *, sentence_has_event: bool) -> list[FigureMention]:
    """The figures of one sentence; ``before`` are the article's figures before it, which a count may
    refer back to ("the real figure was …"); ``implied`` are the :data:`NOUN_EVENTS` the article's
    words allow; ``sentence_has_event`` whether the sentence names an event (see :func:`_last_event`)."""
    text = article.text
    numbers = find_numbers(text, s_start, s_end)
    if not numbers:
        return []
    sentence = Span.of(article, s_start, s_end)
    attributed = _attribution(text, s_start, s_end)
    dates = _sentence_dates(text, s_start, s_end, published)
    history = _tells_history(text, s_start, s_end, published)
    out: list[FigureMention] = []
    for i, n in enumerate(numbers):
        nxt = numbers[i + 1].start if i + 1 < len(numbers) else s_end
        prv = numbers[i - 1].end if i > 0 else s_start
        counted, noun_end, adjective = _counted(text, n, nxt)
        named = counted is not None
        toll = None if named else _toll_before(text, s_start, numbers[:i], n)
        event = _event_after(text, noun_end, nxt, counted) or _event_before(text, prv, n.start) or toll
        if event is None and counted in SUBSTANCE_AMOUNTS:
            event = _substance_event(text, noun_end, nxt)
        if event is None and named and (text[n.end : noun_end].split() or [""])[-1].lower() in LIVES_WORDS \
                and LIVES_TAKEN.search(text, max(prv, n.start - 30), n.start):
            event = "killed"  # "has claimed 14 lives"
        if n.unit is not None and _is_money(n.unit):
            event = _money_event(text, s_start, prv, n, nxt, event, out)
        event = event or _loose_event_after(text, noun_end, nxt) or adjective
        event = event or _event_around_count(text, noun_end, numbers[i + 1 :], s_end)
        if n.unit in SCALE_UNITS or n.unit in LENGTH_UNIT_NAMES:  # a reading of a scale or a length is not
            event = None  # a count of anything an event happened to
        if n.unit is not None and event in EVENT_NOUNS:  # "a loss of $31m" is no job cut
            event = None
        if n.unit == POINTS_UNIT:  # a change in a rate takes its event from the verb that made it
            event = _rate_move(text, s_start, n)
        if (event is None and n.unit is None and (not named or counted in GENERIC_COUNTED)
                and REFERRING_FIGURE.search(text, max(s_start, n.start - 80), n.start)):
            referred = _last_class([*before, *out])  # "the real figure was nearly 1,400"
            if referred:
                (counted, event), named = referred, True
        if event is None and n.unit is None:  # "26,000 of the recalled cars are in the UK"
            whole = _whole_of_part(text, s_start, n, noun_end, counted, nxt)
            if whole:
                counted, named = whole[0] or _GENERIC, True
                # The whole is one the article counted before ("the vehicles affected" are those recalled):
                # its event is the one that count gave, else the one the whole's own words give.
                earlier = _last_class([*before, *out], counted)
                whole_event = earlier[1] if earlier else whole[1]
                # A part in a place is its own class, "recalled in United Kingdom", kept apart from the
                # whole and from parts elsewhere.
                event = f"{whole_event} in {whole[2]}" if whole_event else None
        owner, sized = _owner(text, s_start, s_end, n)
        sized = sized or n.unit in STATE_UNITS  # how long or how deep those trapped were is one amount
        # A length names what it counts by its unit ("18 km"), as "18 kilometres" named a noun before.
        elided = counted is None and owner is None and n.unit not in LENGTH_UNIT_NAMES
        # A toll names what it counts (deaths), so its number takes no noun from the counts before it.
        if counted is None and n.unit is None and toll is None and not _head_event_noun(text, n.end):
            counted = _elided_counted(out, prev_counted)
            elided = counted is None
        if event is None and out and _joined(text, out[-1].span.end, n.start):
            event = out[-1].event
        if event is None and not sentence_has_event and not elided and n.unit is None \
                and prev_event not in MONEY_ONLY_EVENTS and counted not in implied:
            event = prev_event
        counted = (f"{owner} ({n.unit})" if owner else n.unit) or counted or _GENERIC
        if event is None and counted in implied and n.unit is None:
            event = implied[counted]
        if counted == "cases" and event == NOUN_EVENTS["cases"]:
            disease = _disease(text, n, noun_end, nxt)
            event = f"{event} with {disease}" if disease else event
        if counted == _GENERIC and event in EVENT_NOUNS:
            counted = EVENT_NOUNS[event]
        if event in EVENT_AGENTS and counted not in THING_CLASSES and not _is_unit_class(counted):
            counted, elided = EVENT_AGENTS[event], False
        if not named and n.kind == "exact" and out and _coordinated(text, out[-1], n):
            n = replace(n, qualifier=out[-1].qualifier, kind=out[-1].reading)
        if not _is_figure(n, named, event):
            continue
        span = Span.of(article, n.start, max(n.end, noun_end))
        out.append(FigureMention(
            value=n.value, low=n.low, high=n.high, qualifier=n.qualifier, counted=counted, event=event,
            about=about_label(counted, event), attributed_to=attributed,
            as_of=_nearest_date(text, _figure_dates(text, s_start, dates, span.start), span.start, span.end),
            span=span,
            sentence=sentence, elided=elided, step=n.step, reading=n.kind, sized=sized,
            earlier=history or _EARLIER_COUNT.search(text, max(s_start, n.start - 80), n.start) is not None
            or bool(out and out[-1].earlier and _SHARED_PREDICATE.fullmatch(text[out[-1].span.end : n.start])),
            part=_PARTITIVE_OF.match(text, n.end) is not None and _PART_OF_WHOLE.match(text, n.end) is None,
        ))
    return _share_event_backwards(text, out)


#: Between two counts that one verb tells of: "14 pupils and two teachers died", "3,000 residents of
#: Marrow Point and two nearby villages were evacuated" (the place names belong to the first count).
_SHARED_PREDICATE = re.compile(
    r"\s+(?:of\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3}\s+)?(?:and|or|as well as)\s+", re.IGNORECASE)


#: Words right before a count that make it an earlier report the article looks back on.
_EARLIER_COUNT = re.compile(
    r"\b(?:(?:first|earlier|initial|previous|original|preliminary|prior|older|old)\s+(?:official\s+)?"
    r"(?:estimates?|figures?|counts?|tolls?|tally|tallies|totals?|forecasts?|projections?)"
    r"(?:\s+(?:of|was|were|had been|stood at|put (?:it|them|the \w+) at))?"
    r"|(?:up|down|revised|raised|lowered|increased|reduced|risen|rose|fell|fallen) from"
    # "far fewer than the up to 1.2 million it had feared": a figure compared against, not reported.
    r"|(?:fewer|more|less|lower|higher|smaller|larger|greater) than (?:the|an?|its|their)"
    # "258 cases were registered, against 214 the day before": the count compared against.
    r"|,\s*(?:as\s+)?against|compared\s+(?:with|to))\s+$",
    re.IGNORECASE,
)


def _share_event_backwards(text: str, found: list[FigureMention]) -> list[FigureMention]:
    """"14 pupils and two teachers died": a count joined by "and" to the next one shares the event named
    after that one, as the earlier count takes over an event named before it ("killed 30 and hurt 4")."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        m, nxt = out[i], out[i + 1]
        if m.event is None and nxt.event is not None and m.counted not in SCALE_UNITS and nxt.counted not in SCALE_UNITS \
                and not _head_event_noun(text, nxt.span.end) \
                and _SHARED_PREDICATE.fullmatch(text[m.span.end : nxt.span.start]):
            out[i] = replace(m, event=nxt.event, about=about_label(m.counted, nxt.event))
    return out


def _head_event_noun(text: str, pos: int) -> bool:
    """Whether the word right after ``pos`` is an event told as the count's noun ("11 *deaths*")."""
    tok = _word_after(text, pos)
    return tok is not None and tok.group(0).lower() in EVENT_HEAD_NOUNS


def _word_after(text: str, pos: int) -> re.Match[str] | None:
    """The word after ``pos`` with one space between ("an 80% *stake*"), if there is one."""
    return _TOKEN.match(text, pos + 1) if text[pos : pos + 1] == " " else None


def _money_event(text: str, s_start: int, prv: int, n: NumberMatch, nxt: int, event: str | None,
                 out: Sequence[FigureMention]) -> str | None:
    """The event of an amount of money: the one already found, else a verb of :data:`MONEY_EVENTS_BEFORE`
    right before it, money taken "out of" its victims (:data:`MONEY_TAKEN_FROM`), a form of
    :data:`MONEY_EVENTS_AFTER` after it, or the event of the amount it converts (:data:`CONVERSION_GAP`)."""
    if event is not None:
        return event
    gap = text[prv : n.start]
    for cls, verb in _MONEY_BEFORE_RES:
        if verb.search(gap):
            return cls
    if MONEY_TAKEN_FROM.search(text, max(s_start, n.start - 120), n.start):
        return "embezzled"
    for _, tok in _linked_words(text, n.end, nxt):
        for cls, form in _MONEY_AFTER_RES:
            if form.match(text, tok.start(), nxt):
                return cls
    if out and _is_money(out[-1].counted) and out[-1].counted != n.unit \
            and CONVERSION_GAP.fullmatch(text[out[-1].span.end : n.start]):
        return out[-1].event
    return None


def _disease(text: str, n: NumberMatch, noun_end: int, limit: int) -> str | None:
    """The disease a count of cases names: "40 measles cases", "120 cases of dengue" (see :data:`CASE_WORDS`)."""
    # Hand-written: one word before the noun or after "of"; no parser is loaded here.
    before = [t.group(0) for t in _TOKEN.finditer(text, n.end, noun_end)][:-1]
    after = re.match(r"\s+of\s+([^\W\d_][\w-]*)", text[noun_end:limit])
    for word in (before[-1] if before else None, after.group(1) if after else None):
        if word and word.lower() not in CASE_WORDS and word.lower() not in NOUN_STOPS \
                and word.lower() not in VAGUE_SUBJECTS and word.lower() not in _POSSESSIVES:
            return word.lower()
    return None


def _tells_history(text: str, s_start: int, s_end: int, published: date | None) -> bool:
    """Whether the sentence tells of a past year (see :data:`PAST_YEAR`)."""
    for m in PAST_YEAR.finditer(text[s_start:s_end]):
        if m.group("year") is None:
            return True
        if published is not None and int(m.group("year")) < published.year:
            return True
    return False


def _is_figure(n: NumberMatch, named: bool, event: str | None) -> bool:
    # "one of them", "two men": a small number is a figure only when it counts a noun it names in an event
    # ("two soldiers were captured"); from three up any count of something is kept.
    if n.value < 3 and n.kind != "vague" and n.unit is None:
        return named and event is not None
    return True


def _counted(text: str, n: NumberMatch, limit: int) -> tuple[str | None, int, str | None]:
    """(class of the noun the number counts, end of that noun, event of a participle before the noun) or
    (None, end of the number, None). "23 derailed wagons" gives the event; "four of the derailed wagons"
    does not, since the event belongs to the whole the four are part of."""
    if n.unit is not None:
        return None, n.end, None
    whole = _PART_OF_WHOLE.match(text, n.end)
    if whole:  # "42 of the 90 seats": the part counts the whole's noun
        tok = _TOKEN.match(text, whole.end())
        cls, end = _counted_at(text, whole.end(), len(text))
        if cls:
            return cls, end, None
        if tok and _plural_noun(tok.group(0)):
            return tok.group(0).lower(), tok.end(), None
    tokens = list(_TOKEN.finditer(text, n.end, limit))[:6]
    if not tokens or not re.fullmatch(r"\s{1,2}", text[n.end : tokens[0].start()]):
        return None, n.end, None
    adjective: str | None = None
    partitive = False
    for i, tok in enumerate(tokens):
        cls, end = _counted_at(text, tok.start(), limit)
        if cls:
            return cls, end, None if partitive else adjective
        word = tok.group(0).lower()
        if word in ("of", "the") and i < 2:  # "300 of the soldiers"
            partitive = True
            continue
        participle = _participle_event(text, tokens, i, limit)
        if participle:
            adjective = participle
            continue
        if word in NOUN_STOPS or _event_at(text, tok.start(), _AFTER_ANY, _AFTER_CLASS):
            break
        if _plural_noun(tok.group(0)):
            return word, tok.end(), None if partitive else adjective
        # Only adjectives and names ("Chilean", "unarmed") stand between a number and its noun.
        following = tokens[i + 1].start() if i + 1 < len(tokens) else tok.end()
        if not re.fullmatch(r"[\s\-]*", text[tok.end() : following]):
            break
    return None, n.end, None


_PART_OF_WHOLE = re.compile(r"\s+of\s+(?:the|its|their|all)\s+\d[\d,.]*\s+")


def _participle_event(text: str, tokens: list[re.Match[str]], i: int, limit: int) -> str | None:
    """The event of a one-word participle used as an adjective, "injured" in "40 injured climbers": it is
    one only when a counted noun or a plural follows it directly."""
    tok = tokens[i]
    found = _event_at(text, tok.start(), _AFTER_ANY, _AFTER_CLASS)
    if not found or not tok.group(0).lower().endswith("ed") or i + 1 >= len(tokens):
        return None
    nxt = tokens[i + 1]
    if not re.fullmatch(r"\s{1,2}", text[tok.end() : nxt.start()]):
        return None
    if _counted_at(text, nxt.start(), limit)[0] or _plural_noun(nxt.group(0)):
        return found
    return None


def _counted_at(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    m = _COUNTED_RE.match(text, pos, limit)
    if not m:
        return None, pos
    return _COUNTED_CLASS[re.sub(r"\s+", " ", m.group(0).lower())], m.end()


def _plural_noun(word: str) -> bool:
    # An unlisted lower-case plural right after the number ("500 officers", "three generals").
    return (word.islower() and word.isalpha() and len(word) > 3 and word.endswith("s")
            and not word.endswith(("ss", "us", "ous")) and word not in NOUN_STOPS)


def _elided_counted(earlier: list[FigureMention], prev_counted: str | None) -> str | None:
    """"240 miners were killed and 1,900 injured": a bare count takes the noun of the count before it
    in the sentence, or else of the last named count in the paragraph."""
    for m in reversed(earlier):
        # A share or an amount of money ("58.2 percent", "$3m") lends no noun to a bare count after it.
        if not m.elided and m.counted != _GENERIC and not _is_unit_class(m.counted):
            return m.counted
    return prev_counted


def _is_unit_class(counted: str) -> bool:
    """A share, a scale reading, a length or an amount of money rather than a count of things."""
    return counted == "percent" or counted in LENGTH_UNIT_NAMES or counted.endswith(")") or _is_money(counted)


def _is_money(counted: str) -> bool:
    return re.fullmatch(r"[A-Z]{3}", counted) is not None


def _coordinated(text: str, prev: FigureMention, n: NumberMatch) -> bool:
    """"about 180 dead and 3,400 wounded": an approximating qualifier covers a bare count coordinated with
    the one it stands before. Floors and ceilings ("at least") are not spread: they are facts about one count."""
    if prev.reading not in ("approx", "below"):
        return False
    between = text[prev.span.end : n.start]
    return re.fullmatch(r"[^.;:,]{0,40}\s(?:and|or)\s+(?:another\s+|a further\s+)?", between) is not None


def _joined(text: str, prev_end: int, start: int) -> bool:
    return re.fullmatch(r"[\s,]*(?:and|or|as well as|plus)?[\s,]*", text[prev_end:start]) is not None


def _linked_words(text: str, pos: int, limit: int) -> Iterator[tuple[int, re.Match[str]]]:
    """The words right after a count, numbered, past :data:`LINKING_WORDS` and adverbs to the first other
    word, which is the last given: at most six, and none past a bracket, ";" or ":"."""
    end = re.search(r"[;:()\[\]]", text[pos:limit])
    stop = pos + end.start() if end else limit
    for i, tok in enumerate(_TOKEN.finditer(text, pos, limit)):
        if i > 5 or tok.start() > stop:
            return
        yield i, tok
        word = tok.group(0).lower()
        if word not in LINKING_WORDS and not word.endswith("ly"):
            return


def _event_after(text: str, pos: int, limit: int, counted: str | None = None) -> str | None:
    """Event named right after the count, past linking words: "300 soldiers have been killed"."""
    for i, tok in _linked_words(text, pos, limit):
        if i == 0 and counted is not None:
            verb = _verb_after_class(tok.group(0), counted)
            if verb:
                return verb
        if COMBINED_EVENT.match(text, tok.start(), limit):
            return "casualties"
        found = _event_at(text, tok.start(), _AFTER_ANY, _AFTER_CLASS)
        if found:
            return found
    return None


#: What ends the clause after a count in which a later event word is still the count's: "6,000
#: firefighters from the north, volunteers, have been deployed", not "… *but* 40 homes were destroyed".
CLAUSE_END = re.compile(r"[;:]|\b(?:but|while|whereas)\b")
#: How many words after a count its clause is read for an event.
CLAUSE_REACH = 12


def _clause_words(text: str, pos: int, limit: int) -> Iterator[tuple[int, re.Match[str]]]:
    """The words of ``text[pos:limit]``, numbered, up to :data:`CLAUSE_END` or :data:`CLAUSE_REACH` words."""
    end = CLAUSE_END.search(text[pos:limit])
    stop = pos + end.end() if end else limit
    for i, tok in enumerate(_TOKEN.finditer(text, pos, limit)):
        if i > CLAUSE_REACH or tok.start() >= stop:
            return
        yield i, tok


def _loose_event_after(text: str, pos: int, limit: int) -> str | None:
    """Event later in the same clause: "6,000 firefighters from the north, volunteers, have been deployed"."""
    for i, tok in _clause_words(text, pos, limit):
        # A relative clause further on tells of a nearer noun: "cracks in two of the pillars and recommended
        # works that were never executed". Right after the count it is the count's own ("40 homes that burned").
        if i > RELATIVE_REACH and tok.group(0).lower() in RELATIVE_WORDS:
            return None
        if COMBINED_EVENT.match(text, tok.start(), limit):
            return "casualties"
        found = _event_at(text, tok.start(), _AFTER_ANY, _AFTER_CLASS)
        if found:
            return found
    return None


#: Words opening a relative clause, and how many words after a count one still describes the counted noun.
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose"})
RELATIVE_REACH = 3


def _event_around_count(text: str, pos: int, later: Sequence[NumberMatch], s_end: int) -> str | None:
    """"47,600 individuals were staying in 312 evacuation centres": the event phrase after a count may hold
    another count ("in evacuation centres" with "312" inside). Read without that inner count, a phrase that
    spans the place where it stood is the first count's event. A phrase wholly after the inner count tells
    of that count alone ("200 guests in 12 hotels that were evacuated"), so it is not taken."""
    if not later or later[0].unit is not None:
        return None
    inner = later[0]
    limit = later[1].start if len(later) > 1 else s_end
    # Hand-written: the event tables are matched on the clause with the inner count cut out, and a match
    # must reach across the cut; no phrase library models "a phrase with a number inside".
    joined = text[pos : inner.start] + text[inner.end : limit]
    cut = inner.start - pos
    for _, tok in _clause_words(joined, 0, len(joined)):
        if tok.start() >= cut:
            return None
        m = _AFTER_ANY.match(joined, tok.start())
        if m and m.end() > cut:
            return _AFTER_CLASS[re.sub(r"\s+", " ", m.group(0).lower())]
    return None


def _verb_after_class(word: str, counted: str) -> str | None:
    """The event of a word that is a verb only right after a noun of a fitting class (VERBS_AFTER_CLASS)."""
    for (cls, event), forms in VERBS_AFTER_CLASS.items():
        if cls == counted and word.lower() in forms:
            return event
    return None


def _toll_before(text: str, s_start: int, earlier: Sequence[NumberMatch], n: NumberMatch) -> str | None:
    """"The death toll from Monday's 5.9 quake rose to 40": a toll noun earlier in the sentence gives its
    event to the count a linking verb hands it, unless an earlier count already took it."""
    head = text[s_start : n.start]
    last = None
    for m in _TOLL_RE.finditer(head):
        last = m
    if last is None:
        return None
    # "put the crowd at 12,000": a toll phrase that ends in its own preposition needs no linking verb.
    adjacent = last.group(0).lower().endswith((" at", " was")) and not head[last.end():].strip()
    if not adjacent and not TOLL_LINK.search(head):
        return None
    toll_end = s_start + last.end()
    if re.search(r"[;:]", text[toll_end : n.start]):
        return None
    for e in earlier:  # "the death toll rose to 12 as the number of homes destroyed reached 40"
        if e.start >= toll_end and TOLL_LINK.search(text[s_start : e.start]):
            return None
    return _TOLL_CLASS[re.sub(r"\s+", " ", last.group(0).lower())]


def _rate_move(text: str, s_start: int, n: NumberMatch) -> str | None:
    """The event of a change counted in percentage points (see :data:`RATE_MOVES`): a verb earlier in its
    clause with "by" right before the number, or a noun right after it."""
    after = re.match(r"[\s-]+([a-z]+)", text[n.end : n.end + 20], re.IGNORECASE)
    head = text[max(s_start, n.start - 120) : n.start]
    clause = re.split(r"[;:]|,\s", head)[-1]
    verbs = [w.lower() for w in _TOKEN.findall(clause)] if re.search(r"\bby\s+$", clause) else []
    for event, (before, nouns) in sorted(RATE_MOVES.items()):
        if after and after.group(1).lower() in nouns:
            return event
        if any(v in before for v in verbs):
            return event
    return None


def _owner(text: str, s_start: int, s_end: int, n: NumberMatch) -> tuple[str | None, bool]:
    """(noun a percentage, an amount of money or a length belongs to, whether it is one amount) or
    (None, False): "a $2.1bn term lending facility" → ("facility", True); "cut its policy rate by 25 basis
    points to 5.25%" → ("rate", False); "defence spending will rise to €7.2bn" → ("defence spending",
    True); "an 80% stake" → ("stake", False); "the 240-metre bridge" → ("bridge", True). See
    :data:`AMOUNT_NOUNS`, :data:`LEVEL_NOUNS`, :data:`SHARE_NOUNS` and :data:`STAKE_NOUNS`."""
    if n.unit is None or n.unit in SCALE_UNITS or n.unit == POINTS_UNIT:
        return None, False
    head_start = max(s_start, n.start - 160)
    head = text[head_start : n.start]
    if n.unit in LENGTH_UNIT_NAMES:
        length_owner = _length_owner(text, head_start, s_end, n)
        return length_owner, length_owner is not None
    if n.unit == "percent":
        m = _LEVEL_RE.search(head)
        if m:
            return _singular(m.group("noun")), False
        m = _OUTCOME_RE.search(head)
        if m:
            return m.group("noun").lower(), True
        after = _word_after(text, n.end)
        if after and after.group(0).lower() in STAKE_NOUNS:
            return "stake", False
        return _noun_before_link(text, s_start, head_start, n.start, SHARE_NOUNS), False
    if re.search(r"\b(?:an?|the|its|their|his|her|this|that)\s+$", head):
        words = list(_TOKEN.finditer(text, n.end, min(s_end, n.end + 60)))[:4]
        # "a $2.1bn term lending facility": the noun closes a compound of up to three modifiers.
        for i, w in enumerate(words):
            if _singular(w.group(0).lower()) in AMOUNT_NOUNS:
                return _narrowed(text, s_start, _singular(w.group(0).lower()), words[i - 1] if i else None,
                                 w.start()), True
            if w.group(0).lower() in NOUN_STOPS:
                break
    verb = _AMOUNT_VERB_RE.search(head)
    if verb and not _SPENT_ON.match(text, n.end):  # "plans to spend €84bn", not "spent €2m on lawyers"
        return _AMOUNT_VERB_CLASS[verb.group("verb").lower()], True
    owner = _noun_before_link(text, s_start, head_start, n.start, AMOUNT_NOUNS)
    return (owner, True) if owner else (None, False)


#: Possessive words that, right before a bare amount noun, refer back to an owner named elsewhere: "its
#: budget grows to €7.2bn" may be any part's budget, so the noun alone does not say which amount it is.
_POSSESSIVES = frozenset(_words("its their his her our"))
_AMOUNT_VERB_CLASS = {form: cls for cls, forms in AMOUNT_VERBS.items() for form in forms}
_AMOUNT_VERB_RE = re.compile(
    rf"\b(?P<verb>{alternation(_AMOUNT_VERB_CLASS)})\s+"
    r"(?:(?:an?\s+)?(?:additional|extra|further|another)\s+)?$",
    re.IGNORECASE,
)
_SPENT_ON = re.compile(r"(?:\s+[\w-]+){0,2}?\s+on\b", re.IGNORECASE)


def _noun_before_link(text: str, s_start: int, head_start: int, pos: int, nouns: frozenset[str]) -> str | None:
    """The amount noun that a linking phrase right before ``pos`` hands the number to ("the deficit is
    forecast at", "defence spending will rise to", "a deal worth"), with a modifier that narrows it to a
    part ("defence spending"; see :data:`WHOLE_MODIFIERS`), read as its class (:data:`AMOUNT_CLASSES`)."""
    head = text[head_start:pos]
    link = AMOUNT_LINK.search(head) or MOVE_LINK.search(head)
    if not link:
        return None
    tokens = list(_TOKEN.finditer(text, head_start, head_start + link.start()))
    if not tokens or text[tokens[-1].end() : head_start + link.start()].strip(",") != "":
        return None
    noun = _singular(tokens[-1].group(0).lower())
    if noun not in nouns:
        return None
    before = tokens[-2] if len(tokens) > 1 else None
    if before and before.group(0).lower() in _POSSESSIVES and re.fullmatch(r"\s+", text[before.end() : tokens[-1].start()]):
        return None
    return _narrowed(text, s_start, noun, before, tokens[-1].start())


def _narrowed(text: str, s_start: int, noun: str, before: re.Match[str] | None, noun_start: int) -> str:
    """The class of an amount noun (:data:`AMOUNT_CLASSES`), narrowed to a part by the word right before
    it if the noun is an aggregate (:data:`AGGREGATE_NOUNS`): "defence spending", "the health budget" →
    "health spending"; "total spending" stays "spending"."""
    cls = AMOUNT_CLASSES.get(noun, noun)
    if noun not in AGGREGATE_NOUNS or before is None:
        return cls
    word = before.group(0)
    if not re.fullmatch(r"\s+", text[before.end() : noun_start]):  # "spending, up 14%": no modifier
        return cls
    # A capitalised word is a name ("Finland's", "the Kessler deal") unless it opens the sentence.
    opens = re.fullmatch(r"[\s\"“‘']*", text[s_start : before.start()]) is not None
    if (not word.isalpha() or (word[0].isupper() and not opens) or word.lower() in NOUN_STOPS
            or word.lower() in WHOLE_MODIFIERS or word.lower() in VAGUE_SUBJECTS or word.lower() in _POSSESSIVES):
        return cls
    return f"{word.lower()} {cls}"


def _length_owner(text: str, head_start: int, s_end: int, n: NumberMatch) -> str | None:
    """The thing a length measures: the noun after a length written as a modifier ("the 240-metre bridge",
    "a 6km stretch", "a 40 km detour"), the noun before "of" ("a detour of about 40 km"), or a stretch a
    verb names ("the slick stretches for 12 km"). None for a length of nothing named ("18 km north-east
    of the town", "four metres above its normal level")."""
    head = text[head_start : n.start]
    if LENGTH_VERBS.search(head):
        return "stretch"
    unit = re.search(r"[^\W\d_]+$", text[n.num_start : n.end])
    modifier = re.search(r"[-–]", text[n.num_start : n.end]) is not None or (
        unit is not None and unit.group(0).lower() in _LENGTH_MODIFIER_FORMS)
    after = _word_after(text, n.end) if n.end < s_end else None
    if modifier and after:
        word = after.group(0)
        if word.islower() and word not in NOUN_STOPS and word not in LENGTH_NOT_OWNERS:
            return word
    of = re.search(r"\b(?P<noun>[a-z][a-z-]+),?\s+of\s+$", head)
    if of and of.group("noun") not in NOUN_STOPS and of.group("noun") not in LENGTH_NOT_OWNERS:
        return of.group("noun")
    return None


#: Forms of a length unit that make it a modifier of the noun after it ("a 240 metre bridge", "a 6km
#: stretch"): the singular and the abbreviations. A plural ("12 kilometres below") is a modifier only
#: when hyphenated.
_LENGTH_MODIFIER_FORMS = frozenset(_words("metre meter kilometre kilometer km ft foot mile"))


def _substance_event(text: str, pos: int, limit: int) -> str | None:
    """A verb later in the clause that says a measured amount got out (see :data:`SUBSTANCE_EVENTS`)."""
    for _, tok in _clause_words(text, pos, limit):
        for event, forms in SUBSTANCE_EVENTS.items():
            if tok.group(0).lower() in forms:
                return event
    return None


def _singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") and noun[:-1] in AMOUNT_NOUNS | LEVEL_NOUNS else noun


def _event_before(text: str, start: int, pos: int) -> str | None:
    """Verb that takes the count as its object: "police arrested 150", "accused X of sending 8,000",
    "the death toll rose to 250"; only the words of :data:`OBJECT_GAP` may stand between."""
    tokens = list(_TOKEN.finditer(text, start, pos))[-7:]
    for tok in reversed(tokens):
        found = _event_at(text, tok.start(), _BEFORE_ANY, _BEFORE_CLASS)
        if found:
            verb_end = _BEFORE_ANY.match(text, tok.start()).end()  # type: ignore[union-attr]
            if found == "on board" and CAPACITY_BEFORE.search(text, max(0, tok.start() - 40), tok.start()):
                return None
            return found if OBJECT_GAP.fullmatch(text, verb_end, pos) else None
    return None


def _event_at(text: str, pos: int, regex: re.Pattern[str], classes: Mapping[str, str]) -> str | None:
    m = regex.match(text, pos)
    return classes[re.sub(r"\s+", " ", m.group(0).lower())] if m else None


def _last_event(text: str, start: int, end: int) -> str | None:
    """The last event word of a sentence, which a following sentence without one inherits."""
    last: str | None = None
    skip_until = start
    for tok in _TOKEN.finditer(text, start, end):
        if tok.start() < skip_until:
            continue
        combined = COMBINED_EVENT.match(text, tok.start(), end)
        if combined:
            last, skip_until = "casualties", combined.end()
            continue
        found = (_event_at(text, tok.start(), _AFTER_ANY, _AFTER_CLASS)
                 or _event_at(text, tok.start(), _BEFORE_ANY, _BEFORE_CLASS))
        last = found or last
    return last


def about_label(counted: str, event: str | None) -> str:
    """Readable name of a class: ("soldiers", "casualties") → "soldiers killed or wounded"."""
    if event is None or NOUN_EVENTS.get(counted) == event:
        return counted
    if counted == "cases" and event.startswith(f"{NOUN_EVENTS['cases']} with "):
        return f"{event.split(' with ', 1)[1]} cases"
    return f"{counted} {EVENT_LABELS.get(event, event)}"


# --- attribution and date ------------------------------------------------------------------------------


def _attribution(text: str, s_start: int, s_end: int) -> str | None:
    """Who the sentence says the figure comes from: "according to X" first, then "X said", then "citing X"."""
    sentence = text[s_start:s_end]
    by_phrase: dict[str, str] = {}
    counted_by = BY_COUNT.search(sentence)
    if counted_by:  # "By the union's count, nearly 1,400 …"
        by_phrase["per"] = counted_by.group("source").strip()
    for m in ATTRIBUTION_BEFORE.finditer(sentence):
        source = _source_after(sentence, m.end())
        if source:
            by_phrase.setdefault("citing" if m.group(0).lower().startswith(("citing", "quoting")) else "per",
                                 source)
    subjects = [s for s in (_subject_before(sentence, m.start()) or _inverted_subject(sentence, m)
                            for m in ATTRIBUTION_VERBS.finditer(sentence)) if s]
    # A named source ("the Red Cross said") beats an anonymous one ("estimates suggest") in the same sentence.
    named = [s for s in subjects if any(w[:1].isupper() for w in s.split())]
    if named or subjects:
        by_phrase["said"] = (named or subjects)[0]
    for kind in ("per", "said", "citing"):
        if kind in by_phrase:
            return by_phrase[kind]
    return None


def _source_after(sentence: str, pos: int) -> str | None:
    m = re.match(r"[^,;:.“”\"()—–]+", sentence[pos:])
    if not m:
        return None
    words = m.group(0).split()
    # The source ends where a clause starts: "according to police, who said …", "citing officials that …".
    cut = next((i for i, w in enumerate(words) if w.lower() in ("that", "who", "which", "on", "as")), len(words))
    words = words[: min(cut, 14)]
    while words and words[-1].lower() in NOUN_STOPS:  # a source cut short must not end on "of"
        words.pop()
    return _clean_source(" ".join(words))


def _inverted_subject(sentence: str, verb: re.Match[str]) -> str | None:
    """"…, said Maria Ortiz, a spokeswoman": the speaker follows a verb that opens its clause."""
    if not re.search(r"[,“”\"]\s*$", sentence[: verb.start()]):
        return None
    if sentence[verb.end() : verb.end() + 1] != " ":
        return None
    source = _source_after(sentence, verb.end() + 1)
    # "…, said more than 300 schools were shut": what follows is the statement, not a speaker.
    if source and (any(c.isdigit() for c in source) or _CLAUSE_VERB.search(source)):
        return None
    return source


def _subject_before(sentence: str, verb_start: int) -> str | None:
    # "The union, which called the strike, said": the subject stands before its relative clause.
    head = RELATIVE_CLAUSE_END.sub("", sentence[:verb_start])
    # The subject starts after the last clause break: a quote, a comma, "that" or a semicolon.
    breaks = [m.end() for m in re.finditer(r"[,;:“”\"«»—–]|\bthat\b", head)]
    start = breaks[-1] if breaks else 0
    subject = head[start:]
    # "Chile, Peru and the UN said": a list of names reaches back over its commas.
    while start > 0 and head[start - 1] == "," and " and " in subject:
        prev = head[: start - 1]
        item = re.search(r"(?:^|[,;:“”\"])\s*([A-Z][\w'’.\- ]{0,30})$", prev)
        if not item:
            break
        start = item.start(1)
        subject = head[start:]
    subject = re.sub(r"\s+(?:on|last|this|in)\s+\w+\s*$|\s+(?:on|on the)\s*$", "", subject.strip())
    words = subject.split()
    while words and (words[-1].lower() in LINKING_WORDS or words[-1].lower().endswith("ly")):
        words.pop()  # "X have also" → X
    subject = " ".join(words)
    if not words or len(words) > 12 or any(c.isdigit() for c in subject):
        return None
    if words[-1].lower() in VAGUE_SUBJECTS or words[-1].lower() in NOUN_STOPS:
        return None
    return _clean_source(subject)


def _clean_source(s: str) -> str | None:
    s = re.sub(r"^(?:however|but|and|meanwhile|also)\b[,\s]*", "", s.strip(), flags=re.IGNORECASE)
    s = re.sub(r"^\W+|[\s,;:'\"“”’]+$", "", s)
    if not s or s.lower() in VAGUE_SUBJECTS:
        return None
    return s


def _sentence_dates(text: str, s_start: int, s_end: int, published: date | None) -> list[tuple[int, int, str]]:
    """(start, end, ISO day) of every day the sentence names; a weekday or a yearless day needs the
    article's own date to resolve. A place already taken by a longer form ("March 3, 2021") is not read
    again by a shorter one."""
    found: list[tuple[int, int, str]] = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text, s_start, s_end):
            if any(m.start() < e and s < m.end() for s, e, _ in found):
                continue
            got = _resolve_date(m, published)
            if got:
                found.append((m.start(), m.end(), got.isoformat()))
    return sorted(found)


#: Words that open a clause telling what came before the figure: a day named in it, after the figure,
#: dates that earlier happening, not the count ("trapped 300 metres down *since* the roof caved in on
#: Monday", "the toll reached 31 *after* the ferry sank on Tuesday", "nine are now known to have died *when*
#: the bridge fell on Tuesday": the count is as of the report).
EARLIER_CLAUSE = re.compile(r"\b(?:since|after|following|when)\b", re.IGNORECASE)


def _figure_dates(text: str, s_start: int, dates: Sequence[tuple[int, int, str]],
                  fig_start: int) -> list[tuple[int, int, str]]:
    """The sentence's days less those in a clause of what came before (see :data:`EARLIER_CLAUSE`) that
    follows the figure. A clause before the figure is left alone: in "after the storm hit on Friday,
    packing winds of 185 km/h" the figure is still part of that clause."""
    kept = []
    for d in dates:
        openers = [m.start() for m in EARLIER_CLAUSE.finditer(text, s_start, d[0])]
        if not openers or openers[-1] < fig_start:
            kept.append(d)
    return kept


def _nearest_date(text: str, dates: Sequence[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The day that dates a figure: one named in the figure's own clause if any ("On Monday the storm
    flooded 40 homes, and by Thursday 900 residents had left": the homes are Monday's), and of those the
    nearest; else the nearest in the sentence. A possessive day ("Sunday's landslide") says when the
    thing it qualifies happened, not when the count was given, so it is used only when no other day is
    named: "Sunday's landslide ... has killed 63, officials said on Wednesday" is as of Wednesday. Ties
    go to the earlier date phrase."""
    plain = [d for d in dates if not _POSSESSIVE.match(text, d[1])] or list(dates)
    clause = _clause_of(text, start, end)
    own = [d for d in plain if clause[0] <= d[0] < clause[1]]
    best: tuple[int, int, str] | None = None
    for d_start, d_end, iso in own or plain:
        distance = d_start - end if d_start >= end else max(0, start - d_end)
        if best is None or (distance, d_start) < best[:2]:
            best = (distance, d_start, iso)
    return best[2] if best else None


def _clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch around a figure between clause marks (see CLAUSE_BREAK)."""
    before = [m.end() for m in CLAUSE_BREAK.finditer(text, max(0, start - 300), start)]
    after = CLAUSE_BREAK.search(text, end, end + 300)
    return (before[-1] if before else 0, after.start() if after else len(text))


def _resolve_date(m: re.Match[str], published: date | None) -> date | None:
    groups = m.groupdict()
    try:
        if groups.get("wd"):
            if published is None:
                return None
            back = (published.weekday() - WEEKDAYS[groups["wd"].lower()]) % 7
            return published - timedelta(days=back)
        month = int(groups["m"]) if groups.get("m") else MONTHS[groups["mon"].lower()]
        day = int(groups["d"])
        if groups.get("y"):
            return date(int(groups["y"]), month, day)
        if published is None:
            return None
        got = date(published.year, month, day)
        return got if got <= published else date(published.year - 1, month, day)
    except (ValueError, KeyError):
        return None


def _iso_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# --- grouping --------------------------------------------------------------------------------------------


def _stands_alone(m: FigureMention) -> bool:
    """Whether a count with no event can still be compared by what it counts: it names a specific noun
    or scale, not a generic one ("people", "times") or none at all."""
    return m.counted in SCALE_UNITS or (not m.elided and m.counted not in GENERIC_COUNTED)


def _join_known_classes(mentions: list[FigureMention], independent: Callable[[str], str]) -> list[FigureMention]:
    """Read a count against the other reports, as a reader would: "1,200 people evacuated" is the count
    another outlet gives as "about 1,200 residents evacuated", and "80 nurses" with no event is the count
    another gives as "80 nurses on strike". Each joins the one class whose reports from another article
    it agrees with; with none, or more than one, it stays as it was. Candidates come from the input as
    given, so the result does not depend on the order of the mentions."""
    by_class: dict[tuple[str, str], list[FigureMention]] = {}
    for m in mentions:
        if m.event is not None and not m.elided and m.counted != _GENERIC:
            by_class.setdefault((m.counted, m.event), []).append(m)

    def agreeing(m: FigureMention, keys: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [k for k in keys if any(independent(o.span.article) != independent(m.span.article)
                                       and compatible(o, m) for o in by_class[k])]

    out: list[FigureMention] = []
    for m in mentions:
        if m.event is not None and m.counted == _GENERIC:
            found = agreeing(m, sorted(k for k in by_class if k[1] == m.event))
        elif m.event is None and _stands_alone(m) and m.counted not in SCALE_UNITS:
            found = agreeing(m, sorted(k for k in by_class if k[0] == m.counted))
        else:
            found = []
        if len(found) == 1:
            counted, event = found[0]
            m = replace(m, counted=counted, event=event, about=about_label(counted, event))
        out.append(m)
    return out


def _groupable(m: FigureMention) -> bool:
    # Percentages, and money without the event it belongs to, say too little to compare across outlets;
    # "€2.3m embezzled" says what the sum is.
    return m.counted != "percent" and (m.event is not None or not _is_money(m.counted))


def _with_date(m: FigureMention, article_dates: Mapping[str, str | None]) -> FigureMention:
    if m.as_of:
        return m
    d = article_dates.get(m.span.article)
    return replace(m, as_of=d[:10] if d else None)


def _resolve_elided(mentions: list[FigureMention]) -> list[FigureMention]:
    """A bare "300 dead" joins the one noun class the other reports of deaths use, if there is just one."""
    named: dict[str, set[str]] = {}
    for m in mentions:
        if not m.elided and m.counted != _GENERIC and m.event:
            named.setdefault(m.event, set()).add(m.counted)
    out = []
    for m in mentions:
        classes = named.get(m.event or "", set())
        if m.elided and len(classes) == 1:
            counted = next(iter(classes))
            m = replace(m, counted=counted, about=about_label(counted, m.event))
        out.append(m)
    return out


def _resolve_unnamed_disease(mentions: list[FigureMention]) -> list[FigureMention]:
    """"258 cases" joins the one disease other reports name ("301 cholera cases"); with two diseases
    named it stays apart from both."""
    base = NOUN_EVENTS["cases"]
    named = {m.event for m in mentions if m.counted == "cases" and (m.event or "").startswith(f"{base} with ")}
    if len(named) != 1:
        return mentions
    event = next(iter(named))
    return [replace(m, event=event, about=about_label(m.counted, event))
            if m.counted == "cases" and m.event == base else m for m in mentions]


def _one_per_article(mentions: list[FigureMention]) -> list[FigureMention]:
    """One mention per article per reading: of those that agree, the one that names its noun and its
    source, then the first in text order."""
    kept: list[FigureMention] = []
    for m in sorted(mentions, key=lambda m: (m.span.article, m.elided, m.attributed_to is None, _position(m))):
        if not any(k.span.article == m.span.article and compatible(k, m) for k in kept):
            kept.append(m)
    # "23 people were arrested … at least two of them for assault": a count a fifth or less of another
    # the same article gives for the same class is a part of it, not a rival reading; so is one the
    # article names a part ("171 of the passengers") beside a larger count of the same class.
    return [m for m in kept if _is_unit_class(m.counted) or m.counted in SCALE_UNITS
            or not any(k.span.article == m.span.article
                       and (k.value >= SUBSET_RATIO * max(m.value, 1e-9) or (m.part and k.value > m.value))
                       for k in kept)]


#: See :func:`_one_per_article`.
SUBSET_RATIO = 5.0


def _range(m: FigureMention) -> tuple[float, float]:
    vague = (m.low or 0.0, m.high or 0.0) if m.reading == "vague" else None
    return plausible_range(m.value, m.step, m.reading, vague)


def compatible(a: FigureMention, b: FigureMention) -> bool:
    """Whether two readings can be the same figure once qualifiers are read as a reader would: "about
    13,000" and "more than 10,000" can; "at least 100" and "about 300" cannot (see numbers.plausible_range)."""
    (al, ah), (bl, bh) = _range(a), _range(b)
    if max(al, bl) <= min(ah, bh):
        return True
    # An exact count may be rounded loosely by another outlet: "1,150" is "about 1,100", "126" "about 120"
    # (half a step, or a twentieth of the value).
    exact, approx = (a, b) if a.reading == "exact" else (b, a)
    return (exact.reading == "exact" and approx.reading == "approx"
            and abs(exact.value - approx.value) <= max(0.5 * approx.step, 0.05 * approx.value))


def _clusters(mentions: list[FigureMention]) -> list[list[FigureMention]]:
    """Readings that agree, narrowest first so an open "more than" joins the value it fits best."""
    by_width = sorted(mentions, key=lambda m: (_range(m)[1] - _range(m)[0], m.value, _position(m)))
    clusters: list[list[FigureMention]] = []
    for m in by_width:
        home = next((c for c in clusters if all(compatible(m, k) for k in c)), None)
        if home is None:
            clusters.append([m])
        else:
            home.append(m)
    clusters.sort(key=lambda c: (-len(c), min(_position(m) for m in c)))
    return clusters


def _verdict(clusters: list[list[FigureMention]], article_dates: Mapping[str, str | None]) -> str:
    """agree: one reading. updated: each reading is dated strictly after the one before, by the dates the
    counts are as of or, where those tie without contradicting it, by the days of the reports ("four dead"
    reported on the 15th, "nine" as of the night of the 15th in a report of the 16th). Else differ."""
    if len(clusters) == 1:
        return "agree"
    as_of = _date_spans(clusters, lambda m: m.as_of)
    if as_of is None:
        return "differ"
    if _strictly_ordered(sorted(as_of)):
        return "updated"
    reported = _date_spans(clusters, lambda m: article_dates.get(m.span.article))
    if reported is None:
        return "differ"
    order = sorted(range(len(clusters)), key=lambda k: reported[k])
    if _strictly_ordered([reported[k] for k in order]) and all(
            as_of[a][1] <= as_of[b][0] for a, b in pairwise(order)):
        return "updated"
    return "differ"


def _date_spans(clusters: list[list[FigureMention]], date_of: Callable[[FigureMention], str | None]
                ) -> list[tuple[str, str]] | None:
    """(earliest, latest) day of each cluster's readings, or None when a reading has no date."""
    spans = []
    for c in clusters:
        days = [date_of(m) for m in c]
        if any(not d for d in days):
            return None
        spans.append((min(d[:10] for d in days), max(d[:10] for d in days)))
    return spans


def _strictly_ordered(spans: Sequence[tuple[str, str]]) -> bool:
    return all(prev[1] < nxt[0] for prev, nxt in pairwise(spans))


def _figure_value(m: FigureMention) -> FigureValue:
    return FigureValue(m.value, m.low, m.high, m.qualifier, m.as_of, m.attributed_to, m.span)


def _position(m: FigureMention) -> tuple[str, int, int]:
    return (m.span.article, m.span.start, m.span.end)


_COUNTED_CLASS = {form: cls for cls, forms in COUNTED_NOUNS.items() for form in forms}
_COUNTED_RE = re.compile(rf"(?:{alternation(_COUNTED_CLASS)})\b", re.IGNORECASE)
_AFTER_CLASS = {form: cls for cls, forms in EVENTS_AFTER.items() for form in forms}
_BEFORE_CLASS = {form: cls for cls, forms in EVENTS_BEFORE.items() for form in forms}
_TOLL_CLASS = {form: cls for cls, forms in TOLL_NOUNS.items() for form in forms}
_TOLL_RE = re.compile(rf"\b(?:{alternation(_TOLL_CLASS)})\b", re.IGNORECASE)
_LEVEL_RE = re.compile(
    rf"\b(?:{alternation(sorted(LEVEL_VERBS))})\s+(?:the|its|their|his|her|a)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?P<noun>{alternation(sorted(LEVEL_NOUNS))})\s+(?:by\s+[^,;:]{{1,50}}?\s+)?(?:to|at)\s+$",
    re.IGNORECASE,
)
_AFTER_ANY = re.compile(rf"(?:{alternation(_AFTER_CLASS)})\b", re.IGNORECASE)
_BEFORE_ANY = re.compile(rf"(?:{alternation(_BEFORE_CLASS)})\b", re.IGNORECASE)
# Hand-written: a verb, then only the words of OBJECT_GAP or "so far", then the amount.
_MONEY_BEFORE_RES = tuple(
    (cls, re.compile(rf"\b(?:{alternation(forms)})(?:\s+so\s+far)?{OBJECT_GAP.pattern}$", re.IGNORECASE))
    for cls, forms in MONEY_EVENTS_BEFORE.items())
_MONEY_AFTER_RES = tuple((cls, re.compile(rf"(?:{alternation(forms)})\b", re.IGNORECASE))
                         for cls, forms in MONEY_EVENTS_AFTER.items())
