"""Custom Rasa components and the encrypted conversation store. Only the engine loads them
(its own environment): they import Rasa and scikit-learn, never the project's `bot`
package. Loading any of them also installs the engine's faster versions of two Rasa
internals (speedups.py)."""

from rasa_components import speedups

speedups.install()
