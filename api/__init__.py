"""HTTP in front of the graph: the SPARQL 1.1 endpoint, linked-data pages and browser views."""
