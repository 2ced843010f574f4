"""InnoKG: a knowledge graph of a city's innovation ecosystem, built from Chinese documents."""

__version__ = "0.1.0"
