"""Finding typed entity mentions in a Document (entry point:
loaders.mentions.find.find_mentions)."""
