"""Readers for files that are not plain text (PDF, Word, HTML), one module per format
behind one interface (``base.Reader``); ``base.read_source`` picks one by suffix."""
