"""Events told by common nouns and verbs: visits, talks and numbered sessions, and references back.

- visits: "chuyến thăm (chính thức) <State> của <title> <Person>", "<Person> thăm (chính thức)
  <State>", "visit to <State> by <Person>", "<Person> visited <State>"; a bare "chuyến thăm" /
  "the visit" is the document's latest visit. One visit per host state and month in a document.
- talks: "<Person> (đã có buổi) hội đàm với <Person>", "hội đàm giữa X và Y", "X and Y held talks";
  a bare "hội đàm" is the document's latest talks.
- sessions: "cuộc họp / kỳ họp lần thứ N của <Mechanism>", "the Nth meeting of <Mechanism>".
- a capitalised head without a name ("đồng chủ trì Hội nghị", "the Commission") refers to the
  latest entity of the document whose name starts with that head.

The event's IRI is built from what identifies it (visitor, host, month; participants and month;
mechanism and number), so that two documents telling the same visit give one node.
"""

import re
from dataclasses import dataclass, field

from pactgraph.extract.lexicon import Triggers
from pactgraph.extract.model import Annotations, DateMention, Entity, Fact
from pactgraph.extract.rules import _PLURALS, Candidate
from pactgraph.extract.slugs import name_key, slugify
from pactgraph.extract.tokens import PhraseSet, TokenView, phrase_tokens

_INTRO = PhraseSet(
    [
        "trong",
        "nhân",
        "nhân dịp",
        "trong khuôn khổ",
        "trong dịp",
        "kết thúc",
        "during",
        "on the sidelines of",
        "at",
        "wrapping up",
        "concluding",
        "at the end of",
        "on the last day of",
    ]
)
_SESSION_QUALIFIERS = PhraseSet(
    ["đặc biệt", "thường niên", "toàn thể", "bất thường", "thường kỳ", "cấp bộ trưởng", "special", "annual"]
)
_ORDINAL_VI = re.compile(r"lần\s+thứ\s+(\w+)", re.IGNORECASE)
_ORDINAL_WORDS = {
    "nhất": "1",
    "hai": "2",
    "ba": "3",
    "tư": "4",
    "năm": "5",
    "sáu": "6",
    "bảy": "7",
    "tám": "8",
    "chín": "9",
    "mười": "10",
    "first": "1",
    "second": "2",
    "third": "3",
    "fourth": "4",
    "fifth": "5",
}
_EN_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b|\b(first|second|third|fourth|fifth)\b", re.IGNORECASE)
ACTORS = frozenset({"State", "InternationalOrganization", "Company", "GovernmentBody", "Person"})


@dataclass
class _Happening:
    kind: str  # "visit" | "talks"
    mentions: list[tuple[int, int]] = field(default_factory=list)  # view token spans
    host: Entity | None = None
    participants: list[Entity] = field(default_factory=list)
    date: DateMention | None = None
    evidence: list[tuple[tuple[int, int], str]] = field(default_factory=list)  # (sentence, role)
    date_sentence: tuple[int, int] | None = None
    told_outside_captions: bool = False
    month: str | None = None  # when known only from context (not a stated date)


@dataclass
class EventResult:
    candidates: list[Candidate] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)


def _names_hold(entity: Entity, noun: tuple[str, ...]) -> bool:
    """One of the entity's labels or aliases holds the words *noun* ("agreement" in "ASEAN-Russia Free Trade
    Agreement"; "hiệp định" is not in "Nghị định thư ...", though "định" is)."""
    n = len(noun)
    for name in [*entity.labels.values(), *(a for aliases in entity.aliases.values() for a in aliases)]:
        toks = phrase_tokens(name)
        if any(toks[i : i + n] == noun for i in range(len(toks) - n + 1)):
            return True
    return False


