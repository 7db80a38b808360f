"""Custom Rasa components and the encrypted conversation store. Only the engine loads them
(its own environment): they import Rasa and scikit-learn, never the project's `bot`
package."""
