"""Rules between organisations: OPERATED_BY, COOPERATES_WITH, PART_OF between organisations,
branches."""
