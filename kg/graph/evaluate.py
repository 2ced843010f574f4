"""``kg eval``: precision, recall and F1 of extraction against a hand-made gold set.

Scoring is at document level (docs/annotation.md): an entity is (document, class, name),
a relation is (document, type, head, tail). A system entity matches a gold entity of the
same class when their name sets (canonical name and aliases, width-normalised) share a
name; matching is one-to-one. A relation matches when its type is the same and both ends
match (by name sets, whatever their class), in either direction for symmetric types.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import ENTITY_CLASSES, RELATION_TYPES, SYMMETRIC_RELATIONS, KnowledgeGraph


@dataclass(frozen=True, slots=True)
class NamedThing:
    doc: str
    type: str
    name: str
    names: frozenset[str]


@dataclass(frozen=True, slots=True)
class Fact:
    doc: str
    type: str
    head: frozenset[str]
    tail: frozenset[str]
    label: str


@dataclass(slots=True)
class Score:
    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    entities: dict[str, Score] = field(default_factory=dict)
    relations: dict[str, Score] = field(default_factory=dict)
    missed_entities: list[str] = field(default_factory=list)
    spurious_entities: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    spurious_relations: list[str] = field(default_factory=list)

    @staticmethod
    def total(scores: dict[str, Score]) -> Score:
        return Score(
            gold=sum(s.gold for s in scores.values()),
            predicted=sum(s.predicted for s in scores.values()),
            correct=sum(s.correct for s in scores.values()),
        )


def norm(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split()).lower()


def _names(name: str, aliases: list[str]) -> frozenset[str]:
    return frozenset(norm(n) for n in [name, *aliases] if n)


def read_gold(paths: list[Path], input_dir: Path | None = None) -> tuple[list[NamedThing], list[Fact]]:
    """Gold entities and facts. An entity's ``spans`` (offsets of surface forms that are no
    name, kept out of the gold file's words) count as its aliases when ``input_dir`` holds
    the documents."""
    entities: dict[tuple[str, str, str], NamedThing] = {}
    raw_relations = []
    texts: dict[str, str] = {}
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: gold file does not exist")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                if obj["kind"] == "entity":
                    key = (obj["doc"], obj["type"], norm(obj["name"]))
                    old = entities.get(key)
                    forms = [*obj.get("aliases", []), *_span_forms(obj, input_dir, texts)]
                    names = _names(obj["name"], forms)
                    entities[key] = NamedThing(
                        obj["doc"], obj["type"], obj["name"], names | (old.names if old else frozenset())
                    )
                elif obj["kind"] == "relation":
                    raw_relations.append({k: obj[k] for k in ("doc", "type", "head", "tail")})
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{number}: not a gold entity or relation ({exc!r})") from exc
    by_name: dict[tuple[str, str], frozenset[str]] = {}
    for e in entities.values():
        by_name[(e.doc, norm(e.name))] = by_name.get((e.doc, norm(e.name)), frozenset()) | e.names
    facts = {}
    for r in raw_relations:
        head = by_name.get((r["doc"], norm(r["head"])), frozenset({norm(r["head"])}))
        tail = by_name.get((r["doc"], norm(r["tail"])), frozenset({norm(r["tail"])}))
        label = f"{r['doc']} {r['type']} {r['head']} -> {r['tail']}"
        facts[(r["doc"], r["type"], norm(r["head"]), norm(r["tail"]))] = Fact(r["doc"], r["type"], head, tail, label)
    return list(entities.values()), list(facts.values())


def _span_forms(obj: dict[str, Any], input_dir: Path | None, texts: dict[str, str]) -> list[str]:
    spans = obj.get("spans") or []
    if not spans or input_dir is None:
        return []
    doc = obj["doc"]
    if doc not in texts:
        texts[doc] = _document_text(input_dir / doc)
    return [texts[doc][span["start"] : span["end"]] for span in spans]


def _document_text(path: Path) -> str:
    """The document a gold entity's spans point into; a missing or unreadable one is named."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: the gold points into this document, which cannot be read ({exc})") from exc


