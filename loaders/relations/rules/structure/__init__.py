"""Rules that read the document's structure (a heading over a paragraph, a table's header row)
and state several relation types."""
