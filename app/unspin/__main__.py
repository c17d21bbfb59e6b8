"""Allow ``python -m unspin``."""

import sys

from unspin.cli import main

if __name__ == "__main__":
    sys.exit(main())
