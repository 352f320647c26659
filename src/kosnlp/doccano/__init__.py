"""The doccano round trip: a server in its own environment (server.py), a thin adapter
over doccano-client (client.py), and push / pull of sentences and spans (push.py, pull.py)."""
