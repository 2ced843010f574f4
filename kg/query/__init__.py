"""Querying the built graph: SPARQL (pyoxigraph) and Cypher (Neo4j or embedded kglite)
front-ends, the SPARQL endpoint and its query page, the competency-question catalogue, text
tables."""
