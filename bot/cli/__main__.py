"""`python3 -m bot.cli` runs the `alliance-bot` command."""

import sys

from bot.cli.main import main

sys.exit(main())
