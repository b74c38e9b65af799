"""`make bench`: the quality table (speed is added by bench.speed)."""

import sys

from .quality import main

sys.exit(main(sys.argv[1:]))
