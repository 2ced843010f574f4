"""Neo4j connection settings and opening a verified driver.

Settings come from explicit options first, then the environment (NEO4J_URI, NEO4J_USER,
NEO4J_PASSWORD, NEO4J_DATABASE), as set by ``eval "$(scripts/neo4j-local env)"``.
The password is never printed, logged or put into an error message: the dataclass hides
it from ``repr``, messages name the URI only with any password in it masked (``user:***@``,
``password=***``), and ``redacted_errors`` masks the password in any message that still
carries it (a driver's text quoting the URI, for instance).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from kg.errors import ConnectionFailure, InnoKGError

if TYPE_CHECKING:
    from neo4j import Driver

DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"
CONNECTION_TIMEOUT_SECONDS = 10.0
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
# db.ping() answers on every database, the system database included (RETURN 1 does not).
PROBE = "CALL db.ping()"
MASK = "***"
_USERINFO_PASSWORD = re.compile(r"(?<=://)([^/@:\s]*):([^@/]*)@")  # a password may hold spaces
_QUERY_SECRET = re.compile(r"(?i)\b((?:password|passwd|pwd|secret|token|credentials)=)[^&#\s'\"]*")


@dataclass(frozen=True, slots=True)
class Neo4jSettings:
    uri: str
    user: str = DEFAULT_USER
    password: str | None = field(default=None, repr=False)
    database: str = DEFAULT_DATABASE

    def describe(self) -> str:
        """Where we connect, for messages (never the password)."""
        return f"{mask_uri(self.uri)} (user {self.user!r}, database {self.database!r})"

    def redact(self, text: str) -> str:
        return redact(text, self.password)


def mask_uri(uri: str) -> str:
    """The URI with a password in its user info or its query string replaced by ***."""
    return _QUERY_SECRET.sub(lambda m: m.group(1) + MASK, _USERINFO_PASSWORD.sub(rf"\1:{MASK}@", uri))


def redact(text: str, password: str | None = None) -> str:
    """``text`` with URI passwords masked and every occurrence of ``password`` too."""
    masked = mask_uri(text)
    if password:
        masked = masked.replace(password, MASK)
    return masked


def check_uri(uri: str) -> None:
    """Refuse, with a masked message, URIs the driver would fail on with a traceback or a leak."""
    shown = mask_uri(uri)
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError as exc:  # e.g. port 99999
        raise ConnectionFailure(f"invalid Neo4j URI {shown!r}: {redact(str(exc), uri)}; ports are 1-65535") from None
    if parts.scheme.lower() not in BOLT_SCHEMES:
        raise ConnectionFailure(f"invalid Neo4j URI {shown!r}: use one of {', '.join(s + '://' for s in BOLT_SCHEMES)}")
    if not parts.hostname:
        raise ConnectionFailure(f"invalid Neo4j URI {shown!r}: no host")
    if port == 0:
        raise ConnectionFailure(f"invalid Neo4j URI {shown!r}: ports are 1-65535")
    if parts.password is not None or _QUERY_SECRET.search(parts.query):
        raise ConnectionFailure(
            f"invalid Neo4j URI {shown!r}: do not put the password in the URI; set NEO4J_PASSWORD or pass --password"
        )


@contextmanager
def redacted_errors(*secrets: str | None) -> Iterator[None]:
    """Re-raise any toolkit error with URI passwords and the given secrets masked."""
    try:
        yield
    except InnoKGError as exc:
        message = str(exc)
        clean = mask_uri(message)
        for secret in secrets:
            if secret:
                clean = clean.replace(secret, MASK)
        if clean == message:
            raise
        raise type(exc)(clean) from None


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

    check_uri(settings.uri)
    auth = (settings.user, settings.password) if settings.password is not None else None
    try:
        driver = GraphDatabase.driver(settings.uri, auth=auth, connection_timeout=CONNECTION_TIMEOUT_SECONDS)
    except (ConfigurationError, ValueError, ImportError) as exc:
        raise ConnectionFailure(
            f"invalid Neo4j URI {mask_uri(settings.uri)!r}: {settings.redact(_first_line(exc))}"
        ) from None
    try:
        driver.verify_connectivity()
        # Ask the named database too: a missing database is a connection problem here.
        with driver.session(database=settings.database) as session:
            session.run(PROBE).consume()
    except AuthError:
        driver.close()
        raise ConnectionFailure(
            f"Neo4j at {settings.describe()} refused the credentials; check NEO4J_USER / "
            "NEO4J_PASSWORD (scripts/neo4j-local env prints the local ones)"
        ) from None
    except (DriverError, Neo4jError, OSError) as exc:
        driver.close()
        raise ConnectionFailure(
            f"cannot reach Neo4j at {settings.describe()}: {settings.redact(_first_line(exc))}"
        ) from None
    return driver


def _first_line(exc: BaseException) -> str:
    """The driver's own reason, shortened (it may quote the URI: callers redact it)."""
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
        raise ConnectionFailure(
            f"lost the connection to Neo4j at {settings.describe()}: {settings.redact(_first_line(exc))}"
        ) from None
