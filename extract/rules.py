"""Find the document's entities: the gazetteer's, and the ones rules find that the gazetteer does not know.

Rules (Vietnamese and English, lexicons in ``data/triggers.toml``):

- a head word starts a name: instruments ("Hiệp định", "Agreement"), mechanisms ("Ủy ban",
  "Commission"), named events ("Hội nghị cấp cao ... lần thứ 4", "Summit"), companies ("Tập đoàn X",
  "X Corporation"), government bodies ("Bộ X", "Ministry of X"); :mod:`names` finds where it ends;
- a rule-found name that is a gazetteer name is the gazetteer's entity ("Tập đoàn Gazprom" is
  Gazprom): one node;
- a bare capitalised head ("Hội nghị", "Hiệp định") mid-sentence refers back to the latest entity of
  the document with that head.

People, visits, talks and sessions are found afterwards (:mod:`people`, :mod:`events`), because they
build on the actors found here. Overlaps are resolved longest first; gazetteer names inside a longer
name are kept as nested mentions (they support facts such as pg:country).
"""

import bisect
import re
from dataclasses import dataclass

from pactgraph.extract.gazetteer import Gazetteer, entity_of
from pactgraph.extract.lexicon import GazetteerEntry, Triggers
from pactgraph.extract.model import Annotations, Entity
from pactgraph.extract.names import MONTHS_AND_DAYS, NameExtent
from pactgraph.extract.slugs import name_key, slugify
from pactgraph.extract.tokens import PhraseSet, TokenView, phrase_tokens

HEAD_CLASSES = (
    ("agreement_heads", "Agreement"),
    ("mechanism_heads", "Mechanism"),
    ("event_heads", "Event"),
    ("company_heads", "Company"),
    ("government_heads", "GovernmentBody"),
)
_PLURALS = {"các", "những", "mọi", "nhiều"}
_EN_ORDINAL = re.compile(
    r"\d+(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)"
)
_LEGAL_SUFFIXES = re.compile(
    r"\s+(?:State Corporation|Corporation|Corp\.?|Company|JSC|PJSC|Co\.?|Ltd\.?|LLC|Inc\.?|Group|Holdings?)$"
)


def _without_legal_suffix(name: str) -> str:
    """ "Truong Son Energy Corporation" is also "Truong Son Energy"."""
    bare = _LEGAL_SUFFIXES.sub("", name)
    # "Roscosmos" alone is a name; "Energy" alone is not
    return bare if len(bare.split()) >= 2 or (len(bare) >= 5 and bare[0].isupper() and bare != name) else name


_FUNCTION_WORDS = {
    "và",
    "với",
    "của",
    "cho",
    "các",
    "những",
    "tại",
    "trong",
    "ở",
    "về",
    "là",
    "được",
    "đã",
    "sẽ",
}
_PARENT_WORDS = frozenset({"subsidiary", "unit", "arm", "affiliate"})
_BRACKETED_ACRONYM = re.compile(r"\s*\(\s*[A-Z][A-Z0-9&.-]{1,11}\s*\)")
# what is said of a happening, not of a standing body: "during the X Forum", "on the sidelines of ..."
_OCCASION = PhraseSet(["during", "at", "on the sidelines of", "on the margins of", "ahead of", "after"])


def _before_article(view: TokenView, start: int) -> int:
    """The token before a name, past its article: where "during" is in "during the X Forum"."""
    k = start - 1
    if k >= 0 and view.norms[k] in ("the", "a", "an"):
        k -= 1
    return k if k >= 0 else len(view)


# words of an English mechanism's name that say it is a format of cooperation between parties
_COOPERATION_CUES = frozenset(
    {
        "intergovernmental",
        "inter-governmental",
        "joint",
        "bilateral",
        "cooperation",
        "co-operation",
        "business",
        "coordinating",
        "mixed",
        "partnership",
        "dialogue",
        "between",
    }
)
ACTOR_CLASSES = frozenset({"State", "InternationalOrganization", "Company", "GovernmentBody", "Person"})


@dataclass
class Candidate:
    """A span of view tokens ``[start, end)`` naming *entity*."""

    start: int
    end: int
    entity: Entity
    source: str
    priority: int

    @property
    def length(self) -> int:
        return self.end - self.start


def _cut_at_known_names(
    cands: list[Candidate], view: TokenView, gaz: list[Candidate] = ()
) -> list[Candidate]:
    """ "Tổng giám đốc Tập đoàn Baikalgaz Oleg Venediktov": the company was named before as "Tập đoàn
    Baikalgaz", so the longer run ends there and the rest is left for the person finder."""
    out = []
    for c in cands:
        if c.entity.cls in ("Company", "GovernmentBody"):
            own = view.norms[c.start : c.end]
            best = None
            for d in [*cands, *(g for g in gaz if g.start == c.start)]:
                if d is c or d.entity.cls != c.entity.cls:
                    continue
                other = view.norms[d.start : d.end]
                prefix = len(other) < len(own) and own[: len(other)] == other
                rest = c.start + len(other)
                # "Bộ Công Thương Nga" is Russia's ministry, not the gazetteer's "Bộ Công Thương" + a name
                state_follows = any(g.start == rest and g.entity.cls == "State" for g in gaz)
                if (
                    prefix
                    and view.is_cap(rest)
                    and not state_follows
                    and (best is None or len(other) > best[0])
                ):
                    best = (len(other), d)
            if best is not None:
                c = Candidate(c.start, c.start + best[0], best[1].entity, c.source, c.priority)
        out.append(c)
    return out


def _next_at(positions: list[int], k: int, end: int) -> int:
    """The first of the sorted *positions* at or after *k*; *end* when there is none."""
    at = bisect.bisect_left(positions, k)
    return positions[at] if at < len(positions) else end


