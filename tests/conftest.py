"""Shared fixtures: a real Neo4j for tests marked ``neo4j``, small hand-built graphs,
and running the ``kg`` command line in a subprocess.

Neo4j is found through NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (as set by
``eval "$(scripts/neo4j-local env)"``), else through the state scripts/neo4j-local keeps
in .neo4j/. When nothing answers, a ``neo4j`` test fails when CI=true (a CI run must
never pass by skipping the database) and is skipped with instructions otherwise.

The ``clean_neo4j`` fixture empties the database it is pointed at: point the tests at the
project's local server, not at a database you care about.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kg.ids import entity_id
from kg.model import Document, Entity, Evidence, KnowledgeGraph, Mention, Relation, Sentence
from kg.viz.headless import CHROMIUM, CHROMIUM_ARGS
from loaders import ablation

REPO = Path(__file__).resolve().parents[1]
SHOTS = REPO / "test-output"  # screenshots of the browser tests, for a person to look at
LOCAL_STATE = Path(os.environ.get("NEO4J_LOCAL_DIR", REPO / ".neo4j"))
NEO4J_LOCAL = REPO / "scripts" / "neo4j-local"

# Runs `kg` exactly as the installed entry point does (kg.cli.main holds every command once imported).
KG_MAIN = "import sys\nfrom kg.cli.main import main\nsys.exit(main(sys.argv[1:]))\n"


# Modules that test what the relation rules say and leave unsaid ("absent" examples):
# they read the rules alone. The learned stages, which guess beyond the rules, are tested in
# test_pair_model.py and test_cross_pairs.py and, with everything else, by the quality floors.
_RULES_ALONE_MODULES = ("test_relations", "test_rule_examples", "test_patterns")


# Modules that test what the name rules find read them without the learned stages around them:
# the entity model, which leaves out names it scores unlikely (a one-sentence page gives a name
# no relation and few words around it), and the name tagger, which reads names the rules leave
# (as its annotators did, "研发集成电路技术" holds an industry to it). They are tested in
# test_entity_model.py and test_name_tagger.py and, with everything else, by the quality floors.
_NAME_RULES_MODULES = ("test_mentions", "test_extraction")


@pytest.fixture(autouse=True)
def _relation_rules_alone(request: pytest.FixtureRequest) -> Iterator[None]:
    if request.module.__name__.startswith(_RULES_ALONE_MODULES):
        with ablation.rules_alone():
            yield
    elif request.module.__name__.startswith(_NAME_RULES_MODULES):
        with ablation.disabled("entity-model"), ablation.disabled("name-tagger"):
            yield
    else:
        yield


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def local_neo4j_environment() -> dict[str, str]:
    """NEO4J_* variables from the environment, else from scripts/neo4j-local's state."""
    if os.environ.get("NEO4J_URI"):
        keys = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")
        return {k: os.environ[k] for k in keys if k in os.environ}
    port_file, password_file = LOCAL_STATE / "bolt-port", LOCAL_STATE / "password"
    if not (port_file.exists() and password_file.exists()):
        return {}
    return {
        "NEO4J_URI": f"bolt://127.0.0.1:{port_file.read_text().strip()}",
        "NEO4J_USER": "neo4j",
        "NEO4J_PASSWORD": password_file.read_text().strip(),
        "NEO4J_DATABASE": "neo4j",
    }


def _no_server(reason: str) -> None:
    message = (
        f"no Neo4j server answers ({reason}); start one with `scripts/neo4j-local start` "
        'and `eval "$(scripts/neo4j-local env)"`'
    )
    if in_ci():
        pytest.fail(f"CI=true and {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def neo4j_env() -> dict[str, str]:
    """The NEO4J_* variables of a server that answered (see the module docstring)."""
    from kg.errors import ConnectionFailure
    from kg.neo4j.config import connect, resolve_settings

    env = local_neo4j_environment()
    settings = resolve_settings(environ=env)
    if settings is None:
        _no_server("NEO4J_URI is not set and .neo4j/ holds no local server")
    assert settings is not None
    try:
        connect(settings).close()
    except ConnectionFailure as exc:
        _no_server(str(exc))
    return env


@pytest.fixture(scope="session")
def neo4j_settings(neo4j_env: dict[str, str]) -> Any:
    from kg.neo4j.config import resolve_settings

    return resolve_settings(environ=neo4j_env)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings: Any) -> Iterator[Any]:
    from kg.neo4j.config import connect

    driver = connect(neo4j_settings)
    yield driver
    driver.close()


@pytest.fixture()
def clean_neo4j(neo4j_driver: Any, neo4j_settings: Any) -> Any:
    """The driver, on an emptied database (constraints and indexes are kept)."""
    from kg.neo4j.load import wipe_database

    wipe_database(neo4j_driver, neo4j_settings.database)
    return neo4j_driver


