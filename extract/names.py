"""Where a name found after a head word ends ("Hiệp định ... giữa X và Y về Z", "Agreement on ...").

Vietnamese names run over lower-case words ("Hiệp định Thương mại tự do"), so the end is found by
what stops a name: punctuation, a stop word ("được", "ký", "tại", "ngày"...), the start of another
named thing after "và", the end of the sentence. English names are Title Case runs with their
connectors ("of", "on", "between", "and", "the").
"""

from pactgraph.extract.dates import MONTHS_EN, WEEKDAYS_EN
from pactgraph.extract.lexicon import Triggers
from pactgraph.extract.tokens import PhraseSet, TokenView

MAX_NAME_TOKENS = 28
_VI_TRAIL = {
    "và",
    "về",
    "của",
    "giữa",
    "với",
    "các",
    "trong",
    "lĩnh",
    "vực",
    "cùng",
    "là",
    "một",
    "bên",
    "những",
}
_EN_CONNECTORS = {
    "of",
    "on",
    "and",
    "for",
    "between",
    "the",
    "in",
    "to",
    "&",
    "-",
    "'",
    "’",
    "s",
    "de",
    "a",
    "an",
    # "... on Container Shipping via the Northern Sea Route", "Convention against Transnational ..."
    "via",
    "against",
    "within",
}
_EN_TRAIL = {
    "of", "on", "and", "for", "between", "the", "in", "to", "&", "-", "'", "’", "de", "a", "an", ",", "via",
    "against", "within",
}  # fmt: skip
_DETERMINERS = {"các", "những", "một", "mọi", "hai", "ba"}
_VERBISH_AFTER_AND = PhraseSet(
    [
        "củng cố",
        "bảo đảm",
        "ngăn chặn",
        "giải quyết",
        "phát huy",
        "hợp tác",
        "đề nghị",
        "đề xuất",
        "nhất trí",
        "thúc đẩy",
        "tăng cường",
        "hỗ trợ",
        "triển khai",
        "mở rộng",
        "nâng cao",
        "đẩy mạnh",
        "khẳng định",
        "nhấn mạnh",
        "cam kết",
        "ủng hộ",
        "tiếp tục",
        "duy trì",
        "xây dựng",
        "hoàn thiện",
        "phối hợp",
        "đánh giá",
        "ký",
        "thông qua",
        "là",
        "đã",
        "sẽ",
        "được",
    ]
)


# abbreviations that stay inside a name with their full stop ("St. Petersburg")
_NAME_ABBREVIATIONS = frozenset({"St", "Mt", "Ft", "Ste"})


def _abbreviation_stop(view: TokenView, k: int) -> bool:
    """Token *k* is the full stop of "St." (attached to it) before a capitalised word."""
    return (
        view.texts[k] == "."
        and k > 0
        and view.texts[k - 1] in _NAME_ABBREVIATIONS
        and view.ends[k - 1] == view.starts[k]
        and view.is_cap(k + 1)
    )


_OPEN_QUOTES = frozenset({'"', "“", "«"})
_CLOSE_QUOTES = frozenset({'"', "”", "»"})
MAX_QUOTED_TOKENS = 12


def _closing_quote(view: TokenView, k: int) -> int | None:
    """The closing quote of a short quoted title of words opening at *k*, in the same sentence."""
    for i in range(k + 2, min(k + 2 + MAX_QUOTED_TOKENS, len(view))):
        if not view.same_sentence(k, i):
            return None
        if view.texts[i] in _CLOSE_QUOTES:
            return i
        if not view.is_word(i) and view.texts[i] != "-":
            return None
    return None


