"""The KnowledgeGraph as an RDF dataset (Turtle, TriG, N-Quads, JSON-LD) and its SHACL
validation."""
