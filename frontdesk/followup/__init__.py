"""Call-backs, feedback cards, card supervision and satisfaction."""
