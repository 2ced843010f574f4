"""The entity rules are data (loaders/mentions/entity_rules.toml): the file is read whole
and checked, and a wrong table is refused with a message naming what is wrong."""

import pytest

from kg.errors import InputError
from kg.model import ENTITY_CLASSES
from kg.schema import subclasses
from loaders.mentions.rule_table import packaged_rule_table, parse_rule_table


def test_every_packaged_rule_names_an_ontology_class_and_owns_its_suffixes() -> None:
    table = packaged_rule_table()
    by_suffix = table.rules.by_suffix()  # raises if two rules claim one suffix
    for rule in table.rules:
        assert rule.type in ENTITY_CLASSES, rule.name
        assert rule.subtype is None or rule.subtype in subclasses(rule.type), rule.name
        assert rule.suffixes and all(by_suffix[s] is rule for s in rule.suffixes)
        assert 1 <= rule.min_stem <= rule.max_stem


def test_a_word_list_reference_expands_in_order() -> None:
    text = '[words]\nkinds = "甲 乙"\n[[rule]]\nname = "r"\nsuffixes = "丙 @kinds"\ntype = "Place"\n'
    rule = parse_rule_table(text, "mine.toml").rules.get("r")
    assert rule.suffixes == ("丙", "甲", "乙")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[rule]]\nname = "r"\nsuffixes = "@nowhere"\ntype = "Place"\n', "no word list 'nowhere'"),
        ('[[rule]]\nname = "r"\nsuffixes = "园"\ntype = "Place"\ncolour = "red"\n', "unknown field(s) colour"),
        ('[[rule]]\nname = "r"\nsuffixes = ["园"]\ntype = "Place"\n', "a word list is one string"),
        ('[[rule]]\nname = "r"\nsuffixes = "园"\n', "rule 1 (r)"),
        ('[[rule]]\nname = "r"\nsuffixes = "园"\ntype = "Place"\n' * 2, "registered twice"),
        ("[[rule]\n", "not TOML"),
    ],
)
def test_a_wrong_table_is_refused_naming_its_source(body: str, message: str) -> None:
    with pytest.raises(InputError, match="mine.toml") as caught:
        parse_rule_table(body, "mine.toml")
    assert message in str(caught.value)