class EventFinder:
    def __init__(self, triggers: Triggers, heads: dict[str, PhraseSet]) -> None:
        self.lang = triggers.lang
        self.visit_heads = PhraseSet(list(triggers.get("visit_heads")))
        self.visit_verbs = PhraseSet(list(triggers.get("visit_verbs")))
        self.talks = PhraseSet(list(triggers.get("talks_words")))
        self.places = PhraseSet(list(triggers.get("places")))
        self.courtesy = PhraseSet(list(triggers.get("courtesy_words")))
        self.sessions = PhraseSet(list(triggers.get("session_heads")))
        self.heads = heads
        self.event_refs = PhraseSet(list(triggers.get("event_references")))
        self.agreement_refs = PhraseSet(list(triggers.get("agreement_references")))
        # the heads that name a kind of instrument: "the protocol" refers to a protocol only
        agreement_heads = heads.get("Agreement")
        self._agreement_kinds = frozenset(
            toks
            for options in (agreement_heads.by_first.values() if agreement_heads else ())
            for toks, _ in options
        )
        self.two_people = PhraseSet(list(triggers.get("two_people")))
        self._holds = PhraseSet(["tổ chức", "đã tổ chức", "họp", "held", "holds", "convened", "hosted"])

    def find(self, view: TokenView, top: list[Candidate], ann: Annotations) -> EventResult:
        result = EventResult()
        by_start = {c.start: c for c in top}
        covered: list[Candidate | None] = [None] * len(view)
        for c in top:
            for i in range(c.start, c.end):
                covered[i] = c
        happenings: list[_Happening] = []
        # each finder below starts with a phrase match and does nothing where none of its phrases starts:
        # visit only those tokens (the others would each cost four calls for nothing)
        openers = (self.visit_heads, self.visit_verbs, self.talks, self.sessions)
        k = 0
        for at in sorted({i for phrases in openers for i in phrases.starts(view)}):
            if at < k:
                continue  # inside what the previous step took
            k = at
            if covered[k] is not None or view.noisy[k]:
                continue
            step = (
                self._visit_noun(view, k, by_start, top, ann, happenings)
                or self._visit_verb(view, k, by_start, top, ann, happenings)
                or self._talks(view, k, by_start, top, ann, happenings)
                or self._session(view, k, by_start, ann, result)
            )
            k += step or 1
        for happening in happenings:
            self._emit(happening, view, ann, result)
        result.candidates.extend(self._references(view, top + result.candidates, covered, ann))
        result.candidates.extend(self._common_noun_references(view, top + result.candidates, covered))
        return result

    def _common_noun_references(self, view, known: list[Candidate], covered) -> list[Candidate]:  # noqa: ANN001
        """ "đồng chủ trì kỳ họp", "The meeting was co-chaired by ...", "The plan covers ...": the latest
        event (or instrument) named before, when nothing names another one right after the noun."""
        out = []
        seen = sorted(known, key=lambda c: c.start)
        candidates = sorted(set(self.event_refs.starts(view)) | set(self.agreement_refs.starts(view)))
        for k in candidates:  # only where a reference noun may start (the loop does nothing elsewhere)
            if covered[k] is not None:
                continue
            for refs, classes in ((self.event_refs, ("Event",)), (self.agreement_refs, ("Agreement",))):
                n = refs.match(view, k)
                if not n:
                    continue
                nxt = k + n
                if (
                    nxt < len(view)
                    and view.same_sentence(k, nxt)
                    and (view.is_cap(nxt) or view.norms[nxt] in ("lần", "of"))
                ):
                    continue  # "hội nghị ASEAN ...", "the meeting of ...": a name, not a reference
                start = k + 1 if view.norms[k] == "the" else k
                if k > 0 and view.norms[k - 1] in _PLURALS and view.same_sentence(k - 1, k):
                    break  # "các thỏa thuận đã đạt được": many instruments, not the latest one
                if any(c.start <= start < c.end for c in known):
                    continue  # "the Protocol on ...": the head of a name found already, no reference
                previous = [c for c in seen if c.end <= k and c.entity.cls in classes]
                if classes == ("Agreement",):
                    previous = self._same_kind(tuple(view.norms[start:nxt]), previous)
                else:
                    # "the meeting" is the latest meeting, not the talks held on its sidelines
                    noun = view.norms[nxt - 1]
                    named = [c for c in previous if noun in name_key(" ".join(c.entity.labels.values()))]
                    kinds = [c for c in previous if c.entity.slug.split("-")[0] not in ("talks", "visit")]
                    previous = named or kinds or previous
                if previous:
                    out.append(Candidate(start, nxt, previous[-1].entity, "rule", 1))
                break
        return out

    def _same_kind(self, noun: tuple[str, ...], previous: list[Candidate]) -> list[Candidate]:
        """The instruments *noun* may refer back to. A noun that is a kind of instrument ("the Protocol",
        "Hiệp định") is one of that kind only: "Hiệp định" is not the "Nghị định thư" told after the
        Hiệp định, and with none of its kind before it refers to nothing. A general noun ("the document",
        "văn bản") is any instrument, preferably one whose name holds it ("the plan": "Action Plan")."""
        named = [c for c in previous if _names_hold(c.entity, noun)]
        if noun in self._agreement_kinds:
            return named
        return named or previous

    # ------------------------------------------------------------------ visits

    def _visit_noun(self, view, k, by_start, top, ann, happenings) -> int:  # noqa: ANN001
        n = self.visit_heads.match(view, k)
        if not n:
            return 0
        j = k + n
        host = None
        if self.lang == "en" and view.norms[j : j + 1] == ["to"]:
            j += 1
        elif (
            self.lang == "vi"
            and view.norms[j : j + 1] in (["tại"], ["tới"], ["đến"], ["sang"])
            and getattr(by_start.get(j + 1), "entity", None) is not None
            and by_start[j + 1].entity.cls == "State"
        ):
            j += 1  # "chuyến thăm làm việc tại Việt Nam": the host
        cand = by_start.get(j)
        if cand is not None and cand.entity.cls == "State" and view.same_sentence(k, j):
            host = cand.entity
            end = cand.end
        elif self.places.match(view, j) and view.norms[j + self.places.match(view, j)] in ("by", "của"):
            end = j + self.places.match(view, j)  # "a visit to Hanoi by Russian Prime Minister X": the city
        else:
            end = j
        sentence = ann.sentence_of(view.starts[k])
        if sentence is None:
            return n
        named_by = self._visitor_after(view, end, top, sentence)  # "... by Russian Prime Minister X"
        visitor = (
            named_by
            or self._intro_subject(view, k, top, sentence)
            or self._subject_before(view, k, top)  # "Mishustin is on an official visit to Vietnam"
        )
        happening = self._happening_for(
            "visit", host, view, end, sentence, ann, happenings, new_if_bare=named_by is not None
        )
        if happening is None:
            return n
        happening.mentions.append((k, end))
        if host is not None and happening.host is None:
            happening.host = host
        if visitor is not None and visitor not in happening.participants:
            happening.participants.append(visitor)
            happening.evidence.append((sentence, "visitor"))
        if host is not None:
            happening.evidence.append((sentence, "host"))
        return max(end - k, n)

    def _visit_verb(self, view, k, by_start, top, ann, happenings) -> int:  # noqa: ANN001
        n = self.visit_verbs.match(view, k)
        if not n:
            return 0
        j = k + n
        cand = by_start.get(j)
        if cand is None or cand.entity.cls != "State" or not view.same_sentence(k, j):
            return 0
        sentence = ann.sentence_of(view.starts[k])
        subject = self._subject_before(view, k, top)
        if subject is None or sentence is None:
            return 0
        happening = self._happening_for("visit", cand.entity, view, cand.end, sentence, ann, happenings)
        if happening is None:
            return 0
        # "paid an official visit to Vietnam": the mention is "official visit to Vietnam"
        first = k
        while first < cand.start and view.norms[first] not in (
            "visit",
            "official",
            "state",
            "working",
            "thăm",
        ):
            first += 1
        happening.mentions.append((first, cand.end))
        happening.host = happening.host or cand.entity
        if subject not in happening.participants:
            happening.participants.append(subject)
        happening.evidence.append((sentence, "visitor"))
        happening.evidence.append((sentence, "host"))
        return cand.end - k

    def _visitor_after(self, view, end, top, sentence) -> Entity | None:  # noqa: ANN001
        """ "... của Chủ tịch nước X" / "... by President X": the person (or actor) after "của"/"by"."""
        if end >= len(view) or view.norms[end] not in ("của", "by"):
            return None
        for c in top:
            if c.start > end + 6 or c.start <= end:
                continue
            if c.entity.cls == "Person" and view.same_sentence(end, c.start):
                return c.entity
        return None

    def _intro_subject(self, view, k, top, sentence) -> Entity | None:  # noqa: ANN001
        """ "Trong chuyến thăm ..., Chủ tịch nước X ...": the first person after the opening clause."""
        start_tok = view.index_at(sentence[0])
        # the opening clause may follow a date: "Ngày 15/10, kết thúc chuyến thăm ..., Chủ tịch nước X"
        intro = next(
            (
                i
                for i in range(start_tok, min(start_tok + 7, k + 1))
                if _INTRO.match(view, i) and (i == start_tok or view.texts[i - 1] == ",")
            ),
            None,
        )
        if intro is None or k - intro > 4:
            return None
        for c in top:
            if c.start > k and c.entity.cls == "Person" and view.same_sentence(k, c.start):
                return c.entity
        return None

    def _subject_before(self, view, k, top) -> Entity | None:  # noqa: ANN001
        best = None
        for c in top:
            if c.end <= k and k - c.end <= 4 and c.entity.cls == "Person" and view.same_sentence(c.start, k):
                best = c.entity
        return best

    def _happening_for(  # noqa: ANN001
        self, kind, host, view, end, sentence, ann, happenings, new_if_bare: bool = False
    ) -> _Happening | None:
        date = self._date_after(view, end, sentence, ann)
        month = date.value[:7] if date is not None else None
        candidates = [h for h in happenings if h.kind == kind]
        in_caption = sentence in ann.captions
        if host is None and date is None:
            # a bare "chuyến thăm": the latest one told outside a photo caption
            told = [h for h in candidates if h.told_outside_captions]
            found = told[-1] if told else (candidates[-1] if candidates else None)
            if found is None and new_if_bare:
                # "a visit to Hanoi by Russian Prime Minister X": the first visit told, known by its visitor
                found = _Happening(kind)
                happenings.append(found)
        else:
            found = None
            for h in reversed(candidates):
                same_host = host is None or h.host is None or h.host.key == host.key
                h_month = h.date.value[:7] if h.date is not None else None
                if same_host and (month is None or h_month is None or h_month == month):
                    found = h
                    break
            if found is None:
                found = _Happening(kind, host=host)
                happenings.append(found)
        if (
            found is not None
            and date is not None
            and (found.date is None or (found.date_sentence in ann.captions and not in_caption))
        ):
            found.date, found.date_sentence = date, sentence
        if found is not None and not in_caption:
            found.told_outside_captions = True
        return found

    def _date_before(self, view, k, sentence, ann, single_day: bool = False) -> DateMention | None:  # noqa: ANN001
        """ "Chiều 29/6, tại Hà Nội, hai Bộ trưởng đã hội đàm": a date earlier in the same sentence
        (a single day for talks: a range is the visit's)."""
        before = [
            d
            for d in ann.dates
            if sentence[0] <= d.start
            and d.end <= view.starts[k]
            and d.datatype == "date"
            and not (single_day and d.range_end)
        ]
        return before[-1] if before else None

    def _day_after(self, view, end, sentence, ann) -> DateMention | None:  # noqa: ANN001
        """The first single day after the trigger in its sentence ("hội đàm với ... vào chiều 30/11")."""
        pos = view.ends[end - 1] if end > 0 else 0
        return next(
            (
                d
                for d in ann.dates
                if pos <= d.start < sentence[1] and d.datatype == "date" and not d.range_end
            ),
            None,
        )

    def _date_after(self, view, end, sentence, ann) -> DateMention | None:  # noqa: ANN001
        """The first date after the trigger in its sentence (within a few words, or a weekday further on)."""
        pos = view.ends[end - 1] if end > 0 else 0
        for d in ann.dates:
            if (
                d.start >= pos
                and d.start < sentence[1]
                and (d.start - pos <= 40 or d.note and "on or before" in d.note)
            ):
                return d
        return None

    # ------------------------------------------------------------------ talks

    def _talks(self, view, k, by_start, top, ann, happenings) -> int:  # noqa: ANN001
        n = self.talks.match(view, k)
        if not n:
            return 0
        sentence = ann.sentence_of(view.starts[k])
        if sentence is None:
            return n
        courtesy = self.courtesy.match(view, k) == n
        if courtesy and k > 0 and view.texts[k - 1] == ",":
            return n  # "..., hội kiến X, Y, Z": a list of calls during a visit, not one told event
        people: list[Entity] = []
        j = k + n
        if (
            j < len(view)
            and view.norms[j] in ("với", "with", "giữa", "between")
            and view.norms[j + 1 : j + 2] != ["sự"]
        ):
            # "between Vietnamese Deputy Prime Minister X and Belarusian Prime Minister Y": two titled
            # people reach further than one guest after "with"
            between = view.norms[j] in ("giữa", "between")
            reach = 24 if between else 10
            for c in sorted(top, key=lambda c: c.start):
                if j < c.start <= j + reach and c.entity.cls == "Person" and view.same_sentence(j, c.start):
                    if c.entity not in people:
                        people.append(c.entity)
                    if not between or len(people) == 2:
                        break
        elif j < len(view) and view.is_cap(j):
            # "X đã hội kiến Phó Chủ tịch ... Y": the guest as direct object, after the title
            guest = next(
                (
                    c
                    for c in top
                    if j <= c.start <= j + 8 and c.entity.cls == "Person" and view.same_sentence(j, c.start)
                ),
                None,
            )
            gap = range(j, guest.start) if guest is not None else ()
            if guest is not None and guest.entity.cls == "Person" and all(view.is_word(i) for i in gap):
                people.append(guest.entity)
        clause_start = view.index_at(sentence[0])
        for i in range(k - 1, clause_start - 1, -1):
            if view.texts[i] in (";", ":"):
                clause_start = i + 1
                break
        subjects = [
            c.entity for c in top if clause_start <= c.start and c.end <= k and c.entity.cls == "Person"
        ]
        two = next((i for i in range(clause_start, k) if self.two_people.match(view, i)), None)
        if not subjects and not people and two is not None:
            # "hai Bộ trưởng đã hội đàm", "the two ministers held talks": the last two people named
            latest: list[Entity] = []
            for c in sorted(
                (c for c in top if c.end <= k and c.entity.cls == "Person"), key=lambda c: -c.start
            ):
                if c.entity not in latest:
                    latest.append(c.entity)
            subjects = latest[:2][::-1] if len(latest) >= 2 else []
        for person in subjects + people:
            if person not in people:
                people.append(person)
        date = self._day_after(view, j, sentence, ann) or self._date_before(
            view, k, sentence, ann, single_day=True
        )
        visit_here = next(
            (
                h
                for h in happenings
                if h.kind == "visit"
                and h.date is not None
                and any(view.sentence_ids[a] == view.sentence_ids[k] for a, _ in h.mentions)
            ),
            None,
        )
        happening = None
        for h in reversed([h for h in happenings if h.kind == "talks"]):
            if courtesy and {p.key for p in people} != {p.key for p in h.participants}:
                continue  # a courtesy call is its own meeting, not the talks its host held before
            if (
                not people
                or not h.participants
                or set(p.key for p in people) & set(p.key for p in h.participants)
            ):
                happening = h
                break
        if happening is None:
            if not people:
                return n
            happening = _Happening("talks")
            happenings.append(happening)
        happening.mentions.append((k, k + n))
        for person in people:
            if person not in happening.participants:
                happening.participants.append(person)
        if people:
            happening.evidence.append((sentence, "talks"))
        if date is not None and happening.date is None:
            happening.date, happening.date_sentence = date, sentence
        elif visit_here is not None and happening.date is None and happening.month is None:
            happening.month = visit_here.date.value[:7]  # talks during that visit: its month names them
        return n

    # ------------------------------------------------------------------ sessions

    def _session(self, view, k, by_start, ann, result) -> int:  # noqa: ANN001
        n = self.sessions.match(view, k)
        if not n:
            return 0
        j = k + n
        number = None
        qualifier = _SESSION_QUALIFIERS.match(view, j)
        if qualifier:
            j += qualifier
        if self.lang == "vi" and view.norms[j : j + 2] == ["lần", "thứ"] and j + 2 < len(view):
            number = _ORDINAL_WORDS.get(
                view.norms[j + 2], view.texts[j + 2] if view.texts[j + 2].isdigit() else None
            )
            j += 3
        elif qualifier and self.lang == "vi" and j < len(view):
            # "phiên họp đặc biệt tháng 4/2016 của Đại hội đồng Liên hợp quốc": named by kind and date
            date = next((d for d in ann.dates if d.start == view.starts[j]), None)
            if date is not None:
                j = view.index_ending_at(date.end)
                number = date.value
            elif view.norms[j : j + 1] == ["của"]:
                number = "-".join(view.norms[k + n : j])
        elif self.lang == "en" and k > 0:
            m = _EN_ORDINAL.fullmatch(view.texts[k - 1]) or _EN_ORDINAL.fullmatch(view.norms[k - 1])
            if m:
                number = m.group(1) or _ORDINAL_WORDS.get(m.group(2).lower())
        if number is None:
            return 0
        phrase_end = j
        if view.norms[j : j + 1] not in (["của"], ["of"]):
            j -= 1  # "Kỳ họp lần thứ 5 Tiểu ban ...": the mechanism right after the number
        if view.norms[j + 1 : j + 2] == ["the"]:
            j += 1
        mech = by_start.get(j + 1)
        bodies = ("Mechanism", "InternationalOrganization", "GovernmentBody")
        start = k - 1 if self.lang == "en" else k
        mention_end = mech.end if mech is not None else phrase_end
        mechanism_heads = self.heads.get("Mechanism")
        bare = mechanism_heads.match(view, j + 1) if mech is None and mechanism_heads else 0
        if bare and view.norms[j] in ("của", "of") and not view.is_cap(j + 1 + bare):
            # "Kỳ họp lần thứ 27 của Ủy ban": the mechanism named last before, by its kind alone
            kind = view.norms[j + 1 : j + 1 + bare]
            named = [
                c
                for c in by_start.values()
                if c.end <= k and c.entity.cls == "Mechanism" and view.norms[c.start : c.start + bare] == kind
            ]
            if named:
                mech = max(named, key=lambda c: c.end)
                mention_end = j + 1 + bare
        if mech is None or mech.entity.cls not in bodies:
            mention_end = phrase_end
            # "Hội đồng Doanh nghiệp X đã tổ chức phiên họp toàn thể lần thứ 4": the subject's session
            mech = next(
                (
                    c
                    for c in sorted(by_start.values(), key=lambda c: -c.end)
                    if c.end <= start
                    and start - c.end <= 4
                    and c.entity.cls in bodies
                    and view.same_sentence(c.start, k)
                    and any(self._holds.match(view, i) for i in range(c.end, start))
                ),
                None,
            )
            if mech is None:
                return 0
            mention_end = phrase_end
        sentence = ann.sentence_of(view.starts[k])
        surface = " ".join(ann.text[view.starts[start] : view.ends[mention_end - 1]].split())
        entity = Entity(
            cls="Event",
            slug=slugify(f"{mech.entity.slug}-session-{number}"),
            labels={self.lang: surface},
            source="rule",
        )
        result.candidates.append(Candidate(start, mention_end, entity, "rule", 1))
        if sentence is not None and sentence not in ann.captions:
            if mech.entity.cls == "Mechanism":
                result.facts.append(Fact(entity.key, "sessionOf", mech.entity.key, sentence))
            else:
                result.facts.append(Fact(entity.key, "participant", mech.entity.key, sentence))
            inside = [
                d for d in ann.dates if view.starts[k] <= d.start and d.end <= view.ends[mention_end - 1]
            ]
            if inside:
                d = inside[0]
                result.facts.append(Fact(entity.key, "date", ("date", d.value, d.datatype), sentence, d.note))
        return mention_end - k

    # ------------------------------------------------------------------ output

    def _emit(self, h: _Happening, view: TokenView, ann: Annotations, result: EventResult) -> None:
        if not h.mentions or (h.host is None and not h.participants):
            return
        month = h.date.value[:7] if h.date is not None else (h.month or (ann.info.date or "")[:7])
        who = [p.slug for p in h.participants if p.cls == "Person"]
        if h.kind == "visit":
            parts = ["visit", *(who[:1]), h.host.slug if h.host else "", month]
            host_label = (
                (h.host.labels.get("vi") if self.lang == "vi" else h.host.labels.get("en")) if h.host else ""
            )
            visitor = next((p for p in h.participants if p.cls == "Person"), None)
            visitor_label = (
                visitor.labels.get(self.lang) or next(iter(visitor.labels.values())) if visitor else ""
            )
            if self.lang == "vi":
                label = "Chuyến thăm" + (f" {host_label}" if host_label else "")
                label += f" của {visitor_label}" if visitor_label else ""
            else:
                label = "Visit" + (f" to {host_label}" if host_label else "")  # no host named: "Visit by X"
                label += f" by {visitor_label}" if visitor_label else ""
        else:
            parts = ["talks", *sorted(who), month]
            names = [p.labels.get(self.lang) or next(iter(p.labels.values())) for p in h.participants]
            label = ("Hội đàm " if self.lang == "vi" else "Talks ") + " - ".join(names)
        if month:
            label += f" ({month})"
        slug = slugify("-".join(p for p in parts if p), max_length=100)
        entity = Entity(cls="Event", slug=slug, labels={self.lang: label}, source="rule")
        for start, end in h.mentions:
            result.candidates.append(Candidate(start, end, entity, "rule", 1))
        captions = ann.captions
        for sentence, role in h.evidence:
            if sentence in captions:
                continue
            if role in ("visitor", "talks"):
                for p in h.participants:
                    result.facts.append(Fact(entity.key, "participant", p.key, sentence))
            if role == "host" and h.host is not None:
                result.facts.append(Fact(entity.key, "participant", h.host.key, sentence))
        if h.date is not None and h.date_sentence is not None and h.date_sentence not in captions:
            result.facts.append(
                Fact(
                    entity.key, "date", ("date", h.date.value, h.date.datatype), h.date_sentence, h.date.note
                )
            )

    def _references(self, view, known: list[Candidate], covered, ann) -> list[Candidate]:  # noqa: ANN001
        """A capitalised head with no name after it refers to the latest entity named with that head."""
        out = []
        seen = sorted(known, key=lambda c: c.start)
        for cls, heads in self.heads.items():
            if cls not in ("Agreement", "Mechanism", "Event"):
                continue
            for k in heads.starts(view):
                n = heads.match(view, k)
                if not n or covered[k] is not None or not view.is_cap(k) or view.sentence_start(k):
                    continue
                nxt = k + n
                if nxt < len(view) and view.same_sentence(k, nxt) and view.is_cap(nxt):
                    continue
                head_key = name_key(" ".join(view.texts[k:nxt]))
                previous = [
                    c
                    for c in seen
                    if c.start < k
                    and c.entity.cls == cls
                    and name_key(next(iter(c.entity.labels.values()))).startswith(head_key)
                ]
                if not previous:
                    # nothing before: the first one named after it ("hai nước đã ra Tuyên bố chung. ...
                    # toàn văn Tuyên bố chung về ...")
                    previous = [
                        c
                        for c in seen[::-1]
                        if c.start > k
                        and c.entity.cls == cls
                        and c.entity.source == "rule"
                        and name_key(next(iter(c.entity.labels.values()))).startswith(head_key)
                    ]
                if previous:
                    out.append(Candidate(k, nxt, previous[-1].entity, "rule", 1))
        return out
