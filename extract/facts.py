"""Facts from sentence-level patterns, never from two names merely sharing a document.

Each pattern looks inside one sentence (photo captions excluded) at the mentions found there:

- pg:party: actors named inside an instrument's name after "giữa"/"between" or as a pair
  "X - Y" ("Hiệp định liên chính phủ Việt Nam - Nga"), or the subject of "X và Y ký A";
- pg:signedOn / pg:inForceFrom: "A ... ký (kết) (vào) ngày D", "A ... có hiệu lực từ D",
  "A signed on D", "A entered into force on D";
- pg:participant: "với sự tham gia của X, Y và Z", "X và Y đồng chủ trì E", "X tham dự E",
  and the pair in a mechanism's or event's name ("Ủy ban Hợp tác chung ASEAN - Nga");
- pg:memberOf: "X là thành viên của Y", "các tổ chức mà X là thành viên như Y1, Y2", "X is a member of Y";
- pg:cooperatesWith: "hợp tác giữa X và Y", "hợp tác X - Y", "X hợp tác với Y", "X và Y ... hợp tác",
  "cooperation between X and Y", "X-Y cooperation", "X cooperates with Y", and in a sentence about
  cooperation, actors of different countries in one list after "với sự tham gia của" / "with the
  participation of" / "involving" (each pair across the sides; people are not paired);
- pg:area: fields of cooperation named inside an agreement's, mechanism's or event's name, or in the
  "về ..." / "trong lĩnh vực ..." / "on ..." phrase right after it;
- pg:date: the date right after a named event ("Hội nghị ... lần thứ 4 vào tháng 10/2021");
- pg:sessionOf: a numbered event whose name holds a mechanism ("Hội nghị cấp cao Đông Á lần thứ 15");
- pg:country: a government body or company whose name ends with a state ("Hội đồng An ninh Nga").
"""

import re
from dataclasses import dataclass

from pactgraph.extract.areas import AreaLexicon
from pactgraph.extract.lexicon import Triggers
from pactgraph.extract.model import Annotations, DateMention, Fact
from pactgraph.extract.rules import Candidate
from pactgraph.extract.tokens import PhraseSet, TokenView, phrase_tokens

_PLACE_GAP = re.compile(
    r"\s*(?:in|at|tại|ở)\s+[^\s,.;]+(?:\s+[A-ZÀ-Ỹ][^\s,.;]*){0,3}\s*,?\s*(?:on|ngày|vào)?\s*"
)
NON_PERSON_ACTORS = frozenset({"State", "InternationalOrganization", "Company", "GovernmentBody"})
ACTORS = NON_PERSON_ACTORS | {"Person"}
PARTY_TARGETS = ACTORS
NAMED_THINGS = frozenset({"Agreement", "Mechanism", "Event"})
_AREA_LEADS = PhraseSet(
    ["về", "trong lĩnh vực", "trên lĩnh vực", "lĩnh vực", "on", "in the field of", "in the fields of"]
)


class AreaMatcher:
    """Every wording of a field of cooperation in a token range (all matches, also overlapping)."""

    def __init__(self, lexicon: AreaLexicon, lang: str) -> None:
        self.lexicon = lexicon
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for wording, label_lang, slug in lexicon.labels:
            if label_lang not in (lang, "en") and lang != label_lang:
                continue
            toks = phrase_tokens(wording)
            if toks:
                self.by_first.setdefault(toks[0], []).append((toks, slug))

    def find(
        self, view: TokenView, start: int, end: int, skip: frozenset[int] = frozenset()
    ) -> list[tuple[int, int, str]]:
        """The wordings in tokens [start, end) that touch no token of *skip* (the actors named there:
        "Liên minh Kinh tế Á - Âu" names an organisation, not the field economy), each not nested
        inside a longer wording ("năng lượng" inside "năng lượng hạt nhân", "kinh tế" inside "đặc khu
        kinh tế"): the longer wording says what the field is, whichever field it is."""
        hits = []
        for k in view.first_tokens(self, self.by_first, start, end):  # where a wording may start
            for toks, slug in self.by_first[view.norms[k]]:
                n = len(toks)
                if (
                    k + n <= end
                    and tuple(view.norms[k : k + n]) == toks
                    and not skip.intersection(range(k, k + n))
                ):
                    hits.append((k, k + n, slug))
        return [
            (a, b, slug)
            for a, b, slug in hits
            if not any(a2 <= a and b <= b2 and (a2, b2) != (a, b) for a2, b2, _ in hits)
        ]


@dataclass
class _SentenceMentions:
    sentence: tuple[int, int]
    top: list[Candidate]
    nested: list[Candidate]


