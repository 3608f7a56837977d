"""People named after a title, and whom they act for.

"Tổng thống Nga Vladimir Putin", "Bộ trưởng Ngoại giao Indonesia Retno Marsudi", "Chủ tịch Duma
quốc gia Nga X", "Thủ tướng Nga lúc đó là Dmitry Medvedev"; "Russian President Vladimir Putin",
"Foreign Minister of Indonesia Retno Marsudi", "Rosatom CEO Alexey Likhachev". The actor named
inside the title is the one the person represents (pg:represents), the title is the pg:role. A name
is two to four capitalised words (initials allowed: "V. Putin"); a single word is accepted only as
the surname of a person already known in the document ("Tổng thống Putin", "ông Medvedev").
"""

import bisect
from dataclasses import dataclass, field

from pactgraph.extract.gazetteer import Gazetteer, entity_of
from pactgraph.extract.lexicon import Triggers
from pactgraph.extract.model import Annotations, Entity, Fact
from pactgraph.extract.rules import Candidate, make_rule_entity, place_after_unit
from pactgraph.extract.tokens import PhraseSet, TokenView

_ACADEMIC = PhraseSet(
    ["PGS.", "TS.", "GS.", "ThS.", "PGS.TS.", "GS.TS.", "TSKH.", "BS.", "KS.", "NGND", "NGƯT"]
)
_FILLERS = PhraseSet(["lúc đó là", "khi đó là", "lúc bấy giờ là", "hiện là", "đương nhiệm", ","])
_PATRONYMIC_ENDINGS = ("vich", "vna", "ich", "ovna", "evna", "ovich", "evich")
NON_PERSON_ACTORS = frozenset({"State", "InternationalOrganization", "Company", "GovernmentBody"})


@dataclass
class PeopleResult:
    candidates: list[Candidate] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)


