"""Extractions -> one KnowledgeGraph: build, extraction, merge; and what is computed over it
(evaluation, analytics, exports)."""
