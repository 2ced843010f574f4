"""``python -m kg.cli``: the same as the ``kg`` command."""

import sys

from kg.cli.main import main

sys.exit(main())
