"""The action server's one extension: rasa-sdk imports a package of this name and lets it
add routes to its Sanic app (rasa_sdk/plugin.py). It adds /nlg, Rasa's NLG callback, so
the engine's own responses are said in the resident's language (actions/nlg.py)."""

import sys

import pluggy
from sanic import Sanic

from actions import nlg

hookimpl = pluggy.HookimplMarker("rasa_sdk")


def init_hooks(manager: pluggy.PluginManager) -> None:
    manager.register(sys.modules[__name__])


@hookimpl
def attach_sanic_app_extensions(app: Sanic) -> None:
    app.add_route(nlg.respond, "/nlg", methods=["POST"])