def place_after_unit(view: TokenView, k: int, places: PhraseSet) -> int:
    """Tokens of the place named at *k* after an administrative unit ("tỉnh", "vùng"), 0 when unsure.

    A known place, else a run of four capitalised syllables or more: a province's two and a person's
    name after it ("tỉnh Quảng Ninh Cao Tường Huy"), Vietnamese provinces being two syllables long.
    """
    known = places.match(view, k) if view.is_cap(k) else 0
    if known:
        return known
    run = 0
    while k + run < len(view) and view.same_sentence(k, k + run) and view.is_cap(k + run):
        run += 1
    return 2 if run >= 4 else 0


def _numbered(view: TokenView, body: int, end: int) -> bool:
    """ "lần thứ N" inside the name (tokens body..end)."""
    for i in range(body, min(end, len(view) - 1)):
        if not view.same_sentence(body, i):
            return False
        if view.norms[i] == "lần" and view.norms[i + 1] == "thứ":
            return True
    return False


_SHORT_NAME_CUTS = (" về ", " giữa ", " on ", " between ", " trong lĩnh vực ")


def make_rule_entity(cls: str, surface: str, lang: str, slug: str | None = None) -> Entity:
    """A rule-found entity: its slug is the slug of its normalised name (or *slug*), so re-runs keep the IRI.

    The name before its "về ..."/"giữa ..." part is kept as an alternative label
    ("Ủy ban hợp tác Việt Nam - Nga" for "Ủy ban hợp tác Việt Nam - Nga về giáo dục ...").
    """
    label = " ".join(surface.split())
    slug = slug if slug is not None else slugify(name_key(label))
    entity = Entity(cls=cls, slug=slug, labels={lang: label}, source="rule")
    if cls in ("Agreement", "Mechanism", "Event"):
        for cut in _SHORT_NAME_CUTS:
            head, found, _ = label.partition(cut)
            if found and len(head.split()) >= 2:
                entity.add_alias(lang, head)
    return entity


