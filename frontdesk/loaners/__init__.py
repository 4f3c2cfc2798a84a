"""Loaner units (周转机), lending and returns, and pull-back repairs (拉修)."""