class NameExtent:
    """Finds the end of a name that starts at a head word, for one language."""

    def __init__(self, triggers: Triggers, heads: PhraseSet) -> None:
        self.lang = triggers.lang
        self.stops = PhraseSet(list(triggers.get("name_stops")))
        self.verb_stops = PhraseSet(list(triggers.get("verb_stops")))
        self.places = PhraseSet(list(triggers.get("places")))
        self.glue = PhraseSet(list(triggers.get("name_glue")))
        self.heads = heads
        self.titles = PhraseSet([t for t in triggers.get("titles") if t[:1].isupper()])

    def end_vi(
        self,
        view: TokenView,
        start: int,
        mention_starts: set[int],
        cls: str = "Agreement",
        inside_names: set[int] = frozenset(),
    ) -> tuple[int, str | None]:
        """Exclusive end token of the name whose body starts at *start*, and an acronym in brackets.

        An event's name ends after its number ("Hội nghị cấp cao ASEAN - Nga lần thứ 4"); an
        instrument's name goes on through "của" + a name ("Tuyên bố chung của Hội nghị ...").
        """
        if start > 0 and not view.same_sentence(start - 1, start):
            return start, None  # the head ends its sentence (a headline's "... ra Tuyên bố chung")
        k = start
        clause: str | None = None
        used_and = False
        good = start
        acronym = None
        limit = min(len(view), start + MAX_NAME_TOKENS)
        while k < limit and view.same_sentence(start, k) and not view.noisy[k]:
            text = view.texts[k]
            norm = view.norms[k]
            if norm == "-":
                if view.is_word(k + 1) and view.same_sentence(k, k + 1) and k > start:
                    k += 1
                    continue
                break
            if text == "(":
                if k + 2 < len(view) and view.texts[k + 2] == ")" and view.texts[k + 1].isupper():
                    acronym = view.texts[k + 1]
                    if cls in ("Event", "Mechanism") and view.norms[k + 3 : k + 5] == ["lần", "thứ"]:
                        k += 3  # "Diễn đàn ... (SPIEF) lần thứ 30": the number after the acronym
                        continue
                break
            if _abbreviation_stop(view, k):
                k += 1  # "Diễn đàn Kinh tế quốc tế St. Petersburg"
                continue
            if (
                text == ","
                and clause == "về"
                and view.is_lower_word(k + 1)
                and not self.stops.match(view, k + 1)
                and view.norms[k + 1] not in _DETERMINERS
            ):
                k += 1
                continue
            if text in _OPEN_QUOTES and k > start:
                close = _closing_quote(view, k)
                if close is None:
                    break
                k = good = (
                    close + 1
                )  # Diễn đàn ... "Phát triển chủ nghĩa nghị viện" lần thứ 3: a quoted title
                continue
            if not view.is_word(k):
                if text in ("+",) and k > start:
                    k += 1
                    good = k
                    continue
                break
            if norm == "của" and cls == "Agreement" and view.is_cap(k + 1) and view.same_sentence(k, k + 1):
                k += 1
                continue
            if (
                norm == "giai"
                and view.norms[k + 1 : k + 2] == ["đoạn"]
                and view.texts[k + 2 : k + 3]
                and (view.texts[k + 2].isdigit())
            ):
                # "Chương trình hợp tác giai đoạn 2024-2026 giữa ...": the period is part of the name
                k += 3
                while (
                    view.norms[k : k + 1] == ["-"]
                    and view.texts[k + 1 : k + 2]
                    and view.texts[k + 1].isdigit()
                ):
                    k += 2
                good = k
                continue
            glued = self.glue.match(view, k)
            if glued:
                k += glued
                good = k
                continue
            if cls == "Agreement" and view.is_cap(k) and self.heads.match(view, k):
                k += self.heads.match(
                    view, k
                )  # "Nghị định thư Kỳ họp lần thứ 26 ...": the session's protocol
                good = k
                continue
            if clause == "về" and cls == "Agreement" and view.norms[k : k + 2] == ["đối", "với"]:
                k += 2  # "Nghị định thư về yêu cầu kiểm dịch đối với sầu riêng ...": still its subject
                continue
            if view.is_lower_word(k) and (self.stops.match(view, k)):
                break  # a verb inside "về ..." is the subject's ("về hợp tác cung cấp khí")
            if (
                norm == "lần"
                and view.norms[k + 1 : k + 2] == ["thứ"]
                and k + 2 < len(view)
                and cls == "Event"
            ):
                after = k + 3
                # "... lần thứ 4" ends the name, "Tham vấn lần thứ nhất đại diện cao cấp ..." goes on
                goes_on = view.is_lower_word(after) and view.same_sentence(k, after)
                if (
                    not goes_on
                    or self.stops.match(view, after)
                    or self.verb_stops.match(view, after)
                    or _VERBISH_AFTER_AND.match(view, after)  # "... lần thứ 12 thúc đẩy thương mại"
                    or view.norms[after] == "về"
                ):
                    return after, acronym
                k = after
                good = k
                continue
            if norm in ("giữa",):
                clause = "giữa"
            elif norm == "về":
                clause = "về"
            elif norm in ("và", "với") and k in inside_names:
                pass  # the "và" of "Bộ Giáo dục và Đào tạo": part of a name inside this one
            elif norm in ("và", "với"):
                nxt = k + 1
                if not view.same_sentence(k, nxt):
                    break
                if clause == "giữa" and not used_and:
                    if not (view.is_cap(nxt) or nxt in mention_starts):
                        break  # "... giữa Việt Nam và Liên minh ... Á - Âu và hợp tác dầu khí": no party
                    used_and = True
                    k += 1
                    continue
                if (
                    self.heads.match(view, nxt)
                    or nxt in mention_starts
                    or _VERBISH_AFTER_AND.match(view, nxt)
                    or view.norms[nxt] in _DETERMINERS
                ):
                    break
                # "khoa học và công nghệ" (a list of modifiers), "Khoa học và Công nghệ" (Title Case);
                # not "Liên Hợp Quốc và luật pháp quốc tế" (a name, then something else)
                lower_list = view.is_lower_word(nxt) and view.is_lower_word(k - 1)
                if clause == "về" or view.is_cap(nxt) or lower_list:
                    k += 1
                    continue
                break
            k += 1
            good = k
        while good > start and view.norms[good - 1] in _VI_TRAIL:
            good -= 1
        return good, acronym

    def end_en(
        self,
        view: TokenView,
        start: int,
        mention_starts: set[int] = frozenset(),
        state_ends: set[int] = frozenset(),
    ) -> int:
        """Exclusive end of a Title Case name continuing at *start* (connectors allowed inside).

        It ends before "and the Ministry ..." (another name), after "of Russia" when "and" follows, and
        before a date ("... Joint Venture on May 17").
        """
        if start > 0 and not view.same_sentence(start - 1, start):
            return start  # the head ends its sentence: nothing after it is part of the name
        k = start
        good = start
        # the head may end with the preposition ("Ministry of"): then a list goes on at once
        in_phrase = start > 0 and view.norms[start - 1] in ("of", "on", "for", "between", "in")
        between = start > 0 and view.norms[start - 1] == "between"
        between_at: int | None = None  # a "between" inside the name, kept only with two known parties
        limit = min(len(view), start + MAX_NAME_TOKENS)
        while k < limit and view.same_sentence(start, k) and not view.noisy[k]:
            norm = view.norms[k]
            if _abbreviation_stop(view, k):
                k += 1  # "St. Petersburg International Economic Forum"
                continue
            if view.is_cap(k) and (
                self.titles.match(view, k)
                or (view.norms[k] in ("first", "second") and self.titles.match(view, k + 1))
            ):
                break  # "Saigon Travel Group CEO X", "Bank of Russia First Deputy Governor X": a title
            if view.is_cap(k):
                if norm in MONTHS_AND_DAYS or (view.texts[k].isdigit() and not _count_in_name(view, k)):
                    break
                k += 1
                good = k
            elif norm in ("and", ","):
                # inside "of ...", "on ...", "between ..." a list goes on ("of Industry and Trade");
                # right after the head it joins two names ("X Corporation and Russian Y")
                nxt = k + 1 + (view.norms[k + 1 : k + 2] == ["the"])
                if between and norm == "and":
                    between = False  # "between Vietnam and Russia": the second party is in the name
                    if between_at is not None and nxt not in mention_starts:
                        # "... between ASEAN and the Eurasian Economic Commission": a party the gazetteer
                        # does not know is a name of its own, so neither party is part of this one
                        good = between_at
                        break
                    k += 1
                    continue
                if (
                    not in_phrase
                    or nxt in mention_starts
                    or self.heads.match(view, nxt)
                    or nxt == k + 2
                    or self._headed_run(view, nxt)
                ):
                    break  # "..., and the Prosecutor General's Office", "... and Baltic Nuclear Services JSC"
                if norm == "," and not view.is_cap(k + 1):
                    break
                k += 1
            elif norm in _EN_CONNECTORS or norm == "+":
                if (
                    norm in ("in", "on", "since", "from")
                    and view.texts[k + 1 : k + 2]
                    and view.texts[k + 1].isdigit()
                ):
                    break  # "... Cybercrime in 2016": a date, not the name
                if norm in ("in", "at") and self.places.match(view, k + 1):
                    break  # "... Passports in Moscow": where, not what
                if norm == "between":
                    between_at = k
                if norm == "between" and k + 1 + (view.norms[k + 1 : k + 2] == ["the"]) not in mention_starts:
                    # "Memorandum ... between Vinamilk Corporation and X": parties the gazetteer does not know
                    # are names of their own (found by their rules), not words of the instrument's title;
                    # "Treaty ... between Vietnam and Russia" keeps its known parties
                    break
                in_phrase = in_phrase or norm in ("of", "on", "for", "between", "in")
                between = between or norm == "between"
                k += 1
                if norm == "+":
                    good = k
            else:
                break
        while good > start and view.norms[good - 1] in _EN_TRAIL:
            good -= 1
        return good

    def _headed_run(self, view: TokenView, k: int) -> bool:
        """The capitalised run at *k* ends with a head of its own ("Baltic Nuclear Services JSC"): another
        name, not the second item of a list inside this one ("of Industry and Trade")."""
        for i in range(k + 1, min(k + 6, len(view))):
            if not view.is_cap(i) or not view.same_sentence(k, i):
                return False
            if self.heads.match(view, i):
                return True
        return False

    def start_en(
        self,
        view: TokenView,
        head: int,
        floor: int,
        mention_ends: set[int] = frozenset(),
        company: bool = False,
    ) -> int:
        """First token of the Title Case modifiers before an English head ("Free Trade Agreement").

        A possessive belongs to the name ("Supreme People's Procuracy") unless it follows an actor
        ("Russia's Federal Agency"): then the name starts after it. A company's name may hold an "and"
        between capitalised words ("Binh Son Refining and Petrochemical JSC"), but not after another
        name or its legal form ("Novaya Energiya LLC and Binh Son ...").
        """
        k = head
        before_and = None
        while k - 1 >= floor and view.same_sentence(k - 1, head) and not view.noisy[k - 1]:
            prev = k - 1
            if (
                company
                and view.norms[prev] == "and"
                and prev - 1 >= floor
                and view.is_cap(prev - 1)
                and prev not in mention_ends
                and not self.heads.match(view, prev - 1)
                and view.is_cap(k)
            ):
                before_and = k if before_and is None else before_and
                k = prev
                continue
            if (
                view.norms[prev] == "s"
                and prev >= 1
                and view.texts[prev - 1] in ("'", "’")
                and prev - 1 in mention_ends
            ):
                break
            if _modifier_before(view, prev, floor):
                k = prev
            else:
                break
        while k < head and view.norms[k] in _EN_TRAIL:
            k += 1
        if before_and is not None and k > 0 and view.norms[k - 1] in ("for", "of", "on", "in"):
            return before_and  # "Institute for Reactor Physics and Baltic ... JSC": two names, not one
        return k


