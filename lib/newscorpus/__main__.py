"""``python -m newscorpus`` is the ``newscorpus`` command."""

import sys

from newscorpus.cli import main

sys.exit(main())