class PersonFinder:
    def __init__(self, gazetteer: Gazetteer, triggers: Triggers, any_head: PhraseSet) -> None:
        self.gazetteer = gazetteer
        self.lang = triggers.lang
        self.titles = PhraseSet(list(triggers.get("titles")))
        self.honorifics = PhraseSet(list(triggers.get("honorifics")))
        self.any_head = any_head
        self.demonyms = triggers.demonyms
        self.portfolio_words = frozenset(triggers.get("portfolio_words"))
        self.places = PhraseSet(list(triggers.get("places")))
        self.admin_units = PhraseSet(list(triggers.get("admin_units")))
        self.lowercase_titles = PhraseSet(list(triggers.get("lowercase_titles")))
        self.family_names = frozenset(triggers.get("family_names"))

    def find(self, view: TokenView, top: list[Candidate], ann: Annotations) -> PeopleResult:
        result = PeopleResult()
        by_start = {c.start: c for c in top}
        self._by_start = by_start
        unit_places = self._unit_places(view, top)
        by_end = {c.end: c for c in top}
        covered = [None] * len(view)
        for c in top:
            for i in range(c.start, c.end):
                covered[i] = c
        known: dict[str, Entity] = {c.entity.key: c.entity for c in top if c.entity.cls == "Person"}
        title_starts = self.titles.starts(view)
        k = 0
        while k < len(view):
            # skip to the next token where a title may start (no title anywhere else: nothing to do there)
            at = bisect.bisect_left(title_starts, k)
            if at == len(title_starts):
                break
            k = title_starts[at]
            n = self.titles.match(view, k) if view.is_cap(k) and covered[k] is None else 0
            # "Chủ tịch nước Cộng hòa ..." where a name starts inside the title ("nước Cộng hòa ... Việt Nam")
            inner = next((s for s in range(k + 1, k + n) if s in by_start), None)
            if inner is not None and self.titles.match(view, k) >= inner - k and self.titles.match(view, k):
                n = inner - k
            if not n:
                k += 1
                continue
            title_end = k + n
            acts: list[Candidate] = []
            j = title_end
            if self.lang == "en":
                first = _title_start(view, k)  # "FSB First Deputy Director X": the body before "First"
                before = by_end.get(first) or self._org_by_prefix(view, first, by_end)
                if before is not None and before.entity.cls in NON_PERSON_ACTORS:
                    acts.append(before)
                elif (
                    first > 0 and view.texts[first - 1] in self.demonyms and view.same_sentence(first - 1, k)
                ):
                    state = self._demonym_state(view.texts[first - 1])
                    if state is not None:
                        acts.append(Candidate(first - 1, first, state, "gazetteer", 2))
                # "Minister of Energy", "Vice Minister of Public Works and Transport": the portfolio
                if view.norms[j : j + 1] == ["of"] and j + 1 not in by_start and view.is_cap(j + 1):
                    portfolio_end = self._portfolio_end(view, j + 1, by_start)
                    if portfolio_end > j + 1:
                        title_end = j = portfolio_end
                if view.norms[j : j + 1] in (["of"], ["to"]) and j + 1 in by_start:
                    if view.norms[j] == "of":
                        acts.append(by_start[j + 1])
                    j = by_start[j + 1].end
            elif j not in by_start and view.is_cap(j):
                # "Bộ trưởng Thương mại Indonesia X": a portfolio in capitals before the state
                portfolio_end = self._portfolio_end(view, j, by_start)
                if portfolio_end > j and portfolio_end in by_start:
                    title_end = j = portfolio_end
            while j in by_start and by_start[j].entity.cls in NON_PERSON_ACTORS and view.same_sentence(k, j):
                acts.append(by_start[j])
                j = by_start[j].end
            place = self.places.match(view, j) if view.is_cap(j) else 0
            if place and not acts:
                j += place  # "Thống đốc Saint Petersburg Alexander Beglov": where, not who
            unit = self.admin_units.match(view, j) if not acts and view.is_lower_word(j) else 0
            if unit:
                # "Thống đốc vùng Primorye Viktor Lebedev": a place the document named after its unit;
                # when unsure where the place ends, no name is taken (j stays on the unit)
                place = next(
                    (len(p) for p in unit_places if tuple(view.norms[j + unit : j + unit + len(p)]) == p),
                    place_after_unit(view, j + unit, self.places),
                )
                j += unit + place if place else 0
            # "Đại sứ Nga tại Việt Nam X", "Ambassador to Russia": the host country is not represented
            if view.norms[j : j + 1] in (["tại"], ["to"], ["in"]) and j + 1 in by_start:
                j = by_start[j + 1].end
            elif view.norms[j : j + 1] in (["tại"], ["in"]) and acts and self.places.match(view, j + 1):
                j += 1 + self.places.match(view, j + 1)  # "Tổng Lãnh sự Nga tại Đà Nẵng X": the post's city
            bare = self.any_head.match(view, j)
            if not acts and bare and view.texts[j + bare : j + bare + 1] == [","]:
                j += bare  # "Chủ tịch Hội đồng, ông Igor Matveyenko": the body named before
            elif (
                not acts
                and bare
                and j + bare not in by_start
                and view.texts[j + bare : j + bare + 1]
                and (view.texts[j + bare] in self.family_names)
            ):
                j += bare  # "Phó Thủ tướng Chính phủ Nguyễn Hoàng Long": "Chính phủ" is part of the title
            if view.texts[j : j + 1] == [","] and self.honorifics.match(view, j + 1):
                j += 1 + self.honorifics.match(view, j + 1)
            filler = _FILLERS.match(view, j)
            if filler and view.texts[j] != ",":
                j += filler
            elif filler and self.titles.match(view, j + 1):
                # "Bộ trưởng Bộ Quốc phòng Việt Nam, Đại tướng Lê Quang Hòa": a second title
                j += 1 + self.titles.match(view, j + 1)
            elif filler and _ACADEMIC.match(view, j + 1):
                j += 1
            while _ACADEMIC.match(view, j):
                j += _ACADEMIC.match(view, j)
            while self.lang == "en" and j not in by_start and self.titles.match(view, j):
                j += self.titles.match(
                    view, j
                )  # "Deputy Minister of National Defence Senior Lieutenant General X"
            person = self._person_at(view, j, by_start, known, ann)
            if person is None:
                k = title_end
                continue
            cand, entity = person
            known[entity.key] = entity
            if not acts and self.honorifics.match(view, k) >= n:
                # "Giáo sư Irina Petrovskaya, Giám đốc Viện X": after a rank or an academic title, the title
                # after the name names the body (not after a post: "Tổng thống X, Chủ tịch Duma ..." lists)
                name_end = cand.end if cand is not None else by_start[j].end
                self._apposition(view, name_end, entity, ann, result)
            if cand is not None:
                result.candidates.append(cand)
                for i in range(cand.start, cand.end):
                    covered[i] = cand
            sentence = ann.sentence_of(view.starts[k])
            # a title says whom a person acts for even in a photo caption (the caption's events are not facts)
            if sentence is not None:
                role = " ".join(ann.text[view.starts[k] : view.ends[title_end - 1]].split())
                result.facts.append(Fact(entity.key, "role", ("text", role, self.lang), sentence))
                if acts:
                    result.facts.append(Fact(entity.key, "represents", acts[0].entity.key, sentence))
                # "Ngoại trưởng Indonesia X", "Russian Foreign Minister X": the state of the title is theirs
                state = next((a for a in acts if a.entity.cls == "State"), None)
                if state is not None:
                    result.facts.append(Fact(entity.key, "country", state.entity.key, sentence))
            k = cand.end if cand is not None else j + 1
        result.candidates.extend(self._honorific_references(view, covered, known, ann, result))
        result.candidates.extend(self._surname_references(view, covered, known))
        result.candidates.extend(self._lowercase_titles(view, by_end, covered, known, ann, result))
        if self.lang == "en":
            for t in self.titles.starts(view):
                # "Andrei Kalinin, Minister in charge of Trade of the Eurasian Economic Commission"
                n = self.titles.match(view, t) if view.is_cap(t) and t > 0 and view.texts[t - 1] == "," else 0
                if n:
                    result.candidates.extend(
                        self._title_after_name(view, t, t + n, covered, known, ann, result)
                    )
        result.facts.extend(self._gazetteer_countries(view, top + result.candidates, ann, result.facts))
        return result

    def _gazetteer_countries(
        self, view: TokenView, mentions: list[Candidate], ann: Annotations, facts: list[Fact]
    ) -> list[Fact]:
        """The state a known head of state, head of government or minister serves (reviewed gazetteer
        data), told once per document at the person's first mention, unless the text gives one."""
        told = {f.subject for f in facts if f.predicate == "country"}
        out = []
        for c in sorted(mentions, key=lambda c: c.start):
            entity = c.entity
            known = entity.cls == "Person" and entity.source == "gazetteer" and entity.country
            if not known or entity.key in told:
                continue
            sentence = ann.sentence_of(view.starts[c.start])
            if sentence is None:
                continue
            told.add(entity.key)
            # the sentence names the person; the country is the gazetteer's, and the evidence says so
            basis = "the person's country from the reviewed gazetteer (extract/data/gazetteer.toml)"
            out.append(Fact(entity.key, "country", f"state/{entity.country}", sentence, basis=basis))
        return out

    def _unit_places(self, view: TokenView, top: list[Candidate]) -> list[tuple[str, ...]]:
        """Places named after an administrative unit inside a body's name ("Chính quyền vùng Primorye"
        gives "Primorye"), longest first: they end at a known edge, which a title's run does not."""
        places = set()
        for c in top:
            if c.entity.cls not in NON_PERSON_ACTORS:
                continue
            for i in range(c.start, c.end):
                unit = self.admin_units.match(view, i) if view.is_lower_word(i) else 0
                if unit and i + unit < c.end and all(view.is_cap(t) for t in range(i + unit, c.end)):
                    places.add(tuple(view.norms[i + unit : c.end]))
        return sorted(places, key=len, reverse=True)

    def _demonym_state(self, word: str) -> Entity | None:
        slug = self.demonyms.get(word)
        entry = next((e for e in self.gazetteer.entries if e.slug == slug and e.cls == "State"), None)
        return entity_of(entry) if entry is not None else None

    def _listed_portfolio(self, view: TokenView, k: int) -> bool:
        """Portfolio words from *k* on, separated by commas, with "and" before the last one: the rest of a
        list ("Sports and Tourism" after "Culture,"); not a name after a comma ("Finance, Anton Siluanov")."""
        while k < len(view) and view.texts[k] in self.portfolio_words:
            k += 1
            if view.norms[k : k + 1] == ["and"]:
                return k + 1 < len(view) and view.texts[k + 1] in self.portfolio_words
            if view.texts[k : k + 1] != [","]:
                return False
            k += 1
        return False

    def _portfolio_end(self, view: TokenView, j: int, by_start: dict[int, Candidate]) -> int:
        """End of a capitalised portfolio after a title ("of Public Works and Transport", "Thương mại")."""
        k = j
        good = j
        while k < len(view) and view.same_sentence(j, k) and k not in by_start and k - j < 8:
            if self.lang == "en" and view.is_cap(k) and view.texts[k] not in self.portfolio_words:
                break
            if view.is_cap(k) and not view.texts[k][0].isdigit():
                k += 1
                good = k
            elif (
                view.norms[k] in ("and", "và", "-")
                and view.is_cap(k + 1)
                and k + 1 not in by_start
                and not self.titles.match(view, k + 1)  # "X và Thứ trưởng ...": another person's title
            ):
                k += 1
            elif self.lang == "en" and view.texts[k] == "," and k > j and self._listed_portfolio(view, k + 1):
                k += 1  # "Minister of Culture, Sports and Tourism": a portfolio listed with commas
            elif (
                self.lang == "vi"
                and view.is_lower_word(k)
                and k > j
                and view.is_cap(k - 1)
                and view.norms[k] not in ("và", "với")
            ):
                k += 1
                good = k
            else:
                break
        # the last capitalised words may be the person's name: keep two for it when nothing follows
        return good

    def _person_at(
        self,
        view: TokenView,
        j: int,
        by_start: dict[int, Candidate],
        known: dict[str, Entity],
        ann: Annotations,
    ) -> tuple[Candidate | None, Entity] | None:
        existing = by_start.get(j)
        if existing is not None:
            return (None, existing.entity) if existing.entity.cls == "Person" else None
        end = self.name_end(view, j, by_start)
        if end <= j:
            return None
        surface = " ".join(ann.text[view.starts[j] : view.ends[end - 1]].split())
        words = [w for w in surface.replace(".", ". ").split() if w]
        entity = self.person_entity(surface, known)
        if entity is None and len(words) < 2:
            return None
        if entity is None:
            entity = make_rule_entity("Person", canonical_person_name(surface), self.lang)
            if canonical_person_name(surface) != surface:
                entity.add_alias(self.lang, surface)
        return Candidate(j, end, entity, "rule", 1), entity

    def name_end(self, view: TokenView, j: int, by_start: dict[int, Candidate]) -> int:
        """End of a capitalised personal name starting at token *j* (0-4 words, initials allowed)."""
        k = j
        words = 0
        while k < len(view) and words < 4 and view.same_sentence(j, k) and not view.noisy[k]:
            if k != j and k in by_start:
                break
            text = view.texts[k]
            if (
                not view.is_cap(k)
                or text[0].isdigit()
                or self.any_head.match(view, k)
                or self.titles.match(view, k)
            ):
                break
            if len(text) == 1 and k + 1 < len(view) and view.texts[k + 1] == ".":
                k += 2  # an initial: "V." / "V.I."
                continue
            if text.isupper() and len(text) > 1:
                break  # acronyms are organisations, not names
            words += 1
            k += 1
            if (
                k < len(view)
                and view.norms[k] == "-"
                and view.is_cap(k + 1)
                and view.ends[k - 1] == view.starts[k]
            ):
                k += 1  # "Jean-Pierre"; a spaced dash ("Việt - Nga") is not part of a name
        return k if words else j

    def person_entity(self, surface: str, known: dict[str, Entity]) -> Entity | None:
        """The known person *surface* names: the gazetteer's, or one already in the document."""
        entry = self.gazetteer.lookup(surface)
        if entry is not None and entry.cls == "Person":
            return entity_of(entry)
        canonical = canonical_person_name(surface)
        entry = self.gazetteer.lookup(canonical)
        if entry is not None and entry.cls == "Person":
            return entity_of(entry)
        last = surface.replace(".", " ").split()[-1]
        initials = [w[0] for w in surface.replace(".", " ").split()[:-1]]
        for entity in known.values():
            names = [entity.labels.get(self.lang, ""), *entity.labels.values()]
            for name in names:
                parts = name.split()
                if len(parts) >= 2 and parts[-1] == last and (not initials or parts[0][0] == initials[0]):
                    return entity
        return None

    def _honorific_references(
        self, view: TokenView, covered: list, known: dict[str, Entity], ann: Annotations, result: PeopleResult
    ) -> list[Candidate]:
        """ "ông Medvedev", "Mr Lavrov": a person the document already named; "ông Lý Thanh Tùng, Tổng
        giám đốc Tổng công ty X": a new person with a full name, and whom the title after it names."""
        out = []
        by_start: dict[int, Candidate] = {}
        for k in self.honorifics.starts(view, 0, len(view) - 1):
            n = self.honorifics.match(view, k)
            if not n or covered[k] is not None:
                continue
            j = k + n
            if view.texts[j : j + 1] == ["."]:
                j += 1
            while _ACADEMIC.match(view, j) or self.honorifics.match(view, j):  # "GS.TS.", "ông TS."
                j += _ACADEMIC.match(view, j) or self.honorifics.match(view, j)
            if j >= len(view) or covered[j] is not None or not view.is_cap(j):
                continue
            end = self.name_end(view, j, by_start)
            surface = " ".join(ann.text[view.starts[j] : view.ends[max(end, j + 1) - 1]].split())
            entity = self.person_entity(surface, known) if end > j else None
            if entity is None and end - j == 1:
                entity = self.person_entity(view.texts[j], known)
            if entity is None and end - j >= 2:
                entity = make_rule_entity("Person", canonical_person_name(surface), self.lang)
            if entity is None:
                continue
            end = max(end, j + 1)
            known[entity.key] = entity
            out.append(Candidate(j, end, entity, "rule", 1))
            self._apposition(view, end, entity, ann, result)
        return out

    def _surname_references(
        self, view: TokenView, covered: list, known: dict[str, Entity]
    ) -> list[Candidate]:
        """ "Volkov held talks with ...": the surname alone, after the full name was told, names that person
        (a foreign name of two words or more; Vietnamese ones are called by their given name, and a bare
        given name is too often another word). A capitalised word next to it makes it part of another name."""
        surnames: dict[str, Entity] = {}
        for entity in known.values():
            names = {tuple(label.split()) for label in entity.labels.values()}
            for name in names:
                if len(name) >= 2 and name[0] not in self.family_names and len(name[-1]) >= 4:
                    surnames.setdefault(name[-1], entity)
        out = []
        if not surnames:
            return out
        for k in view.positions_of({s.lower() for s in surnames}):
            text = view.texts[k]
            entity = surnames.get(text)
            if (
                entity is None
                or covered[k] is not None
                or view.noisy[k]
                or (
                    k > 0
                    and view.is_cap(k - 1)
                    and view.same_sentence(k - 1, k)
                    and not view.sentence_start(k)
                )
                or (k + 1 < len(view) and view.is_cap(k + 1) and view.same_sentence(k, k + 1))
            ):
                continue
            cand = Candidate(k, k + 1, entity, "rule", 1)
            covered[k] = cand
            out.append(cand)
        return out

    def _lowercase_titles(self, view, by_end, covered, known, ann, result) -> list[Candidate]:  # noqa: ANN001
        """ "Kazan Federal University rector Rustam Gafurov", "Rosatom's director for international
        business, Sergei Antonov", "agency director X" (the agency named before): an organisation, a
        lower-case title, a name; and "X, trade minister of the Eurasian Economic Commission"."""
        out = []
        for k in self.lowercase_titles.starts(view):
            n = self.lowercase_titles.match(view, k)
            if not n or not view.is_lower_word(k):
                continue
            org = self._org_before_title(view, k, by_end)
            j = k + n
            if org is None:
                out.extend(self._title_after_name(view, k, j, covered, known, ann, result))
                continue
            j = _skip_portfolio_phrase(view, j)
            end = self.name_end(view, j, self._by_start)
            if end - j < 2 or any(covered[i] is not None for i in range(j, end)):
                continue
            surface = " ".join(ann.text[view.starts[j] : view.ends[end - 1]].split())
            entity = self.person_entity(surface, known) or make_rule_entity(
                "Person", canonical_person_name(surface), self.lang
            )
            known[entity.key] = entity
            out.append(Candidate(j, end, entity, "rule", 1))
            for i in range(j, end):
                covered[i] = out[-1]
            sentence = ann.sentence_of(view.starts[k])
            if sentence is not None and sentence not in ann.captions:
                role = " ".join(ann.text[view.starts[k] : view.ends[k + n - 1]].split())
                result.facts.append(Fact(entity.key, "role", ("text", role, self.lang), sentence))
                result.facts.append(Fact(entity.key, "represents", org.entity.key, sentence))
        return out

    def _org_before_title(self, view: TokenView, k: int, by_end: dict[int, Candidate]) -> Candidate | None:
        """The organisation a lower-case title at *k* belongs to: named just before it, before a
        possessive ("Rosatom's"), or referred to by its kind ("agency director": the agency named last)."""
        org = by_end.get(k)
        if org is None and k >= 3 and view.texts[k - 2] in ("'", "’") and view.norms[k - 1] == "s":
            org = by_end.get(k - 2)
        if org is None and k >= 2 and view.texts[k - 1] in ("'", "’"):
            org = by_end.get(k - 1)  # "Baltic Nuclear Services' director"
        if org is None:
            org = self._org_by_prefix(view, k, by_end)  # "Binh Son general director X"
        if org is None and k >= 1 and view.is_lower_word(k - 1) and view.same_sentence(k - 1, k):
            kind = view.norms[k - 1]
            named = [
                c
                for c in by_end.values()
                if c.end <= k - 1
                and c.entity.cls in NON_PERSON_ACTORS
                and kind in view.norms[c.start : c.end]
            ]
            org = max(named, key=lambda c: c.end) if named else None
        return org if org is not None and org.entity.cls in NON_PERSON_ACTORS else None

    def _org_by_prefix(self, view: TokenView, k: int, by_end: dict[int, Candidate]) -> Candidate | None:
        """ "Binh Son general director X", "Tomsk Polytechnic rector Y": the capitalised words before
        a title at *k* are the first words of an organisation the document named in full before."""
        first = k
        while first > 0 and k - first < 4 and view.is_cap(first - 1) and view.same_sentence(first - 1, k):
            first -= 1
        run = view.norms[first:k]
        if not run or (len(run) == 1 and len(run[0]) < 5) or first in self._by_start:
            return None
        named = [
            c
            for c in by_end.values()
            if c.end <= first
            and c.entity.cls in ("Company", "GovernmentBody")
            and c.end - c.start > len(run)
            and view.norms[c.start : c.start + len(run)] == run
        ]
        return max(named, key=lambda c: c.end) if named else None

    def _title_after_name(self, view, k, j, covered, known, ann, result) -> list[Candidate]:  # noqa: ANN001
        """ "said Nikolai Vetrov, trade minister of the Eurasian Economic Commission": the name before the
        comma, the organisation after "of"."""
        comma = k - 1
        while comma > 0 and comma > k - 3 and view.is_lower_word(comma):
            comma -= 1  # "trade minister": a lower-case portfolio before the title
        if view.norms[j : j + 3] == ["in", "charge", "of"] or view.norms[j : j + 1] == ["for"]:
            # "Minister in charge of Trade of the Eurasian Economic Commission": past the portfolio
            j += 3 if view.norms[j] == "in" else 1
            while j < len(view) and view.is_cap(j) and view.same_sentence(k, j) and j not in self._by_start:
                j += 1
        if self.lang != "en" or view.texts[comma] != "," or view.norms[j : j + 1] != ["of"]:
            return []
        at = j + 1 + (view.norms[j + 1 : j + 2] == ["the"])
        org = self._by_start.get(at)
        if org is None or org.entity.cls not in NON_PERSON_ACTORS:
            return []
        first = comma
        while (
            first > 0
            and comma - first < 4
            and view.is_cap(first - 1)
            and view.same_sentence(first - 1, comma)
        ):
            first -= 1
        if comma - first < 2 or any(
            covered[i] is not None and covered[i].entity.cls != "Person" for i in range(first, comma)
        ):
            return []
        while first < comma and self.honorifics.match(view, first):
            first += self.honorifics.match(view, first)  # "said Professor X Y, rector of ..."
        if comma - first < 2 or self.name_end(view, first, self._by_start) != comma:
            return []
        surface = " ".join(ann.text[view.starts[first] : view.ends[comma - 1]].split())
        named = covered[comma - 1]  # already found (after an honorific): the same person
        entity = (
            named.entity
            if named is not None
            else self.person_entity(surface, known)
            or make_rule_entity("Person", canonical_person_name(surface), self.lang)
        )
        known[entity.key] = entity
        sentence = ann.sentence_of(view.starts[k])
        if sentence is None or sentence in ann.captions:
            return []
        role = " ".join(ann.text[view.starts[comma + 1] : view.ends[j - 1]].split())
        result.facts.append(Fact(entity.key, "role", ("text", role, self.lang), sentence))
        result.facts.append(Fact(entity.key, "represents", org.entity.key, sentence))
        if covered[first] is not None:
            return []  # already a mention of this person
        cand = Candidate(first, comma, entity, "rule", 1)
        for i in range(first, comma):
            covered[i] = cand
        return [cand]

    def _apposition(
        self, view: TokenView, end: int, entity: Entity, ann: Annotations, result: PeopleResult
    ) -> None:
        """ ", Tổng giám đốc Tổng công ty Cảng biển X, ...": the title and organisation after a name."""
        if view.texts[end : end + 1] not in ([","], ["–"], ["—"], ["-"]):
            return  # "ông X, Tổng giám đốc Y", "bà X – Phó Tổng giám đốc Y"
        n = self.titles.match(view, end + 1)
        if not n:
            return
        title_end = end + 1 + n
        sentence = ann.sentence_of(view.starts[end])
        if sentence is None or sentence in ann.captions:
            return
        role = " ".join(ann.text[view.starts[end + 1] : view.ends[title_end - 1]].split())
        result.facts.append(Fact(entity.key, "role", ("text", role, self.lang), sentence))
        target = self._by_start.get(title_end)
        if target is None and view.norms[title_end : title_end + 1] == ["of"]:
            target = self._by_start.get(title_end + 1)
        if target is not None and target.entity.cls in NON_PERSON_ACTORS:
            result.facts.append(Fact(entity.key, "represents", target.entity.key, sentence))
            if target.entity.cls == "State":
                result.facts.append(Fact(entity.key, "country", target.entity.key, sentence))


