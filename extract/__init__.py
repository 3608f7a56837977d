"""Raw news text to RDF: a spaCy pipeline of rules, gazetteers and patterns, with sentence provenance."""
