"""FrontDesk: the front desk of a repair service center."""

__version__ = "0.1.0"
