"""The extractor's shortcuts find exactly what the plain definitions they replace find.

Each speed-up skips work that cannot change the result (a date pattern whose required part is nowhere
in the text, a phrase set's starts looked up instead of scanned again, a pairwise test done by a
sweep); these tests compare each shortcut with the plain definition, on the test texts and on
random input. The caches the shortcuts use are bounded, so memory stays flat over a corpus.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from pactgraph.extract import cleaning, dates
from pactgraph.extract.cleaning import NoiseSpan, _inside_another, find_noise, mask
from pactgraph.extract.facts import _DATE_LEADS, _date_right_after, _opens_sentence
from pactgraph.extract.model import DocumentInfo
from pactgraph.extract.pipeline import make_doc, nlp_for
from pactgraph.extract.sentences import split_sentences
from pactgraph.extract.slugs import name_key, slugify
from pactgraph.extract.tokenizer import SOLID_TOKENS, _norm_and_fold
from pactgraph.extract.tokens import PhraseSet, TokenView, phrase_tokens

TEXTS = sorted((Path(__file__).parent / "texts").glob("*.txt"))
CORPUS = sorted((Path(__file__).parents[2] / "data" / "corpus").glob("*.txt"))

# dates the gated patterns must still find, next to texts where they cannot match
DATE_SNIPPETS = [
    "signed on May 29, 2015 in Moscow; the talks of 14-15 May 2025 and of May 14-15, 2025",
    "in May of 2019, on 3rd June, on Friday, June 5th and 29 May 2015; sept. 9, 2020",
    "Ngày 21 tháng 3 năm 2016, tháng 11 năm 2018 và ngày 5 THÁNG 6 NĂM 2020",
    "Hà Nội, 29/5/2015: hai bên ký kết, không có ngày tháng nào bằng tiếng Anh",
    "may mắn, tháng Năm, Monday Group, the 1990s, DEC 2020",
]


def _masked(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return mask(text, find_noise(text))


@pytest.mark.parametrize("text", [*(_masked(p) for p in TEXTS + CORPUS), *DATE_SNIPPETS])
def test_gated_date_patterns_find_what_every_pattern_finds(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentences = split_sentences(text)
    gated = dates.find_dates(text, sentences, "2024-06-07")
    monkeypatch.setattr(dates, "_GATED", {})
    assert gated == dates.find_dates(text, sentences, "2024-06-07")


def test_the_month_gate_lets_every_english_form_through() -> None:
    found = {d.value for d in dates.find_dates(DATE_SNIPPETS[0], split_sentences(DATE_SNIPPETS[0]), None)}
    assert {"2015-05-29", "2025-05-14"} <= found


def test_noise_inside_noise_of_its_kind_by_sweep_is_the_pairwise_rule() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        spans = set()
        for _ in range(rng.randint(0, 9)):
            start = rng.randint(0, 15)
            spans.add(NoiseSpan(start, start + rng.randint(0, 7), rng.choice(("credit", "byline"))))
        unique = sorted(spans)
        pairwise = {
            a
            for a in unique
            if any(b != a and b.kind == a.kind and b.start <= a.start and a.end <= b.end for b in unique)
        }
        assert _inside_another(unique) == pairwise, unique


def _view(path: Path) -> tuple[TokenView, str]:
    text = path.read_text(encoding="utf-8")
    lang = "vi" if path.name.startswith(("vi_", "0")) else "en"
    doc = make_doc(text, DocumentInfo("t", lang, "t"))
    ann = doc._.pg
    return TokenView.of(doc, ann.masked, ann.sentences), lang


@pytest.mark.parametrize("path", TEXTS[::4] + CORPUS[:1], ids=lambda p: p.stem)
def test_phrase_starts_in_any_range_are_the_tokens_a_scan_finds(path: Path) -> None:
    view, _ = _view(path)
    phrases = PhraseSet(["hợp tác", "Bộ trưởng", "ký", "agreement", "the", "Việt Nam", "-"])
    rng = random.Random(len(view))
    ranges = [(0, None), (-3, len(view) + 5)] + [
        tuple(sorted(rng.sample(range(-2, len(view) + 3), 2))) for _ in range(40)
    ]
    for lo, hi in ranges:
        end = len(view) if hi is None else min(hi, len(view))
        scanned = [k for k in range(max(lo, 0), end) if view.norms[k] in phrases.by_first]
        assert phrases.starts(view, lo, hi) == scanned, (lo, hi)


@pytest.mark.parametrize("path", TEXTS[::4] + CORPUS[:1], ids=lambda p: p.stem)
def test_the_tokens_whose_norm_is_folded_are_known_from_the_tokenizer(path: Path) -> None:
    view, _ = _view(path)
    assert view.folded == [
        i for i, (w, n) in enumerate(zip(view.texts, view.norms, strict=True)) if n != w.lower()
    ]


def test_the_caches_of_the_shortcuts_are_bounded() -> None:
    for cached in (name_key, slugify, _norm_and_fold, phrase_tokens):
        maxsize = cached.cache_info().maxsize
        assert maxsize is not None and maxsize <= 1 << 13, cached


def _plain_date_right_after(ann, gap_start: int):  # noqa: ANN001, ANN202 - the definition before the shortcut
    return next(
        (
            d
            for d in ann.dates
            if d.start >= gap_start
            and ann.text[gap_start : d.start].strip().lower() in ("", "ngày", "năm", "of", "dated")
            and (
                d.datatype != "gYear"
                or ann.text[d.start : d.end].strip()[:1].isdigit()
                or ann.text[d.start : d.end].lower().startswith("năm")
            )
        ),
        None,
    )


# every third news text (the noise-only ones hold no date to compare)
NEWS_TEXTS = [p for p in TEXTS if not p.name.startswith("noise_")]


@pytest.mark.parametrize("path", NEWS_TEXTS[::3] + CORPUS[:2], ids=lambda p: p.stem)
def test_the_date_after_an_instrument_and_the_date_opening_a_sentence_are_the_plain_ones(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lang = "vi" if path.name.startswith(("vi_", "0")) else "en"
    ann = make_doc(text, DocumentInfo("t", lang, "t", "2024-06-07"))._.pg
    assert ann.dates, "a text with dates tests this"
    for gap_start in sorted({d.start for d in ann.dates} | set(range(0, len(text), 7))):
        assert _date_right_after(ann, gap_start) == _plain_date_right_after(ann, gap_start), gap_start
    for sentence_start, _ in ann.sentences:
        for d in ann.dates:
            lead = " ".join(text[sentence_start : d.start].split()).lower()
            plain = d.start >= sentence_start and lead in _DATE_LEADS and text[d.end : d.end + 1] == ","
            assert _opens_sentence(text, sentence_start, d) == plain


NOISE_SNIPPETS = [
    "Liên hệ: (+84) 24 3825 2931, 0912 345 678 hoặc +7 495 123-45-67; email toasoan@baomoi.vn",
    "Ảnh: Nhan Sáng/TTXVN. Photo: Reuters. Nguồn ảnh: VGP. (Ảnh: Minh Đức/TTXVN)",
    "Theo phóng viên TTXVN, hai bên đã ký. Theo PV VNA , ... không có email ở đây @ nào cả",
]


@pytest.mark.parametrize("pattern", [cleaning._PHONE, cleaning._CREDIT, cleaning._INLINE_REPORTER])
def test_noise_patterns_with_a_first_character_look_ahead_match_as_without(pattern: re.Pattern[str]) -> None:
    plain = re.compile(re.sub(r"^\(\?=[^)]*\)", "", pattern.pattern), pattern.flags)
    assert plain.pattern != pattern.pattern
    texts = [p.read_text(encoding="utf-8") for p in TEXTS + CORPUS] + NOISE_SNIPPETS
    spans = [[m.span() for m in pattern.finditer(t)] for t in texts]
    assert spans == [[m.span() for m in plain.finditer(t)] for t in texts]
    assert any(spans[len(TEXTS + CORPUS) :])  # the snippets do hold such noise


def test_an_email_address_is_noise_and_text_without_at_sign_has_none() -> None:
    kinds = [s.kind for s in find_noise(NOISE_SNIPPETS[0])]
    assert "email" in kinds and "phone" in kinds
    assert "email" not in [s.kind for s in find_noise(NOISE_SNIPPETS[1])]


def _plain_tokens(text: str) -> tuple[list[str], list[bool], list[int]]:
    """Words, trailing spaces and solid-token starts as the tokenizer made them with a match per token."""
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[int] = []
    cursor = 0

    def gap_before(gap: str) -> None:
        if words and gap[0] == " ":
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)

    for match in re.finditer(r"\w+|[^\w\s]", text):
        if match.start() > cursor:
            gap_before(text[cursor : match.start()])
        starts.append(match.start())
        words.append(match.group())
        spaces.append(False)
        cursor = match.end()
    if text[cursor:]:
        gap_before(text[cursor:])
    return words, spaces, starts


def test_the_tokenizer_splits_as_a_match_per_token_did() -> None:
    tokenizer = nlp_for("vi").tokenizer
    rng = random.Random(11)
    alphabet = ["a", "Đ", "ệ", "1", " ", "  ", "\n", "\t", ".", "-", "–", "(", "\u00a0", "_"]
    texts = ["", " ", "\n", "Nga.Chủ tịch", " a  b ", *(p.read_text(encoding="utf-8") for p in TEXTS[:5])]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(500)]
    for text in texts:
        doc = tokenizer(text)
        words, spaces, starts = _plain_tokens(text)
        assert [t.text for t in doc] == words and [bool(t.whitespace_) for t in doc] == spaces, repr(text)
        assert doc.text == text
        assert doc.user_data[SOLID_TOKENS][2] == starts
