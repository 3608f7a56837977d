"""One node for one thing named several ways in a document (run on the entity candidates, before facts).

Each rule merges a shorter or different naming into a fuller one only when exactly one candidate
fits, so that two things sharing words are never made one:

- ``merge_references``: an instrument named in full and in short ("Tuyên bố chung Việt Nam - Liên
  bang Nga" after "Tuyên bố chung về Tầm nhìn ... giữa Việt Nam và Liên bang Nga");
- ``merge_country_qualified``: an English body named with its country and later without it;
- ``merge_kind_between_parties``: an instrument named by its kind and its parties (a caption's "Lễ ký
  Thỏa thuận ... giữa X và Y") and by its full name;
- ``merge_place_qualified``: an event or mechanism named with and without its place (or, for a
  mechanism, its topic).
"""

from __future__ import annotations

from pactgraph.extract.rules import Candidate
from pactgraph.extract.tokens import TokenView


def merge_references(top: list[Candidate], nested: list[Candidate], view: TokenView) -> None:
    """One node for an instrument named in full and in short in one document.

    "Tuyên bố chung Việt Nam - Liên bang Nga" names the same declaration as "Tuyên bố chung về Tầm
    nhìn ... giữa Việt Nam và Liên bang Nga" told earlier: same head, same states or organisations
    named in it, the shorter one without a subject ("về ..."), no different numbers or years.
    """
    agreements = [c for c in top if c.entity.cls == "Agreement" and c.source == "rule"]
    inner = [c for c in nested if c.entity.cls in ("State", "InternationalOrganization")]

    def signature(c: Candidate) -> tuple[str, frozenset, frozenset, bool]:
        actors = frozenset(n.entity.key for n in inner if c.start <= n.start and n.end <= c.end)
        numbers = frozenset(t for t in view.texts[c.start : c.end] if t.isdigit())
        label = next(iter(c.entity.labels.values()))
        head = " ".join(view.norms[c.start : c.start + 2])
        return head, actors, numbers, " về " in label or " on " in label

    signed = [(c, signature(c)) for c in agreements]
    for short, (head, actors, numbers, has_subject) in signed:
        if has_subject or len(actors) < 2:
            continue
        for full, (head2, actors2, numbers2, _) in signed:
            if full is short or head2 != head or actors2 != actors or not numbers <= numbers2:
                continue
            if len(next(iter(full.entity.labels.values()))) <= len(next(iter(short.entity.labels.values()))):
                continue
            for lang, label in short.entity.labels.items():
                full.entity.add_alias(lang, label)
            short.entity = full.entity
            break


def merge_country_qualified(top: list[Candidate], nested: list[Candidate], view: TokenView) -> None:
    """One node for an English body named with its country and later without it ("the Federal Customs
    Service of Russia" ... "the Federal Customs Service"): a rule-found name that is a longer rule-found
    name of the same class less its closing "of <State>", told after it.

    Only when one such name in the document shortens to it: with "Ministry of Energy of Russia" and "of
    Laos" both named, "the Ministry of Energy" could be either. Vietnamese texts are left alone: there a
    ministry named without a country is, by the press's habit, Vietnam's own ("Bộ Ngoại giao" beside
    "Bộ Ngoại giao Nga"), not a back-reference.
    """
    bodies = [c for c in top if c.source == "rule" and c.entity.cls in ("GovernmentBody", "Company")]
    states = [n for n in nested if n.entity.cls == "State"]
    by_short: dict[tuple[str, ...], list[Candidate]] = {}
    for c in bodies:
        state = next((n for n in states if c.start < n.start and n.end == c.end), None)
        if state is None or view.norms[state.start - 1] != "of":
            continue
        cut = state.start - 1
        if cut - c.start >= 2:
            by_short.setdefault(tuple(view.norms[c.start : cut]), []).append(c)
    for c in bodies:
        fulls = by_short.get(tuple(view.norms[c.start : c.end]), [])
        owners = {f.entity.key: f for f in fulls}
        if len(owners) != 1:
            continue
        full = next(iter(owners.values()))
        if full.entity.cls != c.entity.cls or full.start > c.start or full.entity is c.entity:
            continue
        for lang, label in c.entity.labels.items():
            full.entity.add_alias(lang, label)
        c.entity = full.entity


_BETWEEN = frozenset({"giữa", "between"})
_ACTORS = frozenset({"State", "InternationalOrganization", "Company", "GovernmentBody", "Person"})


def merge_kind_between_parties(top: list[Candidate], nested: list[Candidate], view: TokenView) -> None:
    """One node for an instrument named by its kind and its parties and, elsewhere in the document, by
    its full name: "Lễ ký Thỏa thuận hợp tác chiến lược giữa Petrovietnam và Zarubezhneft" in a caption,
    "Thỏa thuận hợp tác chiến lược giai đoạn 2026-2030 về ..." in the body. The words before "giữa" /
    "between" must begin exactly one other instrument's name, and only actors follow them."""
    # a caption's "Lễ ký <instrument>" holds the instrument as a nested name
    agreements = [c for c in [*top, *nested] if c.source == "rule" and c.entity.cls == "Agreement"]
    for c in agreements:
        at = next((i for i in range(c.start + 1, c.end) if view.norms[i] in _BETWEEN), None)
        if at is None:
            continue
        parties = [n for n in nested if n.entity.cls in _ACTORS and at < n.start and n.end <= c.end]
        if not parties or parties[-1].end != c.end:
            continue
        kind = view.norms[c.start : at]
        fuller = {
            o.entity.key: o.entity
            for o in agreements
            if o.entity is not c.entity
            and o.length > len(kind)
            and view.norms[o.start : o.start + len(kind)] == kind
            and view.norms[o.start + len(kind)] not in _BETWEEN
        }
        if len(fuller) != 1:
            continue
        full = next(iter(fuller.values()))
        for lang, label in c.entity.labels.items():
            full.add_alias(lang, label)
        c.entity = full


_PLACE_WORDS = frozenset({"in", "at", "tại", "ở"})
# "Ủy ban hỗn hợp Việt Nam - Belarus" in a headline, "... về hợp tác kinh tế ..." in the body
_TOPIC_WORDS = frozenset({"về", "on", "for"})


def merge_place_qualified(top: list[Candidate], view: TokenView) -> None:
    """One node for an event or mechanism named with its place and without it in one document ("Days of
    Russian Culture" in the headline, "the Days of Russian Culture in Vietnam" in the body): a rule-found
    name that is a longer one of the same class less its closing "in/tại <...>" (a mechanism's also less
    its topic, "về/on/for <...>"). Only when one longer name shortens to it ("Vietnam Culture Days"
    beside "... in Russia" and "... in Belarus": either)."""
    named = [c for c in top if c.source == "rule" and c.entity.cls in ("Event", "Mechanism")]
    for c in named:
        own = view.norms[c.start : c.end]
        longer = {
            o.entity.key: o
            for o in named
            if o.entity.cls == c.entity.cls
            and o.length > c.length + 1
            and view.norms[o.start : o.start + c.length] == own
            and (
                view.norms[o.start + c.length] in _PLACE_WORDS
                or (c.entity.cls == "Mechanism" and view.norms[o.start + c.length] in _TOPIC_WORDS)
            )
        }
        if len(longer) != 1:
            continue
        full = next(iter(longer.values())).entity
        if full is c.entity:
            continue
        for lang, label in c.entity.labels.items():
            full.add_alias(lang, label)
        c.entity = full