def neo4j_local(env: dict[str, str], *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    """``scripts/neo4j-local ARGS`` with ``env``, its output captured."""
    return subprocess.run(
        [str(NEO4J_LOCAL), *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def private_neo4j_env(state: Path) -> dict[str, str]:
    """The environment of a scripts/neo4j-local server of a module's own, kept in ``state``
    (a small heap and page cache), so it neither needs nor touches the server other tests use."""
    return {**os.environ, "NEO4J_LOCAL_DIR": str(state), "NEO4J_LOCAL_HEAP": "512m", "NEO4J_LOCAL_PAGECACHE": "64m"}


@contextmanager
def running_neo4j(env: dict[str, str], timeout: float) -> Iterator[dict[str, str]]:
    """The server of ``env`` started, and stopped at the end; both must succeed."""
    started = neo4j_local(env, "start", timeout=timeout)
    try:
        assert started.returncode == 0, started.stdout + started.stderr
        yield env
    finally:
        stopped = neo4j_local(env, "stop", timeout=timeout)
        assert stopped.returncode == 0, stopped.stderr


# ------------------------------------------------------------------ small graphs


def _sentence(doc: str, index: int, start: int, text: str) -> Sentence:
    return Sentence(
        doc=doc,
        index=index,
        start=start,
        end=start + len(text),
        text=text,
        offsets=list(range(start, start + len(text))),
    )


def _mention(sentence: Sentence, surface: str, entity: Entity) -> Mention:
    at = sentence.text.index(surface)
    return Mention(
        doc=sentence.doc,
        sentence=sentence.index,
        start=sentence.start + at,
        end=sentence.start + at + len(surface),
        text=surface,
        type=entity.type,
        subtype=entity.subtype,
        canonical=entity.name,
        source="test",
        clean_start=at,
        clean_end=at + len(surface),
    )


def _entity(name: str, cls: str, subtype: str | None = None, **extra: Any) -> Entity:
    return Entity(id=entity_id(name), type=cls, subtype=subtype, name=name, **extra)


def _relation(kind: str, head: Entity, tail: Entity, sentence: Sentence, rule: str) -> Relation:
    evidence = Evidence(sentence.doc, sentence.index, sentence.text, sentence.start, sentence.end)
    return Relation(kind, head.id, tail.id, evidence, rule=rule, confidence=0.9)


def build_small_graph(copies: int = 1) -> KnowledgeGraph:
    """Two documents shaped like ours; ``copies`` > 1 repeats the whole pattern under new
    names, for tests that need more than one batch."""
    documents: list[Document] = []
    entities: dict[str, Entity] = {}
    relations: list[Relation] = []
    for n in range(copies):
        tag = "" if n == 0 else f"{n}"
        city = _entity(f"合肥市{tag}", "Place", "City", aliases=["合肥"], division_code="340100000000")
        uni = _entity(f"中国科学技术大学{tag}", "University", aliases=["中国科大"], wikidata="Q1002323")
        lab = _entity(f"量子信息重点实验室{tag}", "Laboratory", "NationalKeyLaboratory")
        chain = _entity(f"量子信息{tag}", "IndustryChain", "FutureIndustry")
        firm = _entity(f"科大国盾量子{tag}", "Enterprise")
        doc_a, doc_b = f"001_a{tag}.txt", f"002_b{tag}.txt"
        s_a0 = _sentence(doc_a, 0, 0, f"{uni.name}位于{city.name}。")
        s_a1 = _sentence(doc_a, 1, 20, f"{lab.name}依托{uni.name}建设，服务{chain.name}产业。")
        s_b0 = _sentence(doc_b, 0, 0, f"{firm.name}是{chain.name}龙头企业，与{uni.name}合作。")
        documents += [
            Document(
                name=doc_a,
                path=f"seeds/{doc_a}",
                encoding="utf-8",
                text="",
                sentences=[s_a0, s_a1],
                title="甲文",
                date="2024-05-01",
            ),
            Document(
                name=doc_b, path=f"seeds/{doc_b}", encoding="gb18030", text="", sentences=[s_b0], title=None, date=None
            ),
        ]
        for sentence, ents in ((s_a0, (uni, city)), (s_a1, (lab, uni, chain)), (s_b0, (firm, chain, uni))):
            for entity in ents:
                entity.mentions.append(_mention(sentence, entity.name, entity))
        entities.update({e.id: e for e in (city, uni, lab, chain, firm)})
        relations += [
            _relation("LOCATED_IN", uni, city, s_a0, "located-at"),
            _relation("OPERATED_BY", lab, uni, s_a1, "rely-on"),
            _relation("SUPPORTS_CHAIN", lab, chain, s_a1, "serve-chain"),
            _relation("PART_OF_CHAIN", firm, chain, s_b0, "leader-of"),
            _relation("COOPERATES_WITH", firm, uni, s_b0, "cooperate"),
        ]
    return KnowledgeGraph(documents=documents, entities=entities, relations=relations)


@pytest.fixture()
def small_graph() -> KnowledgeGraph:
    return build_small_graph()


@pytest.fixture()
def graph_factory() -> Callable[[int], KnowledgeGraph]:
    return build_small_graph


# ------------------------------------------------------------------ the seeds, built


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """seeds/ built once for every module that only reads the build (a test that would change
    it works on a copy), in a folder named out/ as `kg build` names it."""
    from kg.graph.build import build

    out = tmp_path_factory.mktemp("seeds-build") / "out"
    build(REPO / "seeds", out, warn=lambda _message: None)
    return out


# ------------------------------------------------------------------ documents to read


def write_document(folder: Path, data: str | bytes, name: str) -> Path:
    """``data`` as the file ``folder/name``: text in UTF-8, bytes as they are (any encoding, or none)."""
    path = folder / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


# ------------------------------------------------------------------ a user's pack

# One relation pattern a user might write: a place that "cultivates" (深耕耘) a chain focuses on it.
CULTIVATES = {
    "name": "cultivates",
    "type": "FOCUSES_ON",
    "head": "place",
    "tail": "chain",
    "after_cues": ["深耕耘"],
    "max_gap": 8,
    "confidence": 0.5,
}


def cultivates_pack(folder: Path) -> Path:
    """A new pack ``folder`` whose patterns.jsonl holds CULTIVATES alone."""
    folder.mkdir()
    (folder / "patterns.jsonl").write_text(json.dumps(CULTIVATES, ensure_ascii=False) + "\n", encoding="utf-8")
    return folder


# ------------------------------------------------------------------ the command line


def only_these_neo4j_settings(env: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment without its NEO4J_* variables, and ``env`` on top: a `kg`
    subprocess sees the Neo4j settings the test gives it and no others (no settings: the
    embedded engine)."""
    return {**{k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}, **(env or {})}


def kg_module(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m kg.cli ARGS`` from the checkout, with only the NEO4J_* settings of ``env``."""
    command = [sys.executable, "-m", "kg.cli", *args]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, cwd=REPO, env=only_these_neo4j_settings(env)
    )


@pytest.fixture()
def kg_argv() -> list[str]:
    """The argv prefix that runs ``kg`` in a fresh Python process (run it with cwd=REPO)."""
    return [sys.executable, "-c", KG_MAIN]


@pytest.fixture()
def run_kg() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``kg ARGS`` in a fresh Python process; ``env`` replaces the NEO4J_* variables."""

    def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", KG_MAIN, *args],
            cwd=REPO,
            env=only_these_neo4j_settings(env),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    return run


# ------------------------------------------------------------------ pages in a browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per test module (Playwright's sync API allows one at a time)."""
    from playwright import sync_api as playwright_api

    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@dataclass
class Watched:
    """A browser page and what it did: the requests it made, its console errors, its dialogs."""

    page: object
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def watch(page: Any, url: str) -> Watched:
    """Record ``page``'s requests, console errors and page errors from now on; dismiss its dialogs."""
    watched = Watched(page, url)
    page.on("request", lambda r: watched.requests.append(r.url))
    page.on("console", lambda m: watched.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watched.errors.append(str(e)))
    page.on("dialog", lambda d: (watched.dialogs.append(d.message), d.dismiss()))
    return watched


def wait_until_ready(page: Any) -> None:
    """Wait for the page's own ready mark.

    A selector, never ``wait_for_function``: when its first check fails, Playwright polls by
    evaluating a string, which the pages' CSP (no 'unsafe-eval') forbids, so such a wait fails
    only when the page is slow, that is at random.
    """
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=20000)


def assert_clean(w: Watched) -> None:
    """The page asked for nothing but itself and showed no error and no dialog."""
    assert [u for u in w.requests if u.split("#")[0] != w.url] == [], "page made network requests"
    assert w.errors == [] and w.dialogs == []


def shot(w: Watched, name: str, full: bool = True) -> None:
    SHOTS.mkdir(exist_ok=True)
    w.page.screenshot(path=str(SHOTS / name), full_page=full)  # type: ignore[attr-defined]


# ------------------------------------------------------------------ learned models


# Weights are rounded to five places when written; two runs of the same arithmetic may
# differ in the last bits of a sum, never by this much.
WEIGHT_TOLERANCE = 1e-3


def weights_learned_again(model: str, shipped: Path, out: Path) -> list[str]:
    """Train ``model`` ("pair" or "cross") with scripts/train-pair-model into ``out`` and
    return what differs from the ``shipped`` file: the sets trained on, the bias, the
    weighting, or the names of the weights that moved."""
    command = [sys.executable, str(REPO / "scripts" / "train-pair-model"), "--model", model, "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    learned, kept = json.loads(out.read_text(encoding="utf-8")), json.loads(shipped.read_text(encoding="utf-8"))
    settings = ("trained_on_gold_files", "sets_counted_more_than_once", "positive_weight")
    differs = [k for k in settings if learned.get(k) != kept.get(k)]
    if abs(learned["bias"] - kept["bias"]) >= WEIGHT_TOLERANCE:
        differs.append("bias")
    keys = set(learned["weights"]) | set(kept["weights"])
    return differs + sorted(
        k for k in keys if abs(learned["weights"].get(k, 0.0) - kept["weights"].get(k, 0.0)) >= WEIGHT_TOLERANCE
    )