class EntityFinder:
    """Gazetteer and head-word rules for one language."""

    def __init__(self, gazetteer: Gazetteer, triggers: Triggers) -> None:
        self.gazetteer = gazetteer
        self.triggers = triggers
        self.lang = triggers.lang
        self.heads = {cls: PhraseSet(list(triggers.get(name))) for name, cls in HEAD_CLASSES}
        self._head_firsts = frozenset(first for heads in self.heads.values() for first in heads.by_first)
        every_head = [h for name, _ in HEAD_CLASSES for h in triggers.get(name)]
        self.any_head = PhraseSet(every_head)
        self.extent = NameExtent(triggers, self.any_head)
        self.lowercase_heads = PhraseSet(list(triggers.get("lowercase_mechanism_heads")))
        self.lowercase_company_heads = PhraseSet(list(triggers.get("lowercase_company_heads")))
        self.titles = PhraseSet(list(triggers.get("titles")))
        self.places = PhraseSet(list(triggers.get("places")))
        self.admin_units = PhraseSet(list(triggers.get("admin_units")))
        self.sign_verbs = PhraseSet(list(triggers.get("sign_verbs")))
        self._deal_verbs = PhraseSet([*triggers.get("sign_verbs"), *triggers.get("deal_verbs")])
        self._kind_words = PhraseSet(list(triggers.get("company_prefix_heads")))
        self.demonyms = triggers.demonyms
        self.lowercase_agreements = PhraseSet(list(triggers.get("lowercase_agreement_heads")))
        self.session_heads = PhraseSet(list(triggers.get("session_heads")))
        self.family_names = frozenset(triggers.get("family_names"))
        self._short_names = _short_names_before_topic(gazetteer)
        self._instrument_stops = PhraseSet(list(triggers.get("instrument_name_stops")))
        self._legal_form_heads = PhraseSet(list(triggers.get("legal_form_heads")))

    # ------------------------------------------------------------------ entry point

    def find(self, doc, view: TokenView, ann: Annotations) -> list[Candidate]:  # noqa: ANN001 - spaCy Doc
        gaz = self._gazetteer_candidates(doc, view, ann)
        mention_starts = {c.start for c in gaz}
        state_ends = {c.end for c in gaz if c.entity.cls == "State"}
        self._gaz = gaz
        self._inside_names = {i for c in gaz for i in range(c.start + 1, c.end - 1)}
        rules = self._vi_head_candidates(view, ann, mention_starts, state_ends) if self.lang == "vi" else []
        if self.lang == "en":
            rules = self._en_head_candidates(view, ann)
        return gaz + rules

    def _gazetteer_candidates(self, doc, view: TokenView, ann: Annotations) -> list[Candidate]:  # noqa: ANN001
        out = self._demonym_candidates(view)
        for hit in self.gazetteer.find(view, ann.masked, ann.text):
            out.append(Candidate(hit.start, hit.end, entity_of(hit.entry), "gazetteer", 2))
        return out

    def _demonym_candidates(self, view: TokenView) -> list[Candidate]:
        """English "Russian", "Vietnamese": state mentions (source "demonym": never a party, participant)."""
        out = []
        if not self.triggers.demonyms:
            return out
        states = {e.slug: e for e in self.gazetteer.entries if e.cls == "State"}
        for k, text in enumerate(view.texts):
            slug = self.triggers.demonyms.get(text)
            if slug in states and not view.noisy[k]:
                out.append(Candidate(k, k + 1, entity_of(states[slug]), "demonym", 0))
        return out

    # ------------------------------------------------------------------ Vietnamese heads

    def _head_tokens(self, view: TokenView) -> list[int]:
        """The tokens where a head of some class may start (its first word), in order."""
        return view.first_tokens(self, self._head_firsts)

    def _best_head(self, view: TokenView, k: int) -> tuple[str, int] | None:
        if view.norms[k] not in self._head_firsts:  # most tokens start no head of any class
            return None
        best: tuple[str, int] | None = None
        for cls, heads in self.heads.items():
            n = heads.match(view, k)
            if n and (best is None or n > best[1]):
                best = (cls, n)
        return best

    def _vi_head_candidates(
        self, view: TokenView, ann: Annotations, mention_starts: set[int], state_ends: set[int]
    ) -> list[Candidate]:
        out: list[Candidate] = []
        title_inside = set()
        for t in self.titles.starts(view):
            n = self.titles.match(view, t) if view.is_cap(t) else 0
            title_inside.update(range(t + 1, t + n))
        heads_at = self._head_tokens(view)
        k = 0
        while k < len(view):
            k = _next_at(heads_at, k, len(view))  # no head starts between (_best_head says so token by token)
            if k >= len(view):
                break
            head = self._best_head(view, k) if not view.noisy[k] else None
            if head is None:
                k += 1
                continue
            cls, n = head
            body = k + n
            at_start = view.sentence_start(k)
            if k in title_inside:
                k += 1
                continue  # "Thủ tướng Chính phủ Phạm Minh Chính": the head is the end of a title
            if k > 0 and view.norms[k - 1] in _PLURALS and view.same_sentence(k - 1, k):
                k += n
                continue  # "các Công ước liên quan", "các Viện Hàn lâm": a kind, not a name
            # a lower-case head names something only when an actor follows at once ("tổ công tác
            # giữa Việt Nam và Nga", "ủy ban hỗn hợp Việt - Lào")
            lower_ok = (
                cls == "Mechanism"
                and self.lowercase_heads.match(view, k)
                and self._actor_soon(view, body, mention_starts)
            ) or (cls == "Agreement" and self._between_actors_soon(view, body, mention_starts))
            # "hãng hàng không Ural Sky của Nga": a lower-case kind before a foreign name names a company
            lower_company = (
                cls == "Company"
                and not view.is_cap(k)
                and self.lowercase_company_heads.match(view, k) == n
                and view.is_cap(body)
                and body not in mention_starts
            )
            if not view.is_cap(k) and not lower_ok and not lower_company:
                k += 1
                continue
            if cls in ("Company", "GovernmentBody"):
                end = self._cap_run_end(view, body, mention_starts, state_ends)
                if end == body or self._overflows(view, end):
                    k += 1
                    continue
                acronym = None
            else:
                end, acronym = self.extent.end_vi(view, body, mention_starts, cls, self._inside_names)
                if cls == "Mechanism" and _numbered(view, body, end + 3):
                    # "Tham vấn lần thứ nhất ...": one occurrence, not the standing body
                    event_end, event_acronym = self.extent.end_vi(
                        view, body, mention_starts, "Event", self._inside_names
                    )
                    if _numbered(view, body, event_end):
                        cls, end, acronym = "Event", event_end, event_acronym
                if cls == "Mechanism" and view.norms[end : end + 1] == ["của"]:
                    end, cls = self._body_of_body(view, end, cls)
                if cls == "Event" and (
                    (view.norms[end : end + 1] == ["của"] and view.is_cap(end + 1))
                    or (view.is_cap(end) and self.heads["Mechanism"].match(view, end))
                ):
                    k += n
                    continue  # "Kỳ họp lần thứ 5 của Tiểu ban ...": a session, found with its mechanism
                if end == body:
                    k += n
                    continue  # a bare head: resolved later as a reference back
                if (
                    at_start
                    and not any(
                        (view.is_cap(i) and not view.texts[i][0].isdigit()) or i in mention_starts
                        for i in range(body, end)
                    )
                    and not self._titled_by_topic(view, cls, k, body, end)
                ):
                    k += n
                    continue  # "Đối thoại chính trị có ..." at a sentence start is a common noun
            if lower_company:
                k = body  # the name without the common noun before it
            surface = ann.text[view.starts[k] : view.ends[end - 1]]
            entity = self._resolve_name(cls, surface, view, k, body, end, ann, self._gaz)
            if acronym:
                entity.add_alias(self.lang, acronym)
            # "Công ty cổ phần Arktika Neftegaz" is "Arktika Neftegaz" later on (every syllable a capital)
            if (
                cls == "Company"
                and entity.source == "rule"
                and self._legal_form_heads.match(view, k) == n
                and end - body >= 2
                and all(view.is_cap(i) for i in range(body, end))
            ):
                entity.add_alias(
                    self.lang, " ".join(ann.text[view.starts[body] : view.ends[end - 1]].split())
                )
            out.append(Candidate(k, end, entity, "rule", 1))
            k = end if cls in ("Company", "GovernmentBody") else body
        out = _cut_at_known_names(out, view, self._gaz)
        self._short_names_in_brackets(view, out)
        return out

    def _short_names_in_brackets(self, view: TokenView, found: list[Candidate]) -> None:
        """ "Quỹ Đầu tư Trực tiếp Nga (RDIF)", "Federal Security Service (FSB)", "... Liên bang Nga
        (Rosselkhoznadzor)": the one word in brackets after a body's or company's name is a name of it
        too (an acronym, or a short name of five letters or more; not a state: "Công ty X (Nga)"). When
        the gazetteer knows the word, the name before it is that known entity."""
        starts = {g.start for g in self._gaz}
        known = {(g.start, g.end): g for g in self._gaz}
        for c in found:
            word = view.texts[c.end + 1] if c.end + 1 < len(view) else ""
            inner = known.get((c.end + 1, c.end + 2)) if view.texts[c.end : c.end + 1] == ["("] else None
            if (
                inner is not None
                and c.source == "rule"
                and view.texts[c.end + 2 : c.end + 3] == [")"]
                and inner.entity.cls == c.entity.cls
                and c.entity.cls in ("Company", "GovernmentBody")
            ):
                # "Joint Stock Commercial Bank for Foreign Trade of Vietnam (Vietcombank)": the long name
                # the gazetteer lacks names the entity it knows by the short one
                c.entity = inner.entity
                continue
            if (
                c.entity.cls in ("Company", "GovernmentBody")
                and view.texts[c.end : c.end + 1] == ["("]
                and view.texts[c.end + 2 : c.end + 3] == [")"]
                and c.end + 1 not in starts
                and (
                    (word.isupper() and len(word) >= 2)
                    or (word[:1].isupper() and len(word) >= 5 and word.isalpha())
                )
            ):
                c.entity.add_alias(self.lang, word)

    def _titled_by_topic(self, view: TokenView, cls: str, k: int, body: int, end: int) -> bool:
        """ "Hiệp định về hợp tác nghề cá sẽ được ký ...": at a sentence start the head's capital says
        nothing, but "<head> về <subject>" is how instruments and bodies are titled, so it is a name.
        The "về" comes at most two words after the head ("Hiệp định khung về ...") and a subject of two
        syllables or more follows it. A session noun ("Cuộc họp về ...") stays a common noun."""
        if cls not in ("Agreement", "Mechanism", "Event"):
            return False
        if cls == "Event" and self.session_heads.match(view, k):
            return False
        for i in range(body, min(body + 3, end)):
            if view.norms[i] == "về":
                return end - (i + 1) >= 2
        return False

    def _overflows(self, view: TokenView, end: int) -> bool:
        """The name seems to go on in lower case ("Viện Quan hệ quốc tế quốc gia ..."): unsure, skip it."""
        return (
            end < len(view)
            and view.same_sentence(end - 1, end)
            and view.is_lower_word(end)
            and view.is_lower_word(end - 1)
            and view.norms[end] not in _FUNCTION_WORDS
            and not self.extent.stops.match(view, end)
            and not self.extent.verb_stops.match(view, end)  # "Bộ Thủy sản hội đàm với ...": a verb
        )

    def _between_actors_soon(self, view: TokenView, body: int, mention_starts: set[int]) -> bool:
        """ "bản ghi nhớ giữa ASEAN và Nga", "memorandum of understanding between X and Y": a lower-case
        instrument whose parties follow at once."""
        for i in range(body, min(body + 5, len(view) - 1)):
            if not view.same_sentence(body, i):
                return False
            if view.norms[i] in ("giữa", "between"):
                nxt = i + 1 + (view.norms[i + 1] == "the")
                return nxt in mention_starts
        return False

    def _actor_soon(self, view: TokenView, body: int, mention_starts: set[int]) -> bool:
        return any(i in mention_starts for i in range(body, min(body + 4, len(view))))

    def _cap_run_end(self, view: TokenView, body: int, mention_starts: set[int], state_ends: set[int]) -> int:
        """End of a Vietnamese proper name: capitalised words, each with at most one lower-case syllable.

        The name ends after a state ("Bộ Ngoại giao Indonesia", "Hội đồng An ninh Nga"): what follows
        is another name ("... Nga Dmitry Medvedev").
        """
        k = body
        good = body
        lowers = 0
        unit = self.admin_units.match(view, body) if view.is_lower_word(body) else 0
        if unit and view.is_cap(body + unit) and view.same_sentence(body, body + unit):
            k = body + unit  # "Ủy ban nhân dân tỉnh Khánh Hòa": the unit's place is the name
            place = place_after_unit(view, k, self.places)
            if place:
                return k + place
        while k < len(view) and view.same_sentence(body, k) and not view.noisy[k]:
            if k in state_ends and k > body and view.norms[k : k + 1] != ["-"]:
                break  # "... Việt Nam Hoàng Văn Bình" (but "Việt - Amur" goes on)
            if k > body and self._person_name_at(view, k):
                break  # "Bộ trưởng Bộ Nông nghiệp và Môi trường Lê Văn Hưng": the minister, not the body
            place = self.places.match(view, k) if view.is_cap(k) else 0
            if place:
                good = k = k + place  # "UBND Thành phố Hồ Chí Minh": a place ends the name
                break
            if view.is_cap(k):
                lowers = 0
                k += 1
                good = k
            elif (
                view.norms[k] == "-"
                and k > body
                and (
                    view.is_cap(k + 1)
                    # "Vụ Thị trường châu Âu - châu Mỹ": a continent after the dash
                    or (view.norms[k + 1 : k + 2] == ["châu"] and view.is_cap(k + 2))
                )
                or (
                    # "Bộ Kế hoạch và Đầu tư": "và" inside a short name; after a long one it joins two
                    view.norms[k] == "và"
                    and view.is_cap(k + 1)
                    and not self.any_head.match(view, k + 1)
                    and (k + 1 not in mention_starts)
                    and sum(1 for i in range(body, k) if view.is_cap(i)) <= 2
                )
            ):
                k += 1
            elif lowers == 1 and (tail := self._lower_tail(view, k, mention_starts)):
                # "Cục Bảo vệ thực vật và Cơ quan ...": lower-case syllables up to a clear edge
                good = k = k + tail
                break
            elif (
                view.is_lower_word(k)
                and k > body
                and view.norms[k] not in _FUNCTION_WORDS
                and not self.extent.stops.match(view, k)
                and not self.extent.verb_stops.match(view, k)
                and (lowers == 0 or self._capital_soon(view, k, mention_starts, state_ends))
            ):
                # one lower-case syllable per word ("Ngoại giao"); a second one only inside the name
                # ("Phát triển nông thôn Việt Nam", "Khí hóa lỏng Sông Hồng")
                lowers += 1
                k += 1
                if lowers == 1:
                    good = k
            else:
                break
        return good

    def _body_of_body(self, view: TokenView, de: int, cls: str) -> tuple[int, str]:
        """ "Ủy ban Đối ngoại của Quốc hội Việt Nam": a committee of a government body is a body of that
        government, not a mechanism between parties; its name runs through the parent (and its state)."""
        parent = next((c for c in self._gaz if c.start == de + 1 and c.entity.cls == "GovernmentBody"), None)
        if parent is None or not view.same_sentence(de, parent.start):
            return de, cls
        end = parent.end
        state = next((c for c in self._gaz if c.start == end and c.entity.cls == "State"), None)
        return (state.end if state is not None else end), "GovernmentBody"

    def _lower_tail(self, view: TokenView, k: int, mention_starts: set[int]) -> int:
        """How many lower-case syllables from *k* (two at most) end a body's name at a clear edge:
        punctuation, the end of the sentence, a stop word, "và"/"với" before another name, or a
        person's full name ("Cục trưởng Cục Bảo vệ thực vật Huỳnh Tấn Đạt"); 0 when unsure."""
        n = 0
        while (
            n < 2
            and view.is_lower_word(k + n)
            and view.same_sentence(k, k + n)
            and view.norms[k + n] not in _FUNCTION_WORDS
            and not self.extent.stops.match(view, k + n)
            and not self.extent.verb_stops.match(view, k + n)
        ):
            n += 1
        e = k + n
        if not n:
            return 0
        if e >= len(view) or not view.same_sentence(k, e) or not view.is_word(e):
            return n
        if view.norms[e] in ("và", "với"):
            nxt = e + 1
            return n if nxt in mention_starts or (view.is_cap(nxt) and self.any_head.match(view, nxt)) else 0
        if self.extent.stops.match(view, e) or self.extent.verb_stops.match(view, e):
            return n
        return n if view.is_cap(e) and self._person_name_at(view, e) else 0

    def _person_name_at(self, view: TokenView, k: int) -> bool:
        """A Vietnamese full name ends the capitals at *k*: a family name and two or three more
        capitalised syllables, then no capital ("... Môi trường Lê Văn Hưng đã ...")."""
        if view.texts[k] not in self.family_names:
            return False
        run = 0
        while k + run < len(view) and view.same_sentence(k, k + run) and view.is_cap(k + run):
            run += 1
        return 3 <= run <= 4 and not self.places.match(view, k)

    def _capital_soon(self, view: TokenView, k: int, mention_starts: set[int], state_ends: set[int]) -> bool:
        """A capitalised word follows within two lower-case ones (the name goes on)."""
        for i in range(k + 1, min(k + 3, len(view))):
            if not view.same_sentence(k, i):
                return False
            if view.is_cap(i):
                return not self.any_head.match(view, i) and not self.titles_follow(view, i)
            if view.norms[i] in _FUNCTION_WORDS or self.extent.stops.match(view, i):
                return False
        return False

    def titles_follow(self, view: TokenView, i: int) -> bool:
        return bool(self.titles.match(view, i))

    # ------------------------------------------------------------------ English heads

    def _en_head_candidates(self, view: TokenView, ann: Annotations) -> list[Candidate]:
        out: list[Candidate] = []
        mention_starts = {c.start for c in self._gaz}
        mention_ends = {c.end for c in self._gaz}
        state_ends = {c.end for c in self._gaz if c.entity.cls == "State"}
        out.extend(self._en_lowercase_instruments(view, ann))
        heads_at = self._head_tokens(view)
        k = 0
        while k < len(view):
            k = _next_at(heads_at, k, len(view))  # no head starts between (_best_head says so token by token)
            if k >= len(view):
                break
            head = self._best_head(view, k) if view.is_cap(k) and not view.noisy[k] else None
            if head is None:
                k += 1
                continue
            cls, n = head
            start = self.extent.start_en(view, k, 0, mention_ends, company=cls == "Company")
            if (
                start > 0
                and _EN_ORDINAL.fullmatch(view.texts[start - 1])
                and view.same_sentence(start - 1, k)
            ):
                start -= 1  # "the ninth Vietnam-Russia Strategic Defence Dialogue": a lower-case ordinal
            end = self.extent.end_en(view, k + n, mention_starts, state_ends)
            if start == k and end == k + n:
                k += n
                continue  # a bare "Commission" or "Agreement": a reference back, resolved later
            surface = ann.text[view.starts[start] : view.ends[end - 1]]
            ordinal = _EN_ORDINAL.fullmatch(view.texts[start])
            if ordinal and cls == "Mechanism" and end - start > 2:
                # "the 3rd ASEAN-Russia Dialogue on ...": one meeting of the standing dialogue
                mechanism = self._resolve_name(
                    cls,
                    ann.text[view.starts[start + 1] : view.ends[end - 1]],
                    view,
                    start + 1,
                    k + n,
                    end,
                    ann,
                    self._gaz,
                )
                event = make_rule_entity("Event", surface, self.lang)
                event.slug = slugify(f"{mechanism.slug}-session-{view.texts[start]}")
                out.append(Candidate(start, end, event, "rule", 1))
                out.append(Candidate(start + 1, end, mechanism, "rule", 1))
                ann.work.setdefault("sessions", []).append((event.key, mechanism.key, view.starts[start]))
                k = end
                continue
            if ordinal and cls == "Mechanism":
                cls = "Event"
            if (
                cls == "Mechanism"
                and view.norms[k] in ("center", "centre")
                and (
                    "National" in view.texts[start:k]
                    or (
                        start < k
                        and view.is_cap(start)
                        and not ordinal
                        and sum(1 for t in view.norms[start:k] if t == "-") == 0
                        and any(g.start == start and g.entity.cls == "State" for g in self._gaz)
                    )
                )
            ):
                cls = "GovernmentBody"  # "Vietnam National Space Center": a state agency, not a joint centre
            if cls == "Mechanism" and not ordinal and self._organ_name(view, start, k, end):
                # "Eurasian Economic Commission": an organ, not a format between parties
                cls = "GovernmentBody"
            if (
                cls == "Mechanism"
                and view.norms[k] == "forum"
                and (self._held_during(view, start) or self._dated_right_after(view, ann, end))
            ):
                # "during the Vietnam-Russia Investment Forum", "the X Forum in New Delhi from June 3 to 5":
                # a forum held, not a standing one
                cls = "Event"
            entity = self._resolve_name(cls, surface, view, start, k + n, end, ann, self._gaz)
            if cls == "Company":
                bare = _without_legal_suffix(surface)
                if bare != surface:
                    entity.add_alias(self.lang, bare)
            out.append(Candidate(start, end, entity, "rule", 1))
            k = end
        self._short_names_in_brackets(view, out)
        out.extend(self._subsidiaries(view, ann, out))
        out.extend(self._possessive_partners(view, ann, out))
        out.extend(self._kind_named_companies(view, ann, out))
        return out

    def _kind_named_companies(
        self, view: TokenView, ann: Annotations, found: list[Candidate]
    ) -> list[Candidate]:
        """ "Belarusian dairy group Savushkin Product", "Russia's shipping line X": a capitalised name
        right after a lower-case word of a company's kind, with a nationality or a state's possessive
        at most two words before that word, is a company (without them, "the group X" may be anything)."""
        covered = {i for c in [*self._gaz, *found] for i in range(c.start, c.end)}
        out = []
        for k in self._kind_words.starts(view):
            n = self._kind_words.match(view, k)
            if not n or not view.is_lower_word(k):
                continue
            start = end = k + n
            while end < len(view) and end - start < 4 and view.is_cap(end) and end not in covered:
                if self.titles.match(view, end) or view.norms[end] in MONTHS_AND_DAYS:
                    break
                end += 1
            if end == start or not view.same_sentence(k, end - 1):
                continue
            cue = any(
                view.texts[i] in self.demonyms or self._possessor_start(view, i) is not None
                for i in range(max(0, k - 3), k)
            )
            if not cue:
                continue
            surface = ann.text[view.starts[start] : view.ends[end - 1]]
            out.append(Candidate(start, end, make_rule_entity("Company", surface, self.lang), "rule", 1))
            covered.update(range(start, end))
        return out

    def _possessive_partners(
        self, view: TokenView, ann: Annotations, found: list[Candidate]
    ) -> list[Candidate]:
        """ "Russia's PhosAgro and Vietnam's X Joint Stock Company signed ...", "Saigon Travel Group and
        Moscow's Pegas Touristik agreed ...": a name with no head word, after a state's or a city's
        possessive, joined by "and" to a company, the two the subject of a deal verb, is a company too."""
        known = [*self._gaz, *found]
        by_start = {c.start: c for c in known if c.entity.cls == "Company"}
        if not by_start:
            return []
        by_end = {c.end: c for c in known if c.entity.cls == "Company"}
        covered = {i for c in known for i in range(c.start, c.end)}
        out = []
        for k in view.positions_of({"'", "’"}):
            owner = self._possessor_start(view, k)
            if owner is None or view.norms[k + 1 : k + 2] != ["s"]:
                continue
            start = end = k + 2
            while end < len(view) and end - start < 3 and view.is_cap(end) and end not in covered:
                end += 1
            if end == start or not view.same_sentence(owner, end - 1) or self.titles.match(view, start):
                continue
            before = by_end.get(owner - 1)
            if before is not None and view.norms[owner - 1] == "and":
                verb_at = end  # "<Company> and Moscow's <name> agreed"
            elif view.norms[end : end + 1] == ["and"]:
                j = end + 1  # "<name> and [Vietnam's] <Company> signed"
                apostrophe = next(
                    (i for i in range(j + 1, min(j + 4, len(view))) if view.texts[i] in ("'", "’")), None
                )
                if apostrophe is not None and self._possessor_start(view, apostrophe) == j:
                    j = apostrophe + 2
                partner = by_start.get(j)
                if partner is None:
                    continue
                verb_at = partner.end
            else:
                continue
            if not self._deal_verbs.match(view, verb_at):
                continue
            surface = ann.text[view.starts[start] : view.ends[end - 1]]
            out.append(Candidate(start, end, make_rule_entity("Company", surface, self.lang), "rule", 1))
        return out

    def _possessor_start(self, view: TokenView, apostrophe: int) -> int | None:
        """Where the state or city before a possessive "'s" at *apostrophe* begins ("Russia's", "Ho Chi
        Minh City's"), or None when something else owns it."""
        if view.norms[apostrophe + 1 : apostrophe + 2] != ["s"]:
            return None
        state = next((c for c in self._gaz if c.end == apostrophe and c.entity.cls == "State"), None)
        if state is not None:
            return state.start
        for n in (1, 2, 3, 4):
            if apostrophe - n >= 0 and self.places.match(view, apostrophe - n) == n:
                return apostrophe - n
        return None

    def _subsidiaries(self, view: TokenView, ann: Annotations, found: list[Candidate]) -> list[Candidate]:
        """ "A subsidiary of state-owned Russian Railways, RZD International, signed ...": the name in
        apposition after "a subsidiary/unit/arm of <company>," is a company too."""
        companies = {c.start: c for c in [*self._gaz, *found] if c.entity.cls == "Company"}
        out = []
        for k in view.positions_of(_PARENT_WORDS):
            if view.norms[k + 1 : k + 2] != ["of"]:
                continue
            parent = next((companies[i] for i in range(k + 2, min(k + 6, len(view))) if i in companies), None)
            if parent is None or not all(
                view.is_word(i) or view.norms[i] == "-" for i in range(k + 2, parent.start)
            ):
                continue
            j = parent.end
            if view.texts[j : j + 1] != [","]:
                continue
            end = j + 1
            while end < len(view) and end - j <= 4 and view.is_cap(end) and view.same_sentence(j, end):
                end += 1
            if end - (j + 1) < 1 or view.texts[end : end + 1] != [","]:
                continue
            surface = ann.text[view.starts[j + 1] : view.ends[end - 1]]
            out.append(Candidate(j + 1, end, make_rule_entity("Company", surface, self.lang), "rule", 1))
        return out

    def _dated_right_after(self, view: TokenView, ann: Annotations, end: int) -> bool:
        """A day or a range told right after the name, after at most a place ("in New Delhi from June 3
        to 5, 2026", "on May 12"): the name is of one happening."""
        if end >= len(view):
            return False
        k = end
        if view.norms[k] in ("in", "at") and self.places.match(view, k + 1):
            k += 1 + self.places.match(view, k + 1)
        elif view.norms[k] in ("in", "at") and view.is_cap(k + 1):
            k += 2  # a place the list does not know, one word
        if k >= len(view) or view.norms[k] not in ("on", "from"):
            return False
        after = view.ends[k]
        return any(0 < d.start - after <= 3 and d.datatype == "date" for d in ann.dates)

    def _held_during(self, view: TokenView, start: int) -> bool:
        """An occasion phrase ("during", "on the sidelines of") ends just before the name (or its article)."""
        last = _before_article(view, start)
        if last >= len(view):
            return False
        return any(_OCCASION.match(view, i) == last - i + 1 for i in range(max(0, last - 3), last + 1))

    def _organ_name(self, view: TokenView, start: int, head: int, end: int) -> bool:
        """An English "Commission", "Committee" or "Council" that names no parties nor cooperation
        ("Eurasian Economic Commission", "Foreign Affairs Committee") is a body of its own, as opposed
        to "Vietnam-Russia Intergovernmental Commission" or "Joint Committee on ..."."""
        if view.norms[head] not in ("commission", "committee", "council") or start == head:
            return False
        words = set(view.norms[start:end])
        if words & _COOPERATION_CUES or "-" in words or "–" in words:
            return False
        actors = [g for g in self._gaz if start <= g.start and g.end <= end and g.entity.cls in ACTOR_CLASSES]
        return len(actors) <= 1

    def _en_lowercase_instruments(self, view: TokenView, ann: Annotations) -> list[Candidate]:
        """ "signed a memorandum of understanding on joint research in aquaculture on 3 October": an
        instrument named in lower case right after the verb that signs it."""
        out = []
        mention_starts = {c.start for c in self._gaz}
        for k in range(len(view)):
            n = self.sign_verbs.match(view, k)
            h = self.lowercase_agreements.match(view, k) if not n else 0
            if h and view.is_lower_word(k) and self._between_actors_soon(view, k + h, mention_starts):
                j = k  # "a memorandum of understanding between PetroVietnam and Gazprom Neft on ..."
            elif n:
                j = k + n
                if view.norms[j : j + 1] in (["a"], ["an"], ["the"]):
                    j += 1
                h = self.lowercase_agreements.match(view, j)
                # "signed a Heads of Agreement on the supply of ...": a Title Case head, a lower-case subject
                described = view.norms[j + h : j + h + 1] in (["on"], ["for"]) and view.is_lower_word(
                    j + h + 1
                )
                if not h or not (view.is_lower_word(j) or (view.is_cap(j) and described)):
                    continue
            else:
                continue
            end = j + h
            between = False
            good = end
            while end < len(view) and view.same_sentence(j, end) and end - j < 14 and view.is_word(end):
                norm = view.norms[end]
                if (view.is_cap(end) and not between) or self._instrument_stops.match(view, end):
                    break  # "... gas on the sidelines of the Russian Energy Week" (not "between X and Y")
                nxt = view.norms[end + 1] if end + 1 < len(view) else ""
                if norm in ("on", "in", "at", "from", "since") and (
                    nxt in MONTHS_AND_DAYS or nxt.isdigit() or view.is_cap(end + 1)
                ):
                    break  # a date or a place follows
                if norm == "between":
                    between = True
                elif norm == "and" and between:
                    between = False  # "between X and Y"
                    end += 1
                    continue
                if norm in ("which", "that", "to", "with", "and", "by", "for", "said", "was", "is", "will"):
                    break
                end += 1
                if norm not in ("on", "of", "in", "for", "the", "a", "an"):
                    good = end
            if between and view.texts[end : end + 1] in (["'"], ["’"]):
                continue  # "between Vietnam's Ministry of ... and Russia's ...": where it ends is unsure
            if good == j + h:
                continue  # "signed an agreement to open ...": no name, nothing to tell it from another
            surface = ann.text[view.starts[j] : view.ends[good - 1]]
            entity = make_rule_entity("Agreement", surface, self.lang)
            out.append(Candidate(j, good, entity, "rule", 1))
        return out

    # ------------------------------------------------------------------ identity

    def _resolve_name(
        self,
        cls: str,
        surface: str,
        view: TokenView,
        start: int,
        body: int,
        end: int,
        ann: Annotations,
        gaz: list[Candidate],
    ) -> Entity:
        """The gazetteer's entity when the name (or its body without the head) is a gazetteer name."""
        body_text = ann.text[view.starts[body] : view.ends[end - 1]] if body < end else ""
        for text in (surface, body_text):
            entry = self.gazetteer.lookup(text) if text else None
            if entry is not None and (entry.cls == cls or text == surface or cls in ("Company",)):
                entity = entity_of(entry)
                if name_key(surface) != name_key(entry.labels["vi"]):
                    entity.add_alias(self.lang, " ".join(surface.split()))
                return entity
        short = self._short_names.get(name_key(surface)) if cls in ("Mechanism", "Agreement") else None
        if short is not None and short.cls == cls:
            # "Ủy ban liên Chính phủ Việt Nam - Nga": the known commission named without its "về ..." part
            entity = entity_of(short)
            entity.add_alias(self.lang, " ".join(surface.split()))
            return entity
        # "Diễn đàn ... St. Petersburg (SPIEF) lần thứ 30" is the headline's "... St. Petersburg lần thứ 30"
        canonical = _BRACKETED_ACRONYM.sub("", _canonical_text(view, start, end, gaz, ann.text))
        slug = slugify(name_key(canonical))
        return make_rule_entity(cls, surface, self.lang, slug)


