"""Relation extraction: the engine (engine, registry, view, scope, patterns, rule set); the
rules themselves are in rules/, grouped by relation type."""