def system_output(graph: KnowledgeGraph, doc: str) -> tuple[list[NamedThing], list[Fact]]:
    """The document-level entities and relations one document's extraction produced."""
    entities = [
        NamedThing(doc, e.type, e.name, _names(e.name, e.aliases))
        for e in graph.entities.values()
        if any(m.doc == doc for m in e.mentions)
    ]
    facts: dict[tuple[str, str, str], Fact] = {}
    for r in graph.relations:
        if r.evidence.doc != doc:
            continue
        head, tail = graph.entities[r.head], graph.entities[r.tail]
        facts[(r.type, r.head, r.tail)] = Fact(
            doc,
            r.type,
            _names(head.name, head.aliases),
            _names(tail.name, tail.aliases),
            f"{doc} {r.type} {head.name} -> {tail.name}",
        )
    return entities, list(facts.values())


def _entity_class_scores(gold: list[NamedThing], system: list[NamedThing], scores: Scores) -> None:
    for cls in ENTITY_CLASSES:
        g = [e for e in gold if e.type == cls]
        s = [e for e in system if e.type == cls]
        pairs = _entity_pairs(g, s)
        scores.entities[cls] = Score(gold=len(g), predicted=len(s), correct=len(pairs))
        matched_g = {gi for gi, _ in pairs}
        matched_s = {si for _, si in pairs}
        scores.missed_entities += [f"{e.doc} {cls} {e.name}" for i, e in enumerate(g) if i not in matched_g]
        scores.spurious_entities += [f"{e.doc} {cls} {e.name}" for i, e in enumerate(s) if i not in matched_s]


def _entity_pairs(gold: list[NamedThing], system: list[NamedThing]) -> list[tuple[int, int]]:
    """(gold index, system index) of entities of one class that match: the same name first,
    then a shared name."""
    return _one_to_one(gold, system, lambda a, b: norm(a.name) == norm(b.name), lambda a, b: bool(a.names & b.names))


def matched_entities(gold: list[NamedThing], system: list[NamedThing]) -> set[int]:
    """The indices of ``system`` (one document's entities) that a gold entity matches, as
    scoring matches them."""
    matched: set[int] = set()
    for cls in ENTITY_CLASSES:
        g = [e for e in gold if e.type == cls]
        indices = [i for i, e in enumerate(system) if e.type == cls]
        matched |= {indices[si] for _, si in _entity_pairs(g, [system[i] for i in indices])}
    return matched


def _one_to_one(gold, system, *tests) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Greedy one-to-one matching, strictest test first."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_s: set[int] = set()
    for test in tests:
        for gi, g in enumerate(gold):
            if gi in used_g:
                continue
            for si, s in enumerate(system):
                if si not in used_s and test(g, s):
                    pairs.append((gi, si))
                    used_g.add(gi)
                    used_s.add(si)
                    break
    return pairs


def _fact_matches(g: Fact, s: Fact) -> bool:
    forward = bool(g.head & s.head) and bool(g.tail & s.tail)
    if forward or g.type not in SYMMETRIC_RELATIONS:
        return forward
    return bool(g.head & s.tail) and bool(g.tail & s.head)


def _relation_type_scores(gold: list[Fact], system: list[Fact], scores: Scores) -> None:
    for rel in RELATION_TYPES:
        g = [f for f in gold if f.type == rel]
        s = [f for f in system if f.type == rel]
        pairs = _one_to_one(g, s, _fact_matches)
        scores.relations[rel] = Score(gold=len(g), predicted=len(s), correct=len(pairs))
        matched_g = {gi for gi, _ in pairs}
        matched_s = {si for _, si in pairs}
        scores.missed_relations += [f.label for i, f in enumerate(g) if i not in matched_g]
        scores.spurious_relations += [f.label for i, f in enumerate(s) if i not in matched_s]


def score(
    gold_entities: list[NamedThing], gold_facts: list[Fact], sys_entities: list[NamedThing], sys_facts: list[Fact]
) -> Scores:
    scores = Scores()
    by_doc_g: dict[str, list[NamedThing]] = defaultdict(list)
    by_doc_s: dict[str, list[NamedThing]] = defaultdict(list)
    for e in gold_entities:
        by_doc_g[e.doc].append(e)
    for e in sys_entities:
        by_doc_s[e.doc].append(e)
    per_doc = []
    docs = set(by_doc_g) | set(by_doc_s) | {f.doc for f in gold_facts} | {f.doc for f in sys_facts}
    for doc in sorted(docs):
        doc_scores = Scores()
        _entity_class_scores(by_doc_g[doc], by_doc_s[doc], doc_scores)
        _relation_type_scores(
            [f for f in gold_facts if f.doc == doc], [f for f in sys_facts if f.doc == doc], doc_scores
        )
        per_doc.append(doc_scores)
    for doc_scores in per_doc:
        for table, target in ((doc_scores.entities, scores.entities), (doc_scores.relations, scores.relations)):
            for key, s in table.items():
                t = target.setdefault(key, Score())
                t.gold += s.gold
                t.predicted += s.predicted
                t.correct += s.correct
        scores.missed_entities += doc_scores.missed_entities
        scores.spurious_entities += doc_scores.spurious_entities
        scores.missed_relations += doc_scores.missed_relations
        scores.spurious_relations += doc_scores.spurious_relations
    return scores