def _short_names_before_topic(gazetteer: Gazetteer) -> dict[str, GazetteerEntry]:
    """Known mechanisms and instruments by the part of a name before its topic ("Ủy ban liên Chính phủ
    Việt Nam - Nga" for "... về hợp tác kinh tế - thương mại ..."; "... Commission on ..."), where one
    entry alone has that short name."""
    found: dict[str, set[str]] = {}
    entries: dict[str, GazetteerEntry] = {}
    for entry in gazetteer.entries:
        if entry.cls not in ("Mechanism", "Agreement"):
            continue
        for name, _ in entry.all_names():
            for cut in (" về ", " on "):
                head, sep, _ = name.partition(cut)
                if sep and len(head.split()) >= 3:
                    found.setdefault(name_key(head), set()).add(entry.slug)
                    entries[entry.slug] = entry
    return {key: entries[next(iter(slugs))] for key, slugs in found.items() if len(slugs) == 1}


def _canonical_text(view: TokenView, start: int, end: int, gaz: list[Candidate], text: str) -> str:
    """The name with the states and organisations in it written as their slugs, so that
    "... hỗn hợp Việt - Nga" and "... hỗn hợp Việt Nam - Nga" are one name (one IRI)."""
    inner = sorted(
        (
            c
            for c in gaz
            if start <= c.start and c.end <= end and c.entity.cls in ("State", "InternationalOrganization")
        ),
        key=lambda c: (c.start, -c.end),
    )
    pieces, cursor, last_end = [], view.starts[start], -1
    for c in inner:
        if c.start < last_end:
            continue
        pieces.append(text[cursor : view.starts[c.start]])
        pieces.append(f" {c.entity.slug} ")
        cursor = view.ends[c.end - 1]
        last_end = c.end
    pieces.append(text[cursor : view.ends[end - 1]])
    return "".join(pieces)