# English month names, their abbreviations and weekday names: a word of a date, never of a name
MONTHS_AND_DAYS = frozenset(MONTHS_EN) | frozenset(WEEKDAYS_EN)


def _count_in_name(view: TokenView, k: int) -> bool:
    """ "Supply of 40 Metro Cars": a count before a Title Case word is part of the name; a day ("22
    January"), a year or a number before anything else is not."""
    nxt = k + 1
    return (
        len(view.texts[k]) <= 3
        and nxt < len(view)
        and view.same_sentence(k, nxt)
        and view.is_cap(nxt)
        and not view.texts[nxt][0].isdigit()
        and view.norms[nxt] not in MONTHS_AND_DAYS
        and (k == 0 or view.norms[k - 1] not in MONTHS_AND_DAYS)
    )


def _modifier_before(view: TokenView, prev: int, floor: int) -> bool:
    """Token *prev* belongs to the Title Case modifiers of an English head ("Free Trade", "ASEAN-Russia")."""
    if _abbreviation_stop(view, prev):
        return True  # "St. Petersburg ... Forum"
    if view.is_cap(prev) and view.texts[prev] not in ("The", "A", "An", "This", "That", "On", "In", "At"):
        return view.norms[prev] not in MONTHS_AND_DAYS
    if view.norms[prev] == "-" and prev - 1 >= floor and view.is_cap(prev - 1):
        # "ASEAN-Russia", but not a dateline's "Jan. 23 - " before the name
        return not view.texts[prev - 1][0].isdigit()
    return view.texts[prev] in ("'", "’") or (view.norms[prev] == "s" and view.texts[prev - 1] in ("'", "’"))
