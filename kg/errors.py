"""One exception root for the whole toolkit; the CLI maps each kind to an exit code."""

from __future__ import annotations


class InnoKGError(Exception):
    """Root of every error the library raises on purpose."""

    exit_code = 1


class InputError(InnoKGError):
    """An input file or folder is missing, unreadable, undecodable or malformed."""

    exit_code = 2


class QueryError(InnoKGError):
    """A SPARQL or Cypher query was rejected by its engine."""

    exit_code = 2


class OutputError(InnoKGError):
    """An output could not be written; earlier outputs are left intact."""

    exit_code = 3


class ConnectionFailure(InnoKGError):
    """A server (Neo4j) could not be reached or refused the credentials."""

    exit_code = 4


class ValidationFailure(InnoKGError):
    """The graph does not conform to the SHACL shapes."""

    exit_code = 5
