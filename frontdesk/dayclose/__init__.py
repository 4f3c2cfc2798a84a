"""The day close (日结): figures, the drawer count, closing and locking a day."""