def _own_name(cand: Candidate, top: list[Candidate], candidates: list[Candidate]) -> bool:
    """A named event, mechanism or instrument inside another name ("Tuyên bố chung của Hội nghị cấp cao
    ... lần thứ 4"): it starts later than the outer name and is no part of a gazetteer name."""
    if cand.entity.cls not in ("Mechanism", "Event", "Agreement", "GovernmentBody", "Company"):
        return False
    outer = next(t for t in top if t.start <= cand.start and cand.end <= t.end)
    if outer.start == cand.start:
        return False
    return not any(
        g.source == "gazetteer" and g.start <= cand.start and cand.end <= g.end for g in candidates
    )


def second_mentions(view: TokenView, top: list[Candidate]) -> list[Candidate]:
    """Later, shorter mentions of a name a rule found ("Truong Son Energy CEO ..." after "Truong Son Energy
    Corporation"): every label and alias of the document's rule-found actors, where nothing else was found."""
    covered = [False] * len(view)
    for c in top:
        for i in range(c.start, c.end):
            covered[i] = c
    names: dict[tuple[str, ...], Entity] = {}
    for c in top:
        if c.source != "rule" or c.entity.cls not in (
            "Company",
            "GovernmentBody",
            "InternationalOrganization",
        ):
            continue
        for label in [
            *c.entity.labels.values(),
            *(a for aliases in c.entity.aliases.values() for a in aliases),
        ]:
            toks = phrase_tokens(label)
            one_word = len(toks) == 1 and (label.isupper() or len(label) >= 5) and label[0].isupper()
            alias = any(label in names for names in c.entity.aliases.values())
            if len(toks) >= 2 or (one_word and alias):  # "RDIF", "Roscosmos"
                names.setdefault(toks, c.entity)
    out = []
    for toks, entity in sorted(names.items(), key=lambda item: -len(item[0])):
        n = len(toks)
        # only where the name's first word is (a scan of every token per name was quadratic)
        for k in view.positions_of({toks[0]}):
            if k > len(view) - n:
                break
            if not view.is_cap(k) or tuple(view.norms[k : k + n]) != toks:
                continue
            # free tokens, or a shorter gazetteer name inside ("RZD" in "RZD International", named before)
            inside = {id(c): c for c in covered[k : k + n] if c}
            if all(
                c.source == "gazetteer" and k <= c.start and c.end <= k + n and c.length < n
                for c in inside.values()
            ):
                out.append(Candidate(k, k + n, entity, "rule", 1))
                for i in range(k, k + n):
                    covered[i] = True
    return out


