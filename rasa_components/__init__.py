"""Custom Rasa components and the encrypted conversation store. Only the engine loads them
(its own environment): they import Rasa and scikit-learn, never the project's `bot`
package. Loading any of them also installs the engine's faster check of the action
server's answers (action_results.py)."""

from rasa_components import action_results

action_results.install()
