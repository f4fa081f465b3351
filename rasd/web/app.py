"""The application: reader pages, analyst views and the JSON API over one store."""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from rasd import __version__
from rasd.store import Store
from rasd.web import analyst, api, pages
from rasd.web.context import State, page
from rasd.web.security import BodyLimit, SecurityHeaders, security_headers
from rasd.web.settings import WebSettings


def create_app(store: Store, settings: WebSettings | None = None) -> FastAPI:
    settings = settings or WebSettings()
    app = FastAPI(title="rasd", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Arabic conflict news as structured, sourced, geolocated "
                              "events. Reading is open; writing needs a reviewer's token.")
    app.state.rasd = State(store, settings)
    app.add_middleware(SecurityHeaders, headers=security_headers(settings.tile_url))
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    static = str(resources.files("rasd.web").joinpath("static"))
    app.mount("/static", StaticFiles(directory=static, check_dir=False), name="static")
    app.include_router(api.router)
    # The pages are HTML for people; the OpenAPI description covers the API only.
    app.include_router(pages.router, include_in_schema=False)
    app.include_router(analyst.router, include_in_schema=False)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=exc.headers)
        ctx = page(request)
        return ctx.render("message.html", status=exc.status_code,
                          title=str(exc.status_code), message=str(exc.detail), back="/")

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return await request_validation_exception_handler(request, exc)
        ctx = page(request)
        message = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', []))}: {e.get('msg')}"
                            for e in exc.errors())
        return ctx.render("message.html", status=400, title="400", message=message, back="/")

    @app.get("/healthz", include_in_schema=False)
    def health() -> dict[str, Any]:
        return {"ok": True, "articles": store.counts()["articles"]}

    return app
