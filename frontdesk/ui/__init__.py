"""The screens (PySide6).  Everything below ``frontdesk/`` outside this
package is plain Python; the screens only call its services."""
