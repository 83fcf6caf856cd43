"""Settings: ``main`` for serving and commands, ``test`` for the test suite, both on ``base``."""
