"""Reading a file into a Document: decode, clean, rejoin, deduplicate, split into sentences,
find sections and articles (entry point: loaders.read.document.read_document)."""
