"""Raw news text to RDF: a spaCy pipeline of rules, gazetteers and patterns, with sentence provenance.

Data flow (one document)::

    file bytes ─ reading.py ─▶ NFC text (UTF-8/UTF-16/Windows-1258, or InputError naming the file)
      │ metadata.py: corpus.tsv row, or language detected, title = first line that is not noise
      ▼
    spaCy Doc (config.cfg: blank "vi"/"en" + tokenizer.py, text kept byte for byte)
      pactgraph_noise      cleaning.py   noise spans masked, never deleted (offsets stay valid)
      pactgraph_sentences  sentences.py  glued full stops, abbreviations, list markers, captions
      pactgraph_dates      dates.py      xsd:date / gYearMonth / gYear, missing years from context
      pactgraph_entities   gazetteer.py (data/gazetteer.toml) + rules.py, names.py, people.py,
                           events.py (data/triggers.toml)
      pactgraph_facts      facts.py      sentence-level patterns only
      ▼
    to_rdf.py  doc_to_quads(): the one pure function from annotations to quads
      ▼
    run.py     extract_text() (one document) / extract_corpus() (N-Quads or TriG, atomic, sorted)

The components only annotate (``doc._.pg``, ``doc.spans["pg_mentions"]``, sentence starts). What
domain experts edit is data: aliases and entities in ``data/gazetteer.toml``, head words, titles and
verbs in ``data/triggers.toml``, fields of cooperation in ``ontology/areas.ttl``. ``pactgraph eval``
scores the output against ``tests/extract/gold`` (``evaluation.py``).
"""
