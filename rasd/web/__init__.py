"""The web application and JSON API (FastAPI) over the store.

``rasd.web.app.create_app(store, WebSettings())`` builds the application;
nothing is imported here so the command line starts fast.
"""