GOLD_SUFFIX = ".gold.jsonl"


def documents_named_by(gold_paths: list[Path], named: Iterable[str] = (), input_dir: Path | None = None) -> set[str]:
    """Documents a gold file is about by its name, so that a document whose gold is empty (it
    names nothing) is still scored: ``X.gold.jsonl`` is the gold of the document named ``X``
    plus a suffix, the one its lines (``named``) or ``input_dir`` show, else ``X.txt``."""
    by_stem = {doc.rsplit(".", 1)[0]: doc for doc in named}
    documents = set()
    for path in gold_paths:
        if path.name.endswith(GOLD_SUFFIX):
            stem = path.name[: -len(GOLD_SUFFIX)]
            documents.add(by_stem.get(stem) or _document_in(stem, input_dir))
    return documents


def _document_in(stem: str, input_dir: Path | None) -> str:
    from loaders.read.formats.base import SUFFIXES  # the formats the readers read

    if input_dir is not None:
        for suffix in (".txt", ".md", *sorted(SUFFIXES)):
            if (input_dir / (stem + suffix)).is_file():
                return stem + suffix
    return stem + ".txt"


def extracted(docs: list[str], input_dir: Path) -> tuple[list[NamedThing], list[Fact]]:
    """What extraction finds in each of ``docs`` (names of files in ``input_dir``), as scored."""
    from kg.graph.build import build_graph
    from loaders.pipeline import extract_document

    sys_entities: list[NamedThing] = []
    sys_facts: list[Fact] = []
    for doc in docs:
        path = input_dir / doc
        if not path.exists():
            raise InputError(f"{path}: the gold file names this document, but it is not in {input_dir}")
        ents, facts = system_output(build_graph([extract_document(path)]), doc)
        sys_entities += ents
        sys_facts += facts
    return sys_entities, sys_facts


def gold_documents(
    gold_paths: list[Path], gold: tuple[list[NamedThing], list[Fact]], input_dir: Path | None = None
) -> list[str]:
    """The documents gold files are about: those their lines name, and those their names say."""
    entities, facts = gold
    named = {e.doc for e in entities} | {f.doc for f in facts}
    return sorted(named | documents_named_by(gold_paths, named, input_dir))


def evaluate_files(gold_paths: list[Path], input_dir: Path) -> Scores:
    gold = read_gold(gold_paths, input_dir)
    return score(*gold, *extracted(gold_documents(gold_paths, gold, input_dir), input_dir))


def _row(name: str, s: Score) -> str:
    return f"{name:<26}{s.gold:>6}{s.predicted:>6}{s.correct:>6}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"


def format_scores(scores: Scores, fmt: str) -> str:
    if fmt == "json":

        def pack(table: dict[str, Score]) -> dict[str, dict[str, float]]:
            return {
                k: {**asdict(v), "precision": v.precision, "recall": v.recall, "f1": v.f1} for k, v in table.items()
            }

        data = {
            "entities": pack(scores.entities),
            "relations": pack(scores.relations),
            "entities_total": pack({"all": Scores.total(scores.entities)})["all"],
            "relations_total": pack({"all": Scores.total(scores.relations)})["all"],
            "missed_entities": scores.missed_entities,
            "spurious_entities": scores.spurious_entities,
            "missed_relations": scores.missed_relations,
            "spurious_relations": scores.spurious_relations,
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    header = f"{'':<26}{'gold':>6}{'pred':>6}{'ok':>6}{'P':>8}{'R':>8}{'F1':>8}"
    lines = ["Entities", header]
    lines += [_row(k, v) for k, v in scores.entities.items()]
    lines += [_row("ALL (micro)", Scores.total(scores.entities)), "", "Relations", header]
    lines += [_row(k, v) for k, v in scores.relations.items()]
    lines += [_row("ALL (micro)", Scores.total(scores.relations))]
    return "\n".join(lines) + "\n"
