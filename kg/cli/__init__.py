"""The ``kg`` command line: kg.cli.main holds the group; each module adds its commands."""
