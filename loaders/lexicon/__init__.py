"""Reference data (data/: gazetteer, divisions, word lists, relation patterns) and the matchers
and packs over it."""
