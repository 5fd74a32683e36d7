"""``python -m casegraph``: the same as the ``casegraph`` command."""

from casegraph.cli import main

if __name__ == "__main__":
    main()
