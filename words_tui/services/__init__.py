"""Use cases: the only layer the front-ends call. Dependencies come in as arguments."""
