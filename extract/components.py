"""The spaCy components of the pipeline, registered as factories and configured in ``config.cfg``.

They only annotate the Doc (``doc._.pg``, ``doc.spans["pg_mentions"]``, sentence starts); the
separate pure function :func:`pactgraph.extract.to_rdf.doc_to_quads` writes RDF.
"""

import re
from functools import lru_cache

import numpy
from pactgraph.extract.areas import area_lexicon
from pactgraph.extract.cleaning import find_noise, mask
from pactgraph.extract.dates import find_dates
from pactgraph.extract.events import EventFinder
from pactgraph.extract.facts import FactFinder
from pactgraph.extract.gazetteer import Gazetteer
from pactgraph.extract.lexicon import triggers
from pactgraph.extract.merging import (
    merge_country_qualified,
    merge_kind_between_parties,
    merge_place_qualified,
    merge_references,
)
from pactgraph.extract.model import Fact, Mention, annotations
from pactgraph.extract.people import PersonFinder
from pactgraph.extract.rules import (
    Candidate,
    EntityFinder,
    drop_inside,
    resolve_overlaps,
    second_mentions,
)
from pactgraph.extract.sentences import split_sentences
from pactgraph.extract.tokens import TokenView
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

_CAPTION_GAP = 3  # a caption sentence is followed, within a few blanks, by its photo credit
_NON_BLANK = re.compile(r"\S")


@lru_cache(maxsize=4)
def _gazetteer(vocab: Vocab) -> Gazetteer:
    return Gazetteer(vocab)


@Language.factory("pactgraph_noise")
def make_noise(nlp: Language, name: str):  # noqa: ANN201
    def noise(doc: Doc) -> Doc:
        ann = annotations(doc)
        ann.text = ann.text or doc.text  # doc.text is rebuilt on every access: read it once
        ann.noise = find_noise(ann.text)
        ann.masked = mask(ann.text, ann.noise)
        return doc

    return noise


@Language.factory("pactgraph_sentences")
def make_sentences(nlp: Language, name: str):  # noqa: ANN201
    def sentences(doc: Doc) -> Doc:
        ann = annotations(doc)
        ann.sentences = split_sentences(ann.masked)
        credits = [s for s in ann.noise if s.kind in ("credit", "repeated")]
        seen: set[str] = set()
        for start, end in ann.sentences:
            body = " ".join(ann.text[start:end].split())
            # a credit follows when only blanks lie between: it starts before the next non-blank character
            # (searched once, instead of slicing the text up to every later credit)
            blank_until = _NON_BLANK.search(ann.text, end)
            reach = blank_until.start() if blank_until else len(ann.text)
            followed = any(0 <= c.start - end <= _CAPTION_GAP or end <= c.start <= reach for c in credits)
            if followed or body in seen:
                ann.captions.add((start, end))
            seen.add(body)
        # sentence starts in one array write (setting token.is_sent_start one by one is quadratic)
        if len(doc):
            # token offsets as one array (no Token objects): 1 where a sentence starts, -1 elsewhere
            idx = doc.to_array([IDX]).astype("int64").reshape(-1)
            starts = numpy.fromiter((s for s, _ in ann.sentences), dtype="int64")
            # sentence starts are sorted: a binary search per token (numpy.isin sorts both arrays anew)
            at = numpy.minimum(numpy.searchsorted(starts, idx), max(len(starts) - 1, 0))
            opens = starts[at] == idx if len(starts) else numpy.zeros(len(idx), dtype=bool)
            opens[0] = True
            flags = numpy.where(opens, 1, -1).astype("int64").reshape(-1, 1)
            flags = flags.view("uint64")  # spaCy's array type; -1 marks "not a sentence start"
            doc.from_array([SENT_START], flags)
        return doc

    return sentences


@Language.factory("pactgraph_dates")
def make_dates(nlp: Language, name: str):  # noqa: ANN201
    def dates(doc: Doc) -> Doc:
        ann = annotations(doc)
        ann.dates = find_dates(ann.masked, ann.sentences, ann.info.date)
        return doc

    return dates


@Language.factory("pactgraph_entities", default_config={"lang": "vi"})
def make_entities(nlp: Language, name: str, lang: str):  # noqa: ANN201
    lexicon = triggers()[lang]
    finder = EntityFinder(_gazetteer(nlp.vocab), lexicon)
    people = PersonFinder(finder.gazetteer, lexicon, finder.any_head)
    events = EventFinder(lexicon, finder.heads)

    def entities(doc: Doc) -> Doc:
        ann = annotations(doc)
        view = TokenView.of(doc, ann.masked, ann.sentences)
        top, nested = resolve_overlaps(finder.find(doc, view, ann))
        merge_references(top, nested, view)
        if lang == "en":
            merge_country_qualified(top, nested, view)
        merge_place_qualified(top, view)
        merge_kind_between_parties(top, nested, view)
        again = second_mentions(view, top)
        top = sorted(drop_inside(top, again) + again, key=lambda c: c.start)
        found_people = people.find(view, top, ann)
        top = sorted(top + found_people.candidates, key=lambda c: c.start)
        found_events = events.find(view, top, ann)
        top = sorted(top + found_events.candidates, key=lambda c: (c.start, -c.end))
        ann.facts.extend(found_people.facts + found_events.facts)
        _register(ann, view, top, nested)
        ann.work.update(view=view, top=top, nested=nested)
        doc.spans["pg_mentions"] = _spans(doc, view, top)
        return doc

    return entities


@Language.factory("pactgraph_facts", default_config={"lang": "vi"})
def make_facts(nlp: Language, name: str, lang: str):  # noqa: ANN201
    finder = FactFinder(triggers()[lang], area_lexicon())

    def facts(doc: Doc) -> Doc:
        ann = annotations(doc)
        work = ann.work
        ann.facts.extend(finder.find(work["view"], work["top"], work["nested"], ann))
        for event_key, mechanism_key, position in work.get("sessions", []):
            sentence = ann.sentence_of(position)
            if sentence is not None and sentence not in ann.captions:
                ann.facts.append(Fact(event_key, "sessionOf", mechanism_key, sentence))
        ann.work.clear()
        return doc

    return facts


def _register(ann, view: TokenView, top: list[Candidate], nested: list[Candidate]) -> None:  # noqa: ANN001
    """Merge each mention's entity into the document's entities and record the mentions."""
    for cand, is_nested in [(c, False) for c in top] + [(c, True) for c in nested]:
        entity = ann.add_entity(cand.entity)
        if entity is not cand.entity:
            for lang, names in cand.entity.aliases.items():
                for alias in names:
                    entity.add_alias(lang, alias)
            for lang, label in cand.entity.labels.items():
                if lang not in entity.labels:
                    entity.labels[lang] = label
                elif entity.source == "rule" and label != entity.labels[lang]:
                    entity.add_alias(lang, label)
        cand.entity = entity
        start, end = view.starts[cand.start], view.ends[cand.end - 1]
        ann.mentions.append(Mention(start, end, entity.key, cand.source, is_nested))


def _spans(doc: Doc, view: TokenView, top: list[Candidate]) -> list[Span]:
    out = []
    for c in top:
        span = doc.char_span(
            view.starts[c.start], view.ends[c.end - 1], label=c.entity.cls, kb_id=c.entity.key
        )
        if span is not None:
            out.append(span)
    return out
