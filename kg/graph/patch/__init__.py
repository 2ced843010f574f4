"""Patching a build in place of rebuilding it: when a few documents of a large build are
added, changed or removed, only the units they touch are made again (kg.graph.patch.apply)."""