def drop_inside(top: list[Candidate], longer: list[Candidate]) -> list[Candidate]:
    """*top* without the candidates that lie inside a longer one of *longer* (see second_mentions)."""
    return [
        c
        for c in top
        if not any(m.start <= c.start and c.end <= m.end and m.length > c.length for m in longer)
    ]


def resolve_overlaps(candidates: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """Longest first (gazetteer before rule on ties): ``(top-level, nested gazetteer mentions)``."""
    ordered = sorted(candidates, key=lambda c: (-c.length, -c.priority, c.start))
    taken = [False] * (max((c.end for c in candidates), default=0) + 1)
    top: list[Candidate] = []
    nested: list[Candidate] = []
    for cand in ordered:
        if any(taken[cand.start : cand.end]):
            inside = any(t.start <= cand.start and cand.end <= t.end for t in top)
            # gazetteer names inside a longer name support facts; a named event or mechanism inside
            # an instrument's name ("Tuyên bố chung của Hội nghị cấp cao ... lần thứ 4") is one too
            # but not a homonym at the start of a longer name of its kind: "Bộ Công Thương" in
            # "Bộ Công Thương Nga" is not Vietnam's ministry
            homonym = any(
                t.start == cand.start and t.entity.cls == cand.entity.cls and t.entity.key != cand.entity.key
                for t in top
            )
            # "Gazprom" in "Gazprom Neft": a company's name inside another company's is no mention of it
            company_in_company = cand.entity.cls == "Company" and any(
                t is not cand
                and t.start <= cand.start
                and cand.end <= t.end
                and t.length > cand.length
                and t.entity.cls == "Company"
                for t in candidates
            )
            if (
                inside
                and not homonym
                and not company_in_company
                and (cand.source == "gazetteer" or _own_name(cand, top, candidates))
            ):
                nested.append(cand)
            continue
        for i in range(cand.start, cand.end):
            taken[i] = True
        top.append(cand)
    return sorted(top, key=lambda c: c.start), sorted(nested, key=lambda c: c.start)
