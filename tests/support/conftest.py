"""The fixture projects under projects/ carry their own tests: they run only inside their copies."""

collect_ignore = ["projects"]
