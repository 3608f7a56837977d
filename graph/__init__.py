"""The store: load, infer, validate, version, publish and dump; embedded Oxigraph or a remote SPARQL 1.1 store."""
