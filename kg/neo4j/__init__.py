"""Loading the built graph into Neo4j: connection settings, statements, batched load, stale
facts."""