class FactFinder:
    def __init__(self, triggers: Triggers, areas: AreaLexicon) -> None:
        self.lang = triggers.lang
        self.areas = AreaMatcher(areas, triggers.lang)
        self.sign = PhraseSet(list(triggers.get("sign_verbs")))
        self.future_sign = PhraseSet(list(triggers.get("future_sign_words")))
        self.future_sign_after = PhraseSet(list(triggers.get("future_sign_after")))
        self.in_force = PhraseSet(list(triggers.get("in_force_verbs")))
        self.between = PhraseSet(list(triggers.get("between_words")))
        self.ands = PhraseSet(list(triggers.get("and_words")))
        self.cooperation = PhraseSet(list(triggers.get("cooperation_words")))
        self.members = PhraseSet(list(triggers.get("member_words")))
        self.part_markers = PhraseSet(list(triggers.get("participant_markers")))
        self.part_verbs = PhraseSet(list(triggers.get("participant_verbs")))
        self.event_verbs = PhraseSet(list(triggers.get("event_verbs")))
        self.topic_verbs = PhraseSet(list(triggers.get("topic_verbs")))
        self.demonyms = triggers.demonyms
        self.meeting_people = PhraseSet(list(triggers.get("meeting_people")))
        self.speech_openers = PhraseSet(list(triggers.get("speech_openers")))
        self.deal_verbs = PhraseSet(list(triggers.get("deal_verbs")))
        self.document_lists = PhraseSet(list(triggers.get("document_lists")))
        self.signing_sides = PhraseSet(list(triggers.get("signing_sides")))
        self.event_subjects = PhraseSet(list(triggers.get("event_subjects")))
        self.chair_verbs = PhraseSet(list(triggers.get("chair_verbs")))
        self.speech_occasions = PhraseSet(list(triggers.get("speech_occasions")))
        self.join_verbs = PhraseSet(list(triggers.get("join_verbs")))
        self.joint_markers = PhraseSet(list(triggers.get("joint_participation_markers")))
        self.unnamed_instruments = PhraseSet(list(triggers.get("unnamed_instruments")))
        self.event_refs = PhraseSet(list(triggers.get("event_references")))
        self.delegation_words = PhraseSet(list(triggers.get("delegation_words")))
        self.delegation_markers = PhraseSet(list(triggers.get("delegation_markers")))
        self.delegation_ends = PhraseSet(list(triggers.get("delegation_ends")))

    def find(
        self, view: TokenView, top: list[Candidate], nested: list[Candidate], ann: Annotations
    ) -> list[Fact]:
        facts: list[Fact] = []
        self._top = top
        self._sentence_index = {sentence: i for i, sentence in enumerate(ann.sentences)}
        self._events = sorted((c for c in top if c.entity.cls == "Event"), key=lambda c: c.start)
        self._dated_events: list[tuple[int, DateMention]] = []  # (token, day) of the events dated so far
        groups: dict[int, _SentenceMentions] = {}
        for c in top:
            if c.source == "demonym":
                continue  # "Russian" gives titles and companies a country; it is no party or participant
            sid = view.sentence_ids[c.start]
            if sid >= 0:
                groups.setdefault(sid, _SentenceMentions(ann.sentences[sid], [], [])).top.append(c)
        for c in nested:
            sid = view.sentence_ids[c.start]
            if sid in groups:
                groups[sid].nested.append(c)
        for sid in sorted(groups):
            group = groups[sid]
            if group.sentence in ann.captions:
                continue
            group.top.sort(key=lambda c: (c.start, -c.end))
            for finder in (
                self._inner_pairs,
                self._dates_of_agreements,
                self._participants,
                self._delegation_leaders,
                self._members,
                self._cooperation,
                self._joint_participants,
                self._area_facts,
                self._event_dates,
                self._sessions,
                self._countries,
                self._signing_subjects,
                self._unnamed_signing,
                self._joint_undertakings,
                self._parties_between,
                self._listed_documents,
                self._signed_before,
                self._topics,
                self._speakers,
            ):
                facts.extend(finder(view, group, ann))
        return facts

    # ------------------------------------------------------------------ helpers

    def _inside(self, outer: Candidate, group: _SentenceMentions, classes: frozenset[str]) -> list[Candidate]:
        """Outermost mentions of *classes* strictly inside *outer* (nested gazetteer names)."""
        inner = [
            c
            for c in group.nested + group.top
            if outer.start <= c.start
            and c.end <= outer.end
            and c is not outer
            and c.entity.cls in classes
            and c.entity.key != outer.entity.key
        ]
        return [
            c
            for c in inner
            if not any(
                o is not c and o.start <= c.start and c.end <= o.end and (o.start, o.end) != (c.start, c.end)
                for o in inner
            )
        ]

    def _pair_actors(self, view: TokenView, outer: Candidate, group: _SentenceMentions) -> list[Candidate]:
        """Actors of a name: after "giữa/between", or two joined by a dash ("ASEAN - Nga")."""
        inner = self._inside(outer, group, NON_PERSON_ACTORS | {"Person"})
        if not inner:
            return []
        between_at = next((k for k in range(outer.start, outer.end) if self.between.match(view, k)), None)
        if between_at is not None:
            return [c for c in inner if c.start > between_at]
        pairs = []
        for a, b in zip(inner, inner[1:], strict=False):
            if b.start == a.end + 1 and view.norms[a.end] == "-" and a.entity.cls in NON_PERSON_ACTORS:
                pairs.extend(x for x in (a, b) if x not in pairs)
        return pairs

    def _sentence_before(
        self, ann: Annotations, group: _SentenceMentions, back: int = 1
    ) -> tuple[int, int] | None:
        """The sentence *back* places before the group's (the document's first if fewer come before);
        None for the first sentence or a sentence not in the list."""
        at = self._sentence_index.get(group.sentence, -1)
        return None if at <= 0 else ann.sentences[max(0, at - back)]

    def _fact(self, s: str, p: str, o: object, group: _SentenceMentions, note: str | None = None) -> Fact:
        return Fact(s, p, o, group.sentence, note)

    def _clause_bounds(self, view: TokenView, k: int, group: _SentenceMentions) -> tuple[int, int]:
        start = view.index_at(group.sentence[0])
        end = view.index_ending_at(group.sentence[1])
        for i in range(k - 1, start - 1, -1):
            if view.texts[i] in (";", ":"):
                start = i + 1
                break
        for i in range(k, end):
            if view.texts[i] in (";",):
                end = i
                break
        return start, end

    # ------------------------------------------------------------------ patterns

    def _inner_pairs(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        out = []
        named = group.top + [c for c in group.nested if c.entity.cls in NAMED_THINGS]
        for c in named:
            if c.entity.cls == "Agreement":
                for actor in self._pair_actors(view, c, group):
                    out.append(self._fact(c.entity.key, "party", actor.entity.key, group))
            elif c.entity.cls in ("Mechanism", "Event"):
                for actor in self._pair_actors(view, c, group):
                    if actor.entity.cls in NON_PERSON_ACTORS:
                        out.append(self._fact(c.entity.key, "participant", actor.entity.key, group))
        return out

    def _still_to_sign(self, view: TokenView, a: Candidate, group: _SentenceMentions) -> bool:
        """ "sớm thông qua Bộ quy tắc ...", "negotiations on the Treaty ...", "Hiệp định ... sẽ được ký":
        the sentence hopes for or plans the instrument's signing, so it gives no signing date nor
        signatories (a year there is a target, or belongs to another instrument)."""
        lo = max(view.index_at(group.sentence[0]), a.start - _FUTURE_REACH - 4)
        for k in self.future_sign.starts(view, lo, a.start):
            n = self.future_sign.match(view, k)
            gap = range(k + n, a.start)
            # only lower-case words between, none of them a conjunction or a sign verb: "đàm phán và
            # ký Hiệp định ..." signs it, "early conclusion of an effective Code" does not
            if (
                n
                and len(gap) <= _FUTURE_REACH
                and all(
                    view.is_lower_word(i) and view.norms[i] not in ("và", "and", "or", "hoặc") for i in gap
                )
                and not any(self.sign.match(view, i) for i in gap)
            ):
                return True
        k = _skip_acronym(view, a.end)
        k += view.texts[k : k + 1] == [","]
        return any(self.future_sign_after.match(view, i) for i in range(k, min(k + 2, len(view))))

    def _dates_of_agreements(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        out = []
        agreements = [c for c in group.top if c.entity.cls == "Agreement"]
        for a in agreements:
            if self._still_to_sign(view, a, group):
                continue
            after = view.ends[a.end - 1]
            year = _adjacent_date(view, ann, a)
            if year is not None:
                out.append(self._fact(a.entity.key, "signedOn", ("date", year.value, year.datatype), group))
            nxt = next((b for b in agreements if b.start >= a.end), None)
            limit = view.starts[nxt.start] if nxt is not None else group.sentence[1]
            for verbs, prop in ((self.sign, "signedOn"), (self.in_force, "inForceFrom")):
                verb_at = self._first_phrase(view, verbs, view.index_at(after), view.index_at(limit))
                if verb_at is None or view.starts[verb_at] - after > 60:
                    continue
                # from the end of the whole phrase: "chính thức có hiệu lực từ ngày ..." is five words
                verb_char = view.ends[verb_at + max(verbs.match(view, verb_at), 1) - 1]
                date = next(
                    (d for d in ann.dates if verb_char <= d.start < limit and d.start - verb_char <= 25), None
                )
                if date is not None and not (
                    prop == "signedOn" and self._in_force_between(view, verb_char, date.start)
                ):
                    out.append(
                        self._fact(a.entity.key, prop, ("date", date.value, date.datatype), group, date.note)
                    )
        return out

    def _follows_agreement(
        self, view: TokenView, ann: Annotations, date: DateMention, group: _SentenceMentions
    ) -> bool:
        """The date is the one told right after (or at the end of) an instrument's name of the sentence."""
        return any(_adjacent_date(view, ann, b) is date for b in group.top if b.entity.cls == "Agreement")

    def _in_force_between(self, view: TokenView, start: int, end: int) -> bool:
        return self._first_phrase(view, self.in_force, view.index_at(start), view.index_at(end)) is not None

    def _first_phrase(self, view: TokenView, phrases: PhraseSet, start: int, end: int) -> int | None:
        for k in range(start, min(end, len(view))):
            if phrases.match(view, k):
                return k
        return None

    def _signed_before(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        """ "X đã ký Bản ghi nhớ ... (ngày D)", "signed an Agreement on ... on May 17, 2021"."""
        out = []
        for a in (c for c in group.top if c.entity.cls == "Agreement"):
            verb_at = next((k for k in range(max(0, a.start - 4), a.start) if self.sign.match(view, k)), None)
            if (
                verb_at is None
                or not view.same_sentence(verb_at, a.start)
                or self._still_to_sign(view, a, group)
            ):
                continue
            other = _counterparty(view, a, group)
            # the date right after it (or after "with Y"), or after a place ("... in Hanoi on June 20, 2024")
            after = view.ends[(other or a).end - 1]
            date = next(
                (
                    d
                    for d in ann.dates
                    if d.start < group.sentence[1]
                    and (
                        0 <= d.start - after <= 12
                        or (0 <= d.start - after <= 40 and _PLACE_GAP.fullmatch(ann.text[after : d.start]))
                    )
                ),
                None,
            )
            if date is None:
                # the sentence's only date before the verb ("Ngày 5/5, X và Y đã ký A"), unless it is another
                # instrument's, told right after that one's name ("thực hiện B năm 2002 và ... ký A")
                before = [
                    d
                    for d in ann.dates
                    if group.sentence[0] <= d.start
                    and d.end <= view.starts[verb_at]
                    and not _in_dateline(ann, group, d)
                ]
                date = (
                    before[0]
                    if len(before) == 1 and not self._follows_agreement(view, ann, before[0], group)
                    else None
                )
            if date is None:
                # "signed A on the sidelines of the Russian Energy Week in Moscow on Thursday": the
                # sentence's one date, told later, with no entry into force in between
                told = [
                    d
                    for d in ann.dates
                    if group.sentence[0] <= d.start < group.sentence[1] and not _in_dateline(ann, group, d)
                ]
                if (
                    len(told) == 1
                    and told[0].start >= after
                    and not self._in_force_between(view, after, told[0].start)
                ):
                    date = told[0]
            if date is None:
                date = self._date_of_the_meeting_before(view, group, ann)
            if date is None:
                date = self._date_of_the_sides_meeting(view, group, ann, verb_at)
            if date is None:
                # only the dateline's ("Hà Nội, ngày 14/9/2026 - X và Y vừa ký A"): the day of the report
                datelines = [
                    d for d in ann.dates if group.sentence[0] <= d.start and _in_dateline(ann, group, d)
                ]
                date = datelines[0] if datelines and datelines[0].end <= view.starts[verb_at] else None
            if date is not None:
                out.append(
                    self._fact(
                        a.entity.key, "signedOn", ("date", date.value, date.datatype), group, date.note
                    )
                )
        return out

    def _chairs_of_the_event_before(
        self, view: TokenView, group: _SentenceMentions, ann: Annotations
    ) -> list[Fact]:
        """ "The 18th session ... was held ... . It was co-chaired by X and Y", "Khóa họp do X và Y đồng
        chủ trì": a sentence that opens with a pronoun or the event's kind, then names the chairs (or
        those attending), tells of the one event of the sentence before."""
        first = view.index_at(group.sentence[0])
        n = self.event_subjects.match(view, first)
        if not n:
            return []
        last = view.index_ending_at(group.sentence[1])
        if self.lang == "en":
            k = next(
                (i for i in range(first + n, min(first + n + 3, last)) if self.part_markers.match(view, i)),
                None,
            )
            if k is None:
                return []
            lo, hi = k + self.part_markers.match(view, k), last
        else:
            # "Khóa họp do X và Y đồng chủ trì": the chairs between "do" and the verb
            if view.norms[first + n : first + n + 1] != ["do"]:
                return []
            k = next((i for i in range(first + n + 1, last) if self.chair_verbs.match(view, i)), None)
            if k is None:
                return []
            lo, hi = first + n + 1, k
        opening = next((c for c in group.top if c.start == first and c.entity.cls == "Event"), None)
        if opening is not None:
            event = opening.entity.key  # the kind at the start was read as a reference to the event
        else:
            previous = self._sentence_before(ann, group)
            if previous is None:
                return []
            start, end = previous
            before = {e.entity.key for e in self._events if start <= view.starts[e.start] < end}
            if len(before) != 1:
                return []
            event = before.pop()
        if any(c.entity.cls in ("Event", "Mechanism") and c.start > first for c in group.top):
            return []  # the sentence names a meeting of its own: _participants reads it
        people = _drop_title_actors([c for c in group.top if lo <= c.start < hi and c.entity.cls in ACTORS])
        return [self._fact(event, "participant", c.entity.key, group) for c in people]

    def _date_of_the_sides_meeting(
        self, view: TokenView, group: _SentenceMentions, ann: Annotations, verb_at: int
    ) -> DateMention | None:
        """ "Sáng 21/5, ... tổ chức Hội thảo ... . Tại hội thảo, ... . Hai bên đã ký A", "The officials
        adopted A": the sides of the meeting just told sign at it. With no date in the sentence, the
        signing takes the day of the last event dated in the four sentences before, when no other
        event was told since."""
        first = view.index_at(group.sentence[0])
        n = self.signing_sides.match(view, first)
        if not n or first + n > verb_at or verb_at - (first + n) > 2:
            return None
        if any(group.sentence[0] <= d.start < group.sentence[1] for d in ann.dates):
            return None
        fourth = self._sentence_before(ann, group, back=4)
        if fourth is None:
            return None
        since = view.index_at(fourth[0])
        earlier = [(k, d) for k, d in self._dated_events if since <= k < first]
        if not earlier:
            return None
        # the last event told before the signing must be that dated one (a caption may name it again)
        last_told = [e for e in self._events if e.start < first]
        dated_at, day = earlier[-1]
        dated = next((e for e in self._events if e.start == dated_at), None)
        if dated is None or not last_told or last_told[-1].entity.key != dated.entity.key:
            return None
        return day

    def _date_of_the_meeting_before(
        self, view: TokenView, group: _SentenceMentions, ann: Annotations
    ) -> DateMention | None:
        """ "Chiều 14/4, X và Y tổ chức phiên họp ... . Tại phiên họp, A và B đã ký C": a sentence opening
        with "at the meeting" tells of the meeting of the sentence before, and of its day (one day-precise
        date there, none in this sentence)."""
        first = view.index_at(group.sentence[0])
        opener = _AT_THE.match(view, first)
        noun = self.event_refs.match(view, first + opener) if opener else 0
        if not noun or any(group.sentence[0] <= d.start < group.sentence[1] for d in ann.dates):
            return None
        words = view.norms[first + opener : first + opener + noun]
        words = words[1:] if words[:1] == ["the"] and len(words) > 1 else words  # "a meeting" before
        noun = len(words)
        previous = self._sentence_before(ann, group)
        if previous is None:
            return None
        start, end = previous
        lo, hi = view.index_at(start), view.index_ending_at(end)
        if any(view.norms[i : i + noun] == words for i in range(lo, hi)):
            days = [d for d in ann.dates if start <= d.start < end and d.datatype == "date"]
            return days[0] if len(days) == 1 else None
        # "Sau phiên họp toàn thể, ... đã ký ...": the meeting is the last event dated earlier in the text
        earlier = [d for k, d in self._dated_events if k < first]
        return earlier[-1] if earlier else None

    def _topics(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        """ "Hội nghị đã thảo luận ... thương mại và đầu tư", "The plan covers oil and gas ...": the fields
        the sentence says an instrument, meeting or mechanism is about; "The ministers discussed ...":
        those of the meeting told just before."""
        out = []
        first = view.index_at(group.sentence[0])
        n = self.meeting_people.match(view, first)
        if n:
            verb_at = next(
                (i for i in range(first + n, first + n + 3) if self.topic_verbs.match(view, i)), None
            )
            earlier = [e for e in self._events if e.end <= first]
            if verb_at is not None and earlier:
                _, clause_end = self._clause_bounds(view, verb_at, group)
                for _, _, slug in self.areas.find(view, verb_at, clause_end):
                    out.append(self._fact(earlier[-1].entity.key, "area", ("area", slug), group))
        for c in group.top:
            if c.entity.cls not in NAMED_THINGS:
                continue
            clause_start, clause_end = self._clause_bounds(view, c.end, group)
            if c.start > clause_start + 1:
                continue  # only the subject of its clause: "Hội nghị đã thảo luận ...", "The plan covers ..."
            verb_at = next(
                (i for i in range(c.end, min(c.end + 3, clause_end)) if self.topic_verbs.match(view, i)), None
            )
            if verb_at is None:
                continue
            for _, _, slug in self.areas.find(view, verb_at, clause_end):
                out.append(self._fact(c.entity.key, "area", ("area", slug), group))
        return out

    def _speakers(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        """ "Addressing the opening ceremony, Deputy Minister X said ...", "Phát biểu tại hội nghị, Bộ
        trưởng X ...": the speaker took part in the event the opening clause names, or, when it names an
        occasion with a common noun, in the one event told in the sentence before."""
        first = view.index_at(group.sentence[0])
        n = self.speech_openers.match(view, first)
        if not n:
            return []
        last = view.index_ending_at(group.sentence[1])
        comma = next((i for i in range(first + n, min(first + n + 12, last)) if view.texts[i] == ","), None)
        if comma is None:
            return []
        speaker = next((c for c in group.top if c.entity.cls == "Person" and c.start > comma), None)
        if speaker is None or speaker.start > comma + 10:
            return []
        named = [c for c in group.top if c.entity.cls == "Event" and first + n <= c.start < comma]
        if named:
            return [self._fact(named[0].entity.key, "participant", speaker.entity.key, group)]
        if not any(self.speech_occasions.match(view, i) for i in range(first + n, comma)):
            return []  # "Addressing reporters, X said": no event
        previous = self._sentence_before(ann, group)
        if previous is None:
            return []
        start, end = previous
        lo, hi = view.index_at(start), view.index_ending_at(end)
        told = [c for c in self._top if lo <= c.start < hi]
        # the one event told there; else the one forum or mechanism ("The X Forum was held ...")
        for classes in (("Event",), ("Mechanism",)):
            before = {c.entity.key for c in told if c.entity.cls in classes}
            if before:
                if len(before) != 1:
                    return []
                return [self._fact(before.pop(), "participant", speaker.entity.key, group)]
        return []

    def _signing_subjects(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        """ "ASEAN và Nga ký Bản ghi nhớ ...": the actors before the verb are parties of what follows it."""
        out = []
        for a in (c for c in group.top if c.entity.cls == "Agreement"):
            clause_start, _ = self._clause_bounds(view, a.start, group)
            verb_at = None
            for k in range(max(clause_start, a.start - 4), a.start):
                if self.sign.match(view, k):
                    verb_at = k
            if verb_at is None or (verb_at > 0 and view.norms[verb_at - 1] == "lễ"):
                continue
            if self._still_to_sign(view, a, group):
                continue  # "X và Y nhất trí sớm ký kết A": no signatories yet
            subjects = [
                c
                for c in group.top
                if clause_start <= c.start and c.end <= verb_at and c.entity.cls in NON_PERSON_ACTORS
            ]
            subjects = _principal_actors(view, subjects)
            joined = all(
                any(view.norms[i] in ("và", "and", ",", "với") for i in range(x.end, y.start))
                for x, y in zip(subjects, subjects[1:], strict=False)
            )
            if subjects and joined:
                out.extend(self._fact(a.entity.key, "party", s.entity.key, group) for s in subjects)
                other = _counterparty(view, a, group)
                if other is not None:  # "X signed A with Y", "X ký A với Y": Y is the other party
                    out.append(self._fact(a.entity.key, "party", other.entity.key, group))
        return out

    def _unnamed_signing(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        """ "X and Y signed an agreement to ...", "X ký thỏa thuận với Y": an instrument without a name is
        no entity, but the two actors who sign it together cooperate (pg:cooperatesWith)."""
        out = []
        sent_start = view.index_at(group.sentence[0])
        sent_end = view.index_ending_at(group.sentence[1])
        agreements = {c.start for c in group.top if c.entity.cls == "Agreement"}
        actors = [c for c in group.top if c.entity.cls in NON_PERSON_ACTORS]
        if len(actors) < 2:
            return out  # two signers or none
        for k in self.sign.starts(view, sent_start, sent_end):
            n = self.sign.match(view, k)
            if not n:
                continue
            j = k + n
            if view.norms[j : j + 1] in (["a"], ["an"], ["the"], ["một"], ["bản"]):
                j += 1
            for _ in range(5):  # "a strategic cooperation agreement", "a five-year supply contract"
                if self.unnamed_instruments.match(view, j) or not (
                    view.is_lower_word(j) or view.norms[j] == "-"
                ):
                    break
                j += 1
            h = self.unnamed_instruments.match(view, j)
            if not h or not view.is_lower_word(j) or any(j <= a <= j + h for a in agreements):
                continue
            if self._still_to_sign_at(view, k, sent_start):
                continue
            clause_start, clause_end = self._clause_bounds(view, k, group)
            subjects = _principal_actors(view, [c for c in actors if clause_start <= c.start and c.end <= k])
            pair = None
            if len(subjects) == 2 and any(
                view.norms[i] in ("và", "and") for i in range(subjects[0].end, subjects[1].start)
            ):
                pair = subjects
            elif len(subjects) == 1:
                other = next(
                    (
                        c
                        for c in actors
                        if j + h <= c.start <= j + h + 8
                        and c.end <= clause_end
                        and view.norms[c.start - 1] in ("với", "with")
                    ),
                    None,
                )
                if (
                    other is not None
                    and other.entity.cls == "State"
                    and view.texts[other.end : other.end + 1] in (["'"], ["’"])
                ):
                    # "with Russia's Sibirtelecom PJSC": the company, not its country
                    other = next((c for c in actors if other.end + 2 <= c.start <= other.end + 3), other)
                pair = [subjects[0], other] if other is not None else None
            if pair and pair[0].entity.key != pair[1].entity.key:
                a, b = sorted((pair[0].entity.key, pair[1].entity.key))
                out.append(self._fact(a, "cooperatesWith", b, group))
        return out

    def _listed_documents(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        """ "Five documents were signed in Minsk on Wednesday ... The documents include an Agreement on X
        and a Memorandum on Y": the instruments a list sentence names were signed on the one day the
        sentence before gives for its signing."""
        first = view.index_at(group.sentence[0])
        if not self.document_lists.match(view, first):
            return []
        previous = self._sentence_before(ann, group)
        if previous is None:
            return []
        before = _SentenceMentions(previous, [], [])
        lo, hi = view.index_at(before.sentence[0]), view.index_ending_at(before.sentence[1])
        if not any(self.sign.match(view, i) for i in range(lo, hi)):
            return []
        days = [
            d
            for d in ann.dates
            if before.sentence[0] <= d.start < before.sentence[1]
            and d.datatype == "date"
            and not _in_dateline(ann, before, d)
        ]
        if len(days) != 1:
            return []
        day = days[0]
        note = f"the signing day the sentence before gives ({ann.text[day.start : day.end]!r})"
        return [
            self._fact(a.entity.key, "signedOn", ("date", day.value, day.datatype), group, note)
            for a in group.top
            if a.entity.cls == "Agreement" and not self._still_to_sign(view, a, group)
        ]

    def _parties_between(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        """ "a Memorandum of Understanding on X between Vinamilk Corporation and Belarusian dairy group Y",
        "Bản ghi nhớ về X giữa Trường A với Đại học B": the two actors right after the instrument's name
        are its parties (when the gazetteer knows them, "between" is inside the name: _inner_pairs)."""
        actors = [c for c in group.top if c.entity.cls in NON_PERSON_ACTORS]
        starts = {c.start: c for c in actors}
        out = []
        for a in (c for c in group.top if c.entity.cls == "Agreement"):
            k = _skip_acronym(view, a.end)
            if not self.between.match(view, k) or self._still_to_sign(view, a, group):
                continue
            first = _past_possessive(view, self._actor_after_modifiers(view, k + 1, starts), starts)
            if first is None:
                continue
            and_at = _skip_acronym(view, first.end)
            if not self.ands.match(view, and_at):
                continue
            second = _past_possessive(view, self._actor_after_modifiers(view, and_at + 1, starts), starts)
            if second is None or second.entity.key == first.entity.key:
                continue
            out += [self._fact(a.entity.key, "party", x.entity.key, group) for x in (first, second)]
        return out

    def _actor_after_modifiers(
        self, view: TokenView, k: int, starts: dict[int, Candidate]
    ) -> Candidate | None:
        """The actor at *k*, or after a demonym and a few lower-case words ("Belarusian dairy group X")."""
        for i in range(k, min(k + 4, len(view))):
            if i in starts:
                return starts[i]
            if not (view.is_lower_word(i) or view.texts[i] in self.demonyms):
                return None
        return None

    def _joint_undertakings(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        """ "Saigon Travel Group and Moscow's Pegas Touristik agreed to launch charter flights": two
        companies or bodies who agree, together, to do something cooperate. Only companies and bodies:
        "Vietnam and Russia agreed to ..." is diplomatic reporting, not a stated cooperation."""
        if not self.deal_verbs:
            return []
        sent_start = view.index_at(group.sentence[0])
        sent_end = view.index_ending_at(group.sentence[1])
        actors = [c for c in group.top if c.entity.cls in ("Company", "GovernmentBody")]
        out = []
        for k in self.deal_verbs.starts(view, sent_start, sent_end):
            if not self.deal_verbs.match(view, k):
                continue
            clause_start, _ = self._clause_bounds(view, k, group)
            subjects = _principal_actors(view, [c for c in actors if clause_start <= c.start and c.end <= k])
            if len(subjects) != 2 or k - subjects[1].end > 2:
                continue  # the verb right after the second partner ("... JSC have agreed")
            between = view.norms[subjects[0].end : subjects[1].start]
            if "and" not in between or len(between) > 4:
                continue
            if {"sign", "conclude", "negotiate"} & set(view.norms[k + 1 : k + 5]):
                continue  # "agreed to sign an agreement next year": still to come
            a, b = sorted((subjects[0].entity.key, subjects[1].entity.key))
            if a != b:
                out.append(self._fact(a, "cooperatesWith", b, group))
        return out

    def _still_to_sign_at(self, view: TokenView, k: int, sent_start: int) -> bool:
        """A future or negotiated signing ("sẽ ký", "plan to sign") just before the verb at *k*."""
        return any(
            self.future_sign.match(view, i) and i + self.future_sign.match(view, i) >= k
            for i in range(max(sent_start, k - 4), k + 1)
        )

    def _participants(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        out = []
        things = [c for c in group.top if c.entity.cls in ("Mechanism", "Event")]
        out.extend(self._chairs_of_the_event_before(view, group, ann))
        if not things:
            return out
        sent_start = view.index_at(group.sentence[0])
        sent_end = view.index_ending_at(group.sentence[1])
        markers = self.part_markers.starts(view, sent_start, sent_end)
        for k in sorted(set(markers) | set(self.part_verbs.starts(view, sent_start, sent_end))):
            n = self.part_markers.match(view, k)
            if n:
                before = [c for c in things if c.end <= k and k - c.end <= 30]
                if before:
                    target = before[-1]
                    meeting = next(
                        (
                            c
                            for c in before
                            if c.entity.cls == "Event"
                            and (
                                c.start <= target.start < target.end <= c.end  # the meeting's name holds it
                                or (
                                    0 <= target.start - c.end <= 2
                                    and all(
                                        view.norms[i] in ("of", "the", "của")
                                        for i in range(c.end, target.start)
                                    )
                                )
                            )
                        ),
                        None,
                    )
                    if target.entity.cls == "Mechanism" and meeting is not None:
                        target = (
                            meeting  # "the fourth meeting of the X Committee ..., co-chaired by": the meeting
                        )
                    _, clause_end = self._clause_bounds(view, k, group)
                    # "... của Bộ trưởng Ngoại giao Lào X": the state in a title is no participant
                    listed = _drop_title_actors(
                        [c for c in group.top if k + n <= c.start < clause_end and c.entity.cls in ACTORS]
                    )
                    for c in listed:
                        out.append(self._fact(target.entity.key, "participant", c.entity.key, group))
                continue
            n = self.part_verbs.match(view, k)
            if n:
                after = [c for c in things if k + n <= c.start <= k + n + 2]
                if not after:
                    continue
                clause_start, _ = self._clause_bounds(view, k, group)
                subjects = [
                    c for c in group.top if clause_start <= c.start and c.end <= k and c.entity.cls in ACTORS
                ]
                subjects = _drop_title_actors(subjects)
                _, clause_end = self._clause_bounds(view, k, group)
                has = next(
                    (
                        i
                        for i in range(after[0].end, min(after[0].end + 3, clause_end))
                        if view.norms[i] == "có"
                    ),
                    None,
                )
                if not subjects and has is not None:
                    # "Tham dự hội nghị có Bộ trưởng ... và Tổng Thư ký ASEAN X": those listed after "có"
                    subjects = _drop_title_actors(
                        [c for c in group.top if has < c.start < clause_end and c.entity.cls in ACTORS]
                    )
                for s in subjects:
                    out.append(self._fact(after[0].entity.key, "participant", s.entity.key, group))
        return out

    def _delegation_leaders(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        """ "The Vietnamese delegation was led by X, while the Russian side was headed by Y", "Đoàn Việt Nam
        do Thứ trưởng X dẫn đầu": the leaders take part in the event of this sentence or the one before."""
        sent_start = view.index_at(group.sentence[0])
        sent_end = view.index_ending_at(group.sentence[1])
        events = [
            e
            for e in self._events
            if e.start < sent_end and view.sentence_ids[e.start] >= view.sentence_ids[sent_start] - 1
        ]
        if not events:
            return []
        event = events[-1]
        people = [c for c in group.top if c.entity.cls == "Person"]
        out = []
        for k in self.delegation_markers.starts(view, sent_start, sent_end):
            n = self.delegation_markers.match(view, k)
            if not n or not any(
                self.delegation_words.match(view, i) for i in range(max(sent_start, k - 4), k)
            ):
                continue
            clause_start, clause_end = self._clause_bounds(view, k, group)
            if self.delegation_ends.by_first:  # "do X dẫn đầu": the leader is between the two
                end = next((i for i in range(k + n, clause_end) if self.delegation_ends.match(view, i)), None)
                if end is None:
                    continue
                clause_end = end
            leaders = [c for c in people if k + n <= c.start < clause_end]
            out.extend(self._fact(event.entity.key, "participant", c.entity.key, group) for c in leaders[:1])
        return out

    def _members(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        out = []
        actors = [c for c in group.top if c.entity.cls in NON_PERSON_ACTORS]
        starts = {c.start: c for c in actors}
        lo, hi = view.index_at(group.sentence[0]), view.index_ending_at(group.sentence[1])
        for k in sorted(set(self.join_verbs.starts(view, lo, hi)) | set(self.members.starts(view, lo, hi))):
            joined = self.join_verbs.match(view, k)
            if joined:
                # "Việt Nam gia nhập ASEAN năm 1995", "Laos joined ASEAN in 1997"
                member = next((c for c in actors if c.end <= k and k - c.end <= 2), None)
                target = starts.get(k + joined) or starts.get(k + joined + 1)
                if (
                    member is not None
                    and target is not None
                    and target.entity.cls == "InternationalOrganization"
                ):
                    out.append(self._fact(member.entity.key, "memberOf", target.entity.key, group))
                continue
            n = self.members.match(view, k)
            if not n:
                continue
            # "X là thành viên (của) Y" / "mà X là thành viên như Y1, Y2" / "X is a member of Y"
            before = [c for c in actors if c.end <= k and k - c.end <= 3]
            if not before:
                continue
            member = before[-1]
            link = " ".join(view.norms[member.end : k])
            if link not in (
                "là",
                "is a",
                "is an",
                "là một",
                "as a",
                "became a",
                "is",
                "are",
                "là các",
                "đã là",
                "trở thành",
                "đã trở thành",
                ", a",
                ", an",
                "became",
                "as",
            ):
                continue
            j = k + n
            _, clause_end = self._clause_bounds(view, j, group)
            if view.norms[j : j + 1] in (["state"], ["states"]):
                j += 1
            if view.norms[j : j + 1] in (["của"], ["of"]):
                j += 1
                if view.norms[j : j + 1] == ["the"]:
                    j += 1
                targets = [c for c in actors if c.start == j]
            elif view.norms[j : j + 1] in (["như"], ["gồm"], [","]):
                targets = [
                    c
                    for c in actors
                    if j < c.start < clause_end and c.entity.cls == "InternationalOrganization"
                ]
            else:
                targets = []
            for t in targets:
                if t.entity.key != member.entity.key:
                    out.append(self._fact(member.entity.key, "memberOf", t.entity.key, group))
        return out

    def _cooperation(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        pairs: list[tuple[Candidate, Candidate]] = []
        actors = [c for c in group.top if c.entity.cls in NON_PERSON_ACTORS]
        starts = {c.start: c for c in actors}
        sent_start = view.index_at(group.sentence[0])
        sent_end = view.index_ending_at(group.sentence[1])
        named = [c for c in group.top if c.entity.cls in ("Agreement", "Mechanism", "Event")]
        for k in self.cooperation.starts(view, sent_start, sent_end):
            n = self.cooperation.match(view, k)
            if not n or any(c.start < k < c.end for c in named):
                continue  # "Agreement on Cooperation in ...": a word of a name, not cooperation told
            j = k + n
            # "hợp tác (kinh tế ...) giữa X và Y" / "cooperation between X and Y"
            between_at = next(
                (i for i in range(j, min(j + 4, sent_end)) if self.between.match(view, i)), None
            )
            if between_at is not None:
                first = _past_possessive(view, starts.get(between_at + 1), starts)
                if first is not None:
                    and_at = _skip_acronym(view, first.end)
                    if self.ands.match(view, and_at):
                        second = _past_possessive(view, _next_actor(view, and_at + 1, starts), starts)
                        if second is not None:
                            pairs.append((first, second))
                            # "... với các tổ chức mà Nga là thành viên như X, Y": every one listed
                            pairs.extend((first, other) for other in _listed_after(view, second, starts))
                continue
            # "hợp tác X - Y" / "X-Y cooperation"
            first = starts.get(j)
            if (
                first is not None
                and view.norms[first.end : first.end + 1] == ["-"]
                and first.end + 1 in starts
            ):
                pairs.append((first, starts[first.end + 1]))
                continue
            before = [c for c in actors if c.end == k - 1 and view.norms[k - 1] == "-"]
            if self.lang == "en" and k >= 2:
                left = next((c for c in actors if c.end == k - 2 and view.norms[c.end] == "-"), None)
                right = next((c for c in actors if c.end == k), None)
                if left is not None and right is not None:
                    pairs.append((left, right))
                    continue
            clause_start, clause_end = self._clause_bounds(view, k, group)
            subjects = [c for c in actors if clause_start <= c.start and c.end <= k]
            # "X (tăng cường) hợp tác với Y"
            with_at = next(
                (i for i in range(j, min(j + 3, clause_end)) if view.norms[i] in ("với", "with")), None
            )
            if with_at is not None and with_at + 1 in starts and subjects:
                pairs.append((subjects[-1], starts[with_at + 1]))
                continue
            # "X và Y (tiếp tục) ... hợp tác" / "X and Y agreed to cooperate": a pair opening the clause
            if len(subjects) >= 2 and subjects[0].start <= clause_start + 1:
                a, b = subjects[0], subjects[1]
                if b.start == a.end + 1 and view.norms[a.end] in ("và", "and") and before == []:
                    pairs.append((a, b))
        out = []
        for a, b in pairs:
            if a.entity.key == b.entity.key:
                continue
            s, o = sorted((a.entity.key, b.entity.key))
            out.append(self._fact(s, "cooperatesWith", o, group))
        return out

    def _area_facts(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        out = []
        for c in group.top:
            if c.entity.cls not in NAMED_THINGS:
                continue
            end = c.end
            lead = _AREA_LEADS.match(view, end)
            if lead:
                stop = end + lead
                while (
                    stop < len(view)
                    and view.same_sentence(end, stop)
                    and view.is_word(stop)
                    and stop - end < 12
                ):
                    stop += 1
                end = stop
            actors = frozenset(
                i
                for a in group.top + group.nested
                if a.entity.cls in NON_PERSON_ACTORS and a.start < end and c.start < a.end
                for i in range(a.start, a.end)
            )
            for _, _, slug in self.areas.find(view, c.start, end, actors):
                out.append(self._fact(c.entity.key, "area", ("area", slug), group))
        # a mechanism named inside an event's name ("the ninth ... Strategic Defence Dialogue") has the
        # fields of its own name
        for c in group.nested:
            if c.entity.cls in NAMED_THINGS and c.entity.source == "rule":
                actors = frozenset(
                    i
                    for a in group.top + group.nested
                    if a.entity.cls in NON_PERSON_ACTORS and a.start < c.end and c.start < a.end
                    for i in range(a.start, a.end)
                )
                for _, _, slug in self.areas.find(view, c.start, c.end, actors):
                    out.append(self._fact(c.entity.key, "area", ("area", slug), group))
        return out

    def _event_dates(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        out = []
        events = [
            c
            for c in group.top
            if c.entity.cls == "Event" and c.entity.slug.split("-")[0] not in ("visit", "talks")
        ]
        for e in events:
            after = view.ends[e.end - 1]
            others = [c for c in group.top if c.start >= e.end and c.entity.cls in ("Event", "Agreement")]
            limit = view.starts[others[0].start] if others else group.sentence[1]
            date = next((d for d in ann.dates if after <= d.start < limit and d.start - after <= 30), None)
            if date is None:
                inside = [d for d in ann.dates if view.starts[e.start] <= d.start and d.end <= after]
                date = inside[0] if inside else None
            if date is None:
                # "... was held in Moscow on Thursday", "... diễn ra từ ngày 9/9-10/9 tại Jakarta"
                _, clause_end = self._clause_bounds(view, e.end, group)
                verb_at = next(
                    (i for i in range(e.end, min(e.end + 4, clause_end)) if self.event_verbs.match(view, i)),
                    None,
                )
                if verb_at is not None:
                    verb_end = view.ends[verb_at]
                    date = next(
                        (d for d in ann.dates if verb_end <= d.start < limit and d.start - verb_end <= 60),
                        None,
                    )
            if date is None and len({c.entity.key for c in events}) == 1:  # one event, maybe told twice
                before = [
                    d
                    for d in ann.dates
                    if group.sentence[0] <= d.start
                    and d.end <= view.starts[e.start]
                    and view.starts[e.start] - d.end <= 40
                ]
                date = before[-1] if before else None
                if date is None:
                    # "Ngày 8/10/2025, Đại sứ X đã tham dự Diễn đàn ...": the date that opens the sentence
                    date = next(
                        (d for d in ann.dates if _opens_sentence(ann.text, group.sentence[0], d)), None
                    )
            if date is not None and date.datatype != "date":
                date = self._finer_date(date, e, view, group, ann)
            if date is not None:
                out.append(
                    self._fact(e.entity.key, "date", ("date", date.value, date.datatype), group, date.note)
                )
                if date.datatype == "date":
                    self._dated_events.append((e.start, date))
        return out

    @staticmethod
    def _finer_date(
        date: DateMention, e: Candidate, view: TokenView, group: _SentenceMentions, ann: Annotations
    ) -> DateMention:
        """ "Tối 15/7, Những ngày Văn hóa Nga ... năm 2024 đã khai mạc": a year or month after the name
        (often the edition's) gives way to a day inside it, told just before the name or opening the
        sentence."""
        begin = view.starts[e.start]
        finer = [
            d
            for d in ann.dates
            if group.sentence[0] <= d.start
            and d.end <= begin
            and d.value.startswith(date.value)
            and len(d.value) > len(date.value)
            and (begin - d.end <= 40 or _opens_sentence(ann.text, group.sentence[0], d))
        ]
        return finer[-1] if finer else date

    def _sessions(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        out = []
        for e in group.top:
            if e.entity.cls != "Event":
                continue
            norms = view.norms[e.start : e.end]
            numbered = (
                any(norms[i : i + 2] == ["lần", "thứ"] for i in range(len(norms)))
                or any(n in ("meeting", "session", "summit") for n in norms)
                and any(ch.isdigit() for t in view.texts[e.start : e.end] for ch in t)
            )
            if not numbered:
                continue
            for m in self._inside(e, group, frozenset({"Mechanism"})):
                out.append(self._fact(e.entity.key, "sessionOf", m.entity.key, group))
        return out

    def _countries(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        out = []
        for c in group.top + group.nested:
            if c.entity.cls not in ("GovernmentBody", "Company"):
                continue
            inner = self._inside(c, group, frozenset({"State"}))
            # the state that closes the name ("Bộ Công an Việt Nam"), not the second of a pair joined
            # by a dash ("Vụ Châu Âu - Mỹ", a department for Europe and America)
            states = [n for n in inner if n.end == c.end and view.norms[n.start - 1] not in ("-", "–")]
            # "Vietnam Agency for Radiation ...", "General Department of Vietnam Customs": the one state of
            # an English name (not "Vietnam-Russia ...": two states)
            if (
                self.lang == "en"
                and len(inner) == 1
                and inner[0].end != c.end
                and view.norms[inner[0].end : inner[0].end + 1] not in (["-"], ["–"])
                and view.norms[inner[0].start - 1 : inner[0].start] not in (["-"], ["–"])
            ):
                states.append(inner[0])
            # "Vietnam's Ministry of ...", "Tập đoàn Baikalgaz của Nga"
            states += [
                s
                for s in group.top
                if s.entity.cls == "State"
                and (
                    (
                        s.end + 2 <= c.start <= s.end + 4
                        and view.texts[s.end] in ("'", "’")
                        and view.norms[s.end + 1] == "s"
                        # "Vietnam's shipping line X": a lower-case kind between
                        and all(view.is_lower_word(i) for i in range(s.end + 2, c.start))
                    )
                    or (s.start == c.end + 1 and view.norms[c.end] in ("của", "of") and self.lang == "vi")
                    or (
                        s.start == c.end + 1
                        and view.texts[c.end] == "("
                        and view.texts[s.end : s.end + 1] == [")"]
                    )
                )
            ]
            for s in states:
                out.append(self._fact(c.entity.key, "country", s.entity.key, group))
            state = self._demonym_before(view, c.start)
            if state is not None:
                out.append(self._fact(c.entity.key, "country", f"state/{state}", group))
        return out

    def _joint_participants(self, view: TokenView, group: _SentenceMentions, ann: Annotations) -> list[Fact]:
        """ "(hợp tác ...) với sự tham gia của X và các công ty Y, Z": actors of different countries
        named in one participation list of a sentence about cooperation cooperate with each other."""
        sent_start = view.index_at(group.sentence[0])
        sent_end = view.index_ending_at(group.sentence[1])
        if not any(
            self.cooperation.match(view, k) for k in self.cooperation.starts(view, sent_start, sent_end)
        ):
            return []
        out = []
        for k in self.joint_markers.starts(view, sent_start, sent_end):
            n = self.joint_markers.match(view, k)
            if not n:
                continue
            listed = _list_after(view, k + n, group.top, self.demonyms)
            sides = [
                (c, self._country_of(view, c, group)) for c in listed if c.entity.cls in NON_PERSON_ACTORS
            ]
            sides = [(c, country) for c, country in sides if country is not None]
            for i, (a, country_a) in enumerate(sides):
                for b, country_b in sides[i + 1 :]:
                    if country_a != country_b and a.entity.key != b.entity.key:
                        s, o = sorted((a.entity.key, b.entity.key))
                        out.append(self._fact(s, "cooperatesWith", o, group))
        return out

    def _country_of(self, view: TokenView, c: Candidate, group: _SentenceMentions) -> str | None:
        """The slug of the State an actor belongs to, when the gazetteer, its name or a demonym says it."""
        if c.entity.cls == "State":
            return c.entity.slug
        if c.entity.country:
            return c.entity.country
        ending = [s for s in self._inside(c, group, frozenset({"State"})) if s.end == c.end]
        if ending:
            return ending[-1].entity.slug
        return self._demonym_before(view, c.start)

    def _demonym_before(self, view: TokenView, k: int) -> str | None:
        """ "Russian engineering group Uralmash ...": a nationality adjective a few words before."""
        for i in range(k - 1, max(-1, k - 5), -1):
            if view.texts[i] in self.demonyms:
                return self.demonyms[view.texts[i]]
            if not view.is_lower_word(i) or not view.same_sentence(i, k):
                return None
        return None


_FUTURE_REACH = (
    4  # lower-case words between a future trigger and the name ("early conclusion of an effective Code")
)
_LIST_GAP = 5  # tokens between two items of a list: ", và các công ty", ", and the companies"


def _list_after(
    view: TokenView, k: int, mentions: list[Candidate], demonyms: dict[str, str]
) -> list[Candidate]:
    """The mentions listed from token *k* on: the first within a few words, each next one after only
    commas, "và"/"and", lower-case words and demonyms ("and Russian companies"); a longer gap, another
    capitalised word or other punctuation ends the list, so a place named later is not one of its items."""
    items: list[Candidate] = []
    cursor = k
    for c in sorted((c for c in mentions if c.start >= k), key=lambda c: c.start):
        gap = range(cursor, c.start)
        if len(gap) > _LIST_GAP or not all(
            view.texts[i] == "," or view.is_lower_word(i) or view.texts[i] in demonyms for i in gap
        ):
            break
        items.append(c)
        cursor = c.end
    return items


_DATE_GAPS = ("", "ngày", "năm", "of", "dated")


def _adjacent_date(view: TokenView, ann: Annotations, a: Candidate) -> DateMention | None:
    """The date told right after an instrument's name, or ending it: its own, no other's."""
    after = view.ends[a.end - 1]
    # "Tuyên bố về ứng xử ... năm 2002", "Công ước ... về Luật Biển 1982": the instrument's year
    year = next((d for d in ann.dates if d.datatype == "gYear" and 0 <= d.start - after <= 1), None)
    if year is None:
        year = next(
            (
                d
                for d in ann.dates
                if d.datatype == "gYear" and view.starts[a.start] < d.start and d.end == after
            ),
            None,
        )
    if year is None:
        # "Công ước ... về Luật Biển 1982", "Hiệp định ... ngày 6/9/2018 về ...": its date
        tail = _skip_acronym(view, a.end)
        gap_start = view.ends[tail - 1] if tail > a.end else after
        year = _date_right_after(ann, gap_start)
    return year


def _date_right_after(ann: Annotations, gap_start: int) -> DateMention | None:
    """The first date from *gap_start* on with only "ngày", "năm", "of" or "dated" before it (a bare year
    only when written as digits or "năm ...").

    The dates are in text order, so once the text between holds more than those few letters, no later
    date qualifies either: the search stops there (it sliced the text up to every later date).
    """
    longest = max(len(gap) for gap in _DATE_GAPS)
    for d in ann.dates:
        if d.start < gap_start:
            continue
        gap = ann.text[gap_start : d.start].strip()
        if len(gap) > longest:
            return None
        if gap.lower() in _DATE_GAPS and (
            d.datatype != "gYear"
            or ann.text[d.start : d.end].strip()[:1].isdigit()
            or ann.text[d.start : d.end].lower().startswith("năm")
        ):
            return d
    return None


_DATE_LEADS = frozenset(
    {"", "ngày", "hôm", "sáng", "chiều", "tối", "sáng ngày", "chiều ngày", "tối ngày", "on"}
)


# "Tại phiên họp, ...", "At the meeting, ...": a sentence about the meeting just told
_AT_THE = PhraseSet(["tại", "trong", "bên lề", "sau", "at", "during", "on the sidelines of", "after"])
_DATELINE_END = re.compile(r"\s*(?:\([^)]{1,30}\))?\s*[-–—]\s")


def _in_dateline(ann: Annotations, group: _SentenceMentions, date: DateMention) -> bool:
    """ "MOSCOW, Oct. 16 (VNA) - ...": the date of the report, not of what the sentence tells."""
    return date.start - group.sentence[0] <= 40 and _DATELINE_END.match(ann.text, date.end) is not None


def _opens_sentence(text: str, sentence_start: int, date: DateMention) -> bool:
    """The date comes first in its sentence, a comma after it ("Ngày 8/10/2025, ...", "On May 5, ...")."""
    if date.start < sentence_start or text[date.end : date.end + 1] != ",":
        return False  # (tested first: the lead is a slice of the sentence up to the date)
    return " ".join(text[sentence_start : date.start].split()).lower() in _DATE_LEADS


def _counterparty(view: TokenView, a: Candidate, group: _SentenceMentions) -> Candidate | None:
    """The actor named right after an instrument with "with"/"với" ("... A with the Authority for ...")."""
    k = a.end
    if view.norms[k : k + 1] not in (["with"], ["với"]):
        return None
    k += 1 + (view.norms[k + 1 : k + 2] == ["the"])
    return next((c for c in group.top if c.start == k and c.entity.cls in NON_PERSON_ACTORS), None)


def _past_possessive(view: TokenView, c: Candidate | None, starts: dict[int, Candidate]) -> Candidate | None:
    """ "between Vietnam's Ministry of X and Russia's Ministry of Y": the bodies, not their states."""
    if (
        c is not None
        and view.texts[c.end : c.end + 1] in (["'"], ["’"])
        and view.norms[c.end + 1 : c.end + 2] == ["s"]
    ):
        return starts.get(c.end + 2, c)
    return c


def _skip_acronym(view: TokenView, k: int) -> int:
    """After "Liên minh kinh tế Á - Âu (EAEU)": the token after the bracketed acronym."""
    if view.texts[k : k + 1] == ["("] and view.texts[k + 2 : k + 3] == [")"]:
        return k + 3
    return k


def _next_actor(view: TokenView, k: int, starts: dict[int, Candidate]) -> Candidate | None:
    """The actor at *k*, or after a few lower-case words ("với các viện Quốc hội Liên bang Nga")."""
    for i in range(k, min(k + 3, len(view))):
        if i in starts:
            return starts[i]
        if not view.is_lower_word(i):
            return None
    return None


def _listed_after(view: TokenView, first: Candidate, starts: dict[int, Candidate]) -> list[Candidate]:
    """Actors listed right after *first*: "X, Y và Z"."""
    out = []
    k = _skip_acronym(view, first.end)
    while k < len(view) and view.texts[k] in (",", "và", "and") and k + 1 in starts:
        nxt = starts[k + 1]
        out.append(nxt)
        k = _skip_acronym(view, nxt.end)
    return out


def _principal_actors(view: TokenView, subjects: list[Candidate]) -> list[Candidate]:
    """The actors that act, not those that qualify another: drop "Nga" in "Tập đoàn X của Nga", the
    state of "Vietnam's Ministry", the state of a title ("Bộ trưởng Nga Sergey Lavrov")."""
    out = []
    for i, c in enumerate(subjects):
        nxt = subjects[i + 1] if i + 1 < len(subjects) else None
        before = c.start - 1
        while (
            before > 0 and c.start - before <= 3 and (view.is_lower_word(before) or view.norms[before] == "-")
        ):
            if view.norms[before] in ("của", "of"):
                break
            before -= 1  # "a subsidiary of state-owned Russian Railways": past the adjectives
        if before >= 0 and view.norms[before] in ("của", "of"):
            continue
        if c.start > 0 and view.texts[c.start - 1] == "(" and view.texts[c.end : c.end + 1] == [")"]:
            continue  # "Công ty X (Nga)": the country of the one before
        if view.texts[c.end : c.end + 1] in (["'"], ["’"]):
            continue
        if nxt is not None and nxt.start == c.end and c.entity.cls == "State":
            continue
        out.append(c)
    return out


def _drop_title_actors(subjects: list[Candidate]) -> list[Candidate]:
    """In "Ngoại trưởng Nga Sergey Lavrov", Russia is part of the title: the person is the subject."""
    out = []
    for i, c in enumerate(subjects):
        nxt = subjects[i + 1] if i + 1 < len(subjects) else None
        if c.entity.cls != "Person" and nxt is not None and nxt.entity.cls == "Person" and nxt.start == c.end:
            continue
        out.append(c)
    return out
