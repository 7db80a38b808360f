"""The reports database: models, engine/session setup and the queries the app needs."""
