"""In-warranty claims to the makers and the old parts that go back
(docs/rules.md#claims-to-the-makers)."""
