"""meetingtui: run Swedish municipal crime-prevention and safety meetings from the terminal."""

__version__ = "0.1.0"
