"""Rules about industry chains: FOCUSES_ON, SUPPORTS_CHAIN, PART_OF_CHAIN, UPSTREAM_OF, PART_OF
between chains."""
