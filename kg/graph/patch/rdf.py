"""The four RDF files of a build patched (kg.graph.patch.apply): the touched units' blocks
made from the new units alone, written into each file where the old ones stood.

kg.ttl and kg.nq describe each subject with all its triples, so an affected entity's block
there also holds the facts untouched documents state of it (from the ledger); kg.trig and
kg.jsonld keep those in the documents' own graphs, which do not change. The SHACL shapes are
checked on the new units with the class of every entity they point to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from kg.graph.patch import sorted_rdf
from kg.graph.patch.delta import GraphDelta, NeedsFullBuild
from kg.graph.patch.ledger import BuildLedger
from kg.ids import document_iri, entity_iri, relation_id, relation_iri
from kg.outputs import StagedFolder
from kg.query.stores import Fingerprinting

if TYPE_CHECKING:
    from kg.rdf.dataset import RdfQuads, Triple
    from kg.rdf.shacl_result import ShaclResult


def write_rdf_patch(
    old: Callable[[str], bytes], ledger: BuildLedger, delta: GraphDelta, staged: StagedFolder
) -> tuple[dict[str, object], ShaclResult]:
    """The four RDF files patched; kg.nq's fingerprint and the SHACL result of the touched units."""
    from kg.rdf import dataset as rdf

    own = rdf.to_quads(delta.graph)  # the touched documents' graphs, the affected entities
    direct = _direct_triples(delta)  # the affected entities' facts in untouched documents
    with_direct = _with_graphs(own, direct)
    keys = _keys(ledger, delta)
    with staged.open("kg.nq") as out:
        nquads = Fingerprinting(out.write)
        _patch_nquads(old("kg.nq"), rdf.serialize_nquads(with_direct), keys, nquads)
    with staged.open("kg.ttl") as out:
        _patch_turtle(old("kg.ttl"), rdf.serialize_turtle(with_direct), keys, out)
    with staged.open("kg.trig") as out:
        _patch_trig(old("kg.trig"), rdf.serialize_trig(own), keys, out)
    with staged.open("kg.jsonld") as out:
        _patch_jsonld(old("kg.jsonld"), rdf.serialize_jsonld(own), keys, out)
    return nquads.fingerprint(), _validated(with_direct, delta)


class _Keys:
    """What the touched documents and affected entities are, as keys of the RDF files."""

    def __init__(self, subjects: set[str], prefixes: set[str], described: set[str], graphs: set[str]) -> None:
        self.subjects = subjects  # every subject they describe (N3), in the union files
        self.prefixes = prefixes  # the touched documents' sentences (N3 prefixes)
        self.described = described  # what the default graph describes of them (N3)
        self.graphs = graphs  # their named graphs (IRIs)

    def affects(self, key: str) -> bool:
        return key in self.subjects or any(key.startswith(prefix) for prefix in self.prefixes)


def _keys(ledger: BuildLedger, delta: GraphDelta) -> _Keys:
    from kg.rdf.dataset import assertion_iri, document_graph_iri

    entities = {f"<{entity_iri(eid)}>" for eid in delta.affected}
    documents = {f"<{document_iri(name)}>" for name in delta.touched}
    assertions = {
        f"<{relation_iri(relation_id(*fact))}>"
        for name in delta.touched & ledger.documents.keys()
        for fact in ledger.documents[name].relations
    }
    assertions |= {f"<{assertion_iri(r)}>" for r in delta.graph.relations}
    return _Keys(
        entities | documents | assertions,
        {f"<{document_iri(name)}/" for name in delta.touched},
        entities | documents,
        {str(document_graph_iri(name)) for name in delta.touched},
    )


def _direct_triples(delta: GraphDelta) -> dict[str, list[Triple]]:
    """Per untouched document, the facts it states whose subject is an affected entity."""
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    from kg import schema

    found: dict[str, list[Triple]] = {}
    records = delta.ledger.documents
    for eid in delta.graph.entities:
        for contribution in delta.ledger.contributions.get(eid, ()):
            doc = contribution[0]
            if doc in delta.touched:
                continue
            for rel_type, head, tail, _, _ in records[doc].relations:
                if head != eid:
                    continue
                triples = found.setdefault(doc, [])
                subject, obj = URIRef(entity_iri(head)), URIRef(entity_iri(tail))
                triples.append((subject, schema.relation_property(rel_type), obj))
                if rel_type == "PART_OF" and delta.types[head][0] == delta.types[tail][0] == "IndustryChain":
                    triples.append((subject, SKOS.broader, obj))
    return found


