"""Rules for where things are: LOCATED_IN and PART_OF between places."""