_TITLE_MODIFIERS = frozenset(
    {"First", "Senior", "Acting", "Executive", "Deputy", "Vice", "Chief", "Principal"}
)


def _title_start(view: TokenView, k: int) -> int:
    """The first word of an English title whose listed part starts at *k* ("First Deputy Director")."""
    while k > 0 and view.texts[k - 1] in _TITLE_MODIFIERS and view.same_sentence(k - 1, k):
        k -= 1
    return k


def _skip_portfolio_phrase(view: TokenView, j: int) -> int:
    """ "director for international business, Sergei Antonov": past a short "for ..." and its comma."""
    if view.texts[j : j + 1] == [","]:
        return j + 1  # "Novaya Energiya's chief executive, Dmitry Orlov, said"
    if view.norms[j : j + 1] not in (["for"], ["of"]):
        return j
    k = j + 1
    while k < len(view) and k - j < 6 and view.is_word(k) and view.same_sentence(j, k):
        k += 1
    return k + 1 if view.texts[k : k + 1] == [","] and k > j + 1 else j


def canonical_person_name(surface: str) -> str:
    """Drop a Russian patronymic ("Vladimir Vladimirovich Putin" -> "Vladimir Putin")."""
    words = surface.split()
    if len(words) == 3 and words[1].lower().endswith(_PATRONYMIC_ENDINGS):
        return f"{words[0]} {words[2]}"
    return surface