def _with_graphs(quads: RdfQuads, extra: dict[str, list[Triple]]) -> RdfQuads:
    from kg.rdf.dataset import RdfQuads, document_graph_iri

    named = dict(quads.named)
    for name, triples in extra.items():
        iri = document_graph_iri(name)
        named[iri] = sorted(set(named.get(iri, [])) | set(triples), key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3()))
    return RdfQuads(default=quads.default, named=sorted(named.items(), key=lambda item: str(item[0])))


def _validated(quads: RdfQuads, delta: GraphDelta) -> ShaclResult:
    """The shapes checked on the touched units, with the class of every entity they point
    to (the untouched units were checked by the build before and do not change): the ends
    are given their classes only, and what the shapes say of the ends themselves is not
    theirs to say here."""
    from rdflib import RDF, URIRef

    from kg import schema
    from kg.rdf import shacl
    from kg.rdf.dataset import RdfQuads
    from kg.rdf.shacl_result import result_of

    inside = {URIRef(entity_iri(eid)) for eid in delta.graph.entities}
    prefix = entity_iri("")
    objects = {o for _, triples in quads.named for _, _, o in triples} | {o for _, _, o in quads.default}
    ends = {o for o in objects if isinstance(o, URIRef) and str(o).startswith(prefix) and o not in inside}
    typed = []
    for node in sorted(ends):
        entity_class, subtype, _ = delta.types[str(node)[len(prefix) :]]
        for cls in {schema.class_iri(entity_class), schema.most_specific_class(entity_class, subtype)}:
            typed.append((node, RDF.type, cls))
    result = shacl.validate(RdfQuads(default=[*quads.default, *typed], named=quads.named), "sparql")
    outside = {str(node) for node in ends} | {node.n3() for node in ends}
    return result_of([v for v in result.results if v.focus not in outside])


def _added(blocks: Iterator[tuple[str, bytes]], wanted: Callable[[str], bool]) -> dict[str, bytes]:
    """The partial file's blocks of the keys a patch changes (a subject's lines joined)."""
    added: dict[str, bytes] = {}
    for key, block in blocks:
        if wanted(key):
            added[key] = added.get(key, b"") + block
    return added


def _spans(region: sorted_rdf.Region, keys: Iterable[str], prefixes: Iterable[str] = ()) -> list[tuple[int, int]]:
    spans = [region.span(key) for key in keys] + [region.prefix_span(prefix) for prefix in prefixes]
    return [(a, b) for a, b in spans if a < b]


def _patch_nquads(old: bytes, partial: bytes, keys: _Keys, out: Fingerprinting) -> None:
    region = sorted_rdf.nquads_region(old)
    patch = sorted_rdf.RegionPatch(
        _spans(region, keys.subjects, keys.prefixes), _added(sorted_rdf.nquads_region(partial).blocks(), keys.affects)
    )
    sorted_rdf.patch_file(old, [(region, patch)], out.write)


def _patch_turtle(old: bytes, partial: bytes, keys: _Keys, out: Any) -> None:
    _, region = sorted_rdf.turtle_region(old)
    _, blocks = sorted_rdf.turtle_region(partial)
    patch = sorted_rdf.RegionPatch(_spans(region, keys.subjects, keys.prefixes), _added(blocks.blocks(), keys.affects))
    sorted_rdf.patch_file(old, [(region, patch)], out.write)


def _patch_trig(old: bytes, partial: bytes, keys: _Keys, out: Any) -> None:
    _, default, named = sorted_rdf.trig_regions(old)
    _, new_default, new_named = sorted_rdf.trig_regions(partial)
    _patch_two(old, (default, named), (new_default, new_named), keys, out)


def _patch_jsonld(old: bytes, partial: bytes, keys: _Keys, out: Any) -> None:
    default, named = sorted_rdf.jsonld_regions(old)
    if named.lo == named.hi:
        raise NeedsFullBuild("kg.jsonld holds no document's graph")
    _patch_two(old, (default, named), sorted_rdf.jsonld_regions(partial), keys, out)


def _patch_two(
    old: bytes,
    regions: tuple[sorted_rdf.Region, sorted_rdf.Region],
    partial: tuple[sorted_rdf.Region, sorted_rdf.Region],
    keys: _Keys,
    out: Any,
) -> None:
    """A file of a default graph and named graphs (TriG, JSON-LD) patched."""
    default, named = regions
    patches = [
        (
            default,
            sorted_rdf.RegionPatch(
                _spans(default, keys.described), _added(partial[0].blocks(), keys.described.__contains__)
            ),
        ),
        (
            named,
            sorted_rdf.RegionPatch(_spans(named, keys.graphs), _added(partial[1].blocks(), keys.graphs.__contains__)),
        ),
    ]
    sorted_rdf.patch_file(old, patches, out.write)
