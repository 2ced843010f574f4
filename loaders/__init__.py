"""Reading documents and extracting entities and relations from them."""
