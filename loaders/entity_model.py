"""Names no annotator would call an entity, left out by a model learned from annotated text.

The mention rules type a name by its suffix, its list or the gazetteer; on pages unlike those
they were written for about one name in four they find is no entity of the gold: a verb glued
to a suffix (抓实产业), a word of a list that is no industry (大中小企业), a park no page calls a
place. This stage reads each entity of a document once every relation is found and scores it
with a logistic model over plain parts: the rules that found its mentions, the character and
word right before and after each mention, the name's length and its first and last
characters, how many mentions and other written forms it has, and the relations it takes part in, by type
and by the stage that found them. An entity scoring under the model's threshold is left out
with its mentions and relations, and each is reported (stage ``mentions``, reason
``entity-model:unlikely-name``).

Before that, a relation one of the learned stages guessed (``pair-model``, ``cross-sentence``)
is left out when the model finds a name at either end more likely wrong than right (a score
under 0.5), and reported (stage ``relations``, reason ``entity-model:unlikely-end``): a guess
about a doubtful name is worth less than the guess's own score says. The names are then
scored again without those guesses.

A name a relation rule related is kept whatever its score: a rule's relation is a statement
about that name, and the pages the project's rules were written on annotate the segments and
places such rules relate, which pages written elsewhere often leave out.

The weights are data (``data/entity_model.json`` of loaders.lexicon), learned by
``scripts/train-pair-model --model entity`` from the same gold as the pair model's; the model
is the pair model's logistic form, over entity classes where that has relation types.
``loaders.ablation``'s part ``entity-model`` switches it off.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from kg.model import Document, Dropped, Entity, Mention, Relation
from loaders import ablation
from loaders.relations.cross_pairs import RULE_NAME as CROSS_RULE
from loaders.relations.pair_model import RULE_NAME as PAIR_RULE
from loaders.relations.pair_model import PairModel, model_from_json, model_words

MODEL_FILE = "data/entity_model.json"
DROP_REASON = "entity-model:unlikely-name"
GUESS_DROP_REASON = "entity-model:unlikely-end"
# A learned stage's relation needs both its names at least this likely. Measured on the four
# sets no model learned from (web-BF to BI), relation F1 rose on each, by 0.002 to 0.013, and
# entity F1 by 0.003 to 0.007 (README, "Quality"); 0.5 is where a name is as likely right as wrong.
GUESS_END_FLOOR = 0.5
_LEARNED_STAGES = frozenset({PAIR_RULE, CROSS_RULE})
_WORD_WINDOW = 8  # characters read on each side of a mention for the word next to it
_LENGTH_BUCKETS = (2, 3, 4, 6, 9, 14)
_MENTION_BUCKETS = (1, 2, 4)
_SOURCE_BUCKETS = (1, 2)
_FORM_BUCKETS = (0, 1, 3)
_NO_RELATION = frozenset({"norel"})


@dataclass(frozen=True, slots=True)
class CheckedEntities:
    entities: list[Entity]
    mentions: list[Mention]
    relations: list[Relation]
    dropped: list[Dropped] = field(default_factory=list)

    def without(self, document: Document, names: list[Entity], reason: str) -> CheckedEntities:
        """These less ``names`` (entities of ``document``) with their mentions and relations,
        each name reported as dropped for ``reason``."""
        if not names:
            return self
        gone = {e.id for e in names}
        gone_names = {(e.name, e.type) for e in names}
        return CheckedEntities(
            entities=[e for e in self.entities if e.id not in gone],
            mentions=[m for m in self.mentions if (m.canonical, m.type) not in gone_names],
            relations=[r for r in self.relations if r.head not in gone and r.tail not in gone],
            dropped=[*self.dropped, *(_dropped(document, e, reason) for e in names)],
        )


def check_entities(
    document: Document,
    entities: list[Entity],
    mentions: list[Mention],
    relations: list[Relation],
    model: PairModel | None = None,
) -> CheckedEntities:
    """The entities, mentions and relations of ``document`` less the names ``model`` (the
    project's, unless given) finds unlikely; what it leaves out is in ``dropped``."""
    if not ablation.enabled("entity-model"):
        return CheckedEntities(list(entities), list(mentions), list(relations))
    model = model or default_entity_model()
    # (what the model reads of a name apart from its relations is read once: speed)
    names = {e.id: name_parts(document, e) for e in entities}
    stages = relation_stages(relations)
    guesses = _guesses(entities, relations, model, names, stages)
    believed = [r for r in relations if id(r) not in guesses]
    unlikely = _unlikely(entities, relation_stages(believed) if guesses else stages, model, names)
    guessed = [_dropped_guess(document, r) for r in relations if id(r) in guesses]
    believed_only = CheckedEntities(list(entities), list(mentions), believed, guessed)
    return believed_only.without(document, unlikely, DROP_REASON)


def unlikely_entities(
    document: Document, entities: list[Entity], relations: list[Relation], model: PairModel
) -> list[Entity]:
    """The entities of ``document`` that score under ``model``'s threshold and that no relation
    rule related."""
    return _unlikely(entities, relation_stages(relations), model, {e.id: name_parts(document, e) for e in entities})


def _guesses(
    entities: list[Entity],
    relations: list[Relation],
    model: PairModel,
    names: dict[str, frozenset[str]],
    stages: dict[str, frozenset[str]],
) -> set[int]:
    """The ``id()`` of each relation of a learned stage with a name at either end that
    ``model`` scores under GUESS_END_FLOOR (read with every relation of the document)."""
    learned = [r for r in relations if r.rule in _LEARNED_STAGES]
    if not learned:
        return set()
    score = {e.id: _confidence(model, e, names[e.id], stages.get(e.id, frozenset())) for e in entities}
    return {id(r) for r in learned if min(score.get(r.head, 1.0), score.get(r.tail, 1.0)) < GUESS_END_FLOOR}


def _unlikely(
    entities: list[Entity], stages: dict[str, frozenset[str]], model: PairModel, names: dict[str, frozenset[str]]
) -> list[Entity]:
    unlikely = []
    for entity in entities:
        ends = stages.get(entity.id, frozenset())
        if any(part.endswith("|rule") for part in ends):
            continue
        if _confidence(model, entity, names[entity.id], ends) < model.threshold:
            unlikely.append(entity)
    return unlikely


def _confidence(model: PairModel, entity: Entity, name: frozenset[str], ends: frozenset[str]) -> float:
    return model.confidence(model.logit(entity.type, tuple(sorted(name | (ends or _NO_RELATION)))))


def relation_stages(relations: Iterable[Relation]) -> dict[str, frozenset[str]]:
    """Per entity id, the relations it takes part in as parts: which end, the type, and the
    stage that found it ("hLOCATED_IN|rule", "tPART_OF_CHAIN|pair-model")."""
    stages: dict[str, set[str]] = defaultdict(set)
    for relation in relations:
        stage = relation.rule if relation.rule in _LEARNED_STAGES else "rule"
        stages[relation.head].add(f"h{relation.type}|{stage}")
        stages[relation.tail].add(f"t{relation.type}|{stage}")
    return {entity_id: frozenset(parts) for entity_id, parts in stages.items()}


def entity_parts(document: Document, entity: Entity, relation_parts: frozenset[str]) -> list[str]:
    """What the model reads of ``entity`` in ``document``, sorted (training stores the same)."""
    return sorted(name_parts(document, entity) | (relation_parts or _NO_RELATION))


def name_parts(document: Document, entity: Entity) -> frozenset[str]:
    """What the model reads of ``entity`` in ``document`` apart from its relations."""
    own = [m for m in entity.mentions if m.doc == document.name]
    parts: set[str] = set()
    for mention in own:
        parts.add(f"src={mention.source}")
        parts |= _context_parts(document, mention)
    name = entity.name
    parts |= {
        f"len={_bucket(len(name), _LENGTH_BUCKETS)}",
        f"e1={name[-1:]}",
        f"e2={name[-2:]}",
        f"b1={name[:1]}",
        f"nm={_bucket(len(own), _MENTION_BUCKETS)}",
        f"ns={_bucket(len({m.source for m in own}), _SOURCE_BUCKETS)}",
        # (the forms as the rules read them, not the entity's aliases: a page in traditional
        # script adds its own spellings there, and must score as its simplified copy does)
        f"fm={_bucket(len({m.written for m in own} - {name}), _FORM_BUCKETS)}",
    }
    return frozenset(parts)


def _context_parts(document: Document, mention: Mention) -> set[str]:
    """The character and the word right before and right after ``mention`` in its sentence."""
    if mention.clean_end <= mention.clean_start or not 0 <= mention.sentence < len(document.sentences):
        return set()
    text = document.sentences[mention.sentence].text
    start, end = mention.clean_start, mention.clean_end
    before = model_words(text[max(0, start - _WORD_WINDOW) : start])
    after = model_words(text[end : end + _WORD_WINDOW])
    return {
        f"l1={text[start - 1] if start > 0 else '^'}",
        f"r1={text[end] if end < len(text) else '$'}",
        f"r2={text[end : end + 2]}",
        f"lw={before[-1] if before else '^'}",
        f"rw={after[0] if after else '$'}",
    }


def _bucket(n: int, limits: tuple[int, ...]) -> str:
    for bucket, limit in enumerate(limits):
        if n <= limit:
            return str(bucket)
    return str(len(limits))


def _dropped_guess(document: Document, relation: Relation) -> Dropped:
    text = f"{relation.type} {relation.head} -> {relation.tail} ({relation.rule})"
    return Dropped(document.name, "relations", GUESS_DROP_REASON, relation.evidence.start, relation.evidence.end, text)


def _dropped(document: Document, entity: Entity, reason: str) -> Dropped:
    """The report of ``entity`` left out of ``document`` for ``reason``, at its first mention."""
    first = min((m for m in entity.mentions if m.doc == document.name), key=lambda m: m.start, default=None)
    if first is None:
        return Dropped(document.name, "mentions", reason, text=entity.name)
    return Dropped(document.name, "mentions", reason, first.start, first.end, first.text)


@cache
def default_entity_model() -> PairModel:
    text = resources.files("loaders.lexicon").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return model_from_json(json.loads(text), MODEL_FILE)
