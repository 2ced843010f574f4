"""Neo4j connection settings and opening a verified driver.

Settings come from explicit options first, then the environment (NEO4J_URI, NEO4J_USER,
NEO4J_PASSWORD, NEO4J_DATABASE), as set by ``eval "$(scripts/neo4j-local env)"``.
The password is never printed, logged or put into an error message: the dataclass hides
it from ``repr`` and every message below names only the URI, user and database.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.errors import ConnectionFailure
from kg.neo4j_queries import PING

if TYPE_CHECKING:
    from neo4j import Driver

DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"
CONNECTION_TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True, slots=True)
class Neo4jSettings:
    uri: str
    user: str = DEFAULT_USER
    password: str | None = field(default=None, repr=False)
    database: str = DEFAULT_DATABASE

    def describe(self) -> str:
        """Where we connect, for messages (never the password)."""
        return f"{self.uri} (user {self.user!r}, database {self.database!r})"


def resolve_settings(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Neo4jSettings | None:
    """Settings from options, falling back to the environment; None when no URI is set."""
    env = os.environ if environ is None else environ
    resolved_uri = uri or env.get("NEO4J_URI")
    if not resolved_uri:
        return None
    return Neo4jSettings(
        uri=resolved_uri,
        user=user or env.get("NEO4J_USER") or DEFAULT_USER,
        password=password if password is not None else env.get("NEO4J_PASSWORD"),
        database=database or env.get("NEO4J_DATABASE") or DEFAULT_DATABASE,
    )


def require_settings(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> Neo4jSettings:
    settings = resolve_settings(uri, user, password, database)
    if settings is None:
        raise ConnectionFailure(
            "no Neo4j configured: pass --uri or set NEO4J_URI "
            '(for a local server: scripts/neo4j-local start && eval "$(scripts/neo4j-local env)")'
        )
    return settings


def connect(settings: Neo4jSettings) -> Driver:
    """A driver whose server answered and accepted the credentials, else ConnectionFailure."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError

    auth = (settings.user, settings.password) if settings.password is not None else None
    try:
        driver = GraphDatabase.driver(settings.uri, auth=auth, connection_timeout=CONNECTION_TIMEOUT_SECONDS)
    except (ConfigurationError, ValueError) as exc:
        raise ConnectionFailure(f"invalid Neo4j URI {settings.uri!r}: {exc}") from None
    try:
        driver.verify_connectivity()
        # Ask the named database too: a missing database is a connection problem here.
        with driver.session(database=settings.database) as session:
            session.run(PING).consume()
    except AuthError:
        driver.close()
        raise ConnectionFailure(
            f"Neo4j at {settings.describe()} refused the credentials; check NEO4J_USER / "
            "NEO4J_PASSWORD (scripts/neo4j-local env prints the local ones)"
        ) from None
    except (DriverError, Neo4jError, OSError) as exc:
        driver.close()
        raise ConnectionFailure(f"cannot reach Neo4j at {settings.describe()}: {_first_line(exc)}") from None
    return driver


def _first_line(exc: BaseException) -> str:
    """The driver's own reason, shortened; its messages never include credentials."""
    message = getattr(exc, "message", None)  # Neo4jError keeps the server's text here
    text = " ".join(line.strip() for line in str(message or exc).splitlines() if line.strip())
    return text[:300] or type(exc).__name__


@contextmanager
def connection_errors(settings: Neo4jSettings) -> Iterator[None]:
    """Turn a server lost or a login refused during work into ConnectionFailure."""
    from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

    try:
        yield
    except AuthError:
        raise ConnectionFailure(f"Neo4j at {settings.describe()} refused the credentials") from None
    except (ServiceUnavailable, SessionExpired) as exc:
        raise ConnectionFailure(f"lost the connection to Neo4j at {settings.describe()}: {_first_line(exc)}") from None
