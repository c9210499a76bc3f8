"""The application: pages of the workflow, each a small route module over the pipeline's functions."""
from __future__ import annotations

import secrets
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..errors import UserError
from ..settings import Settings
from .pages import not_found, unexpected, user_error
from .routes import MODULES
from .security import Guard, Policy
from .workspace import Workspace

HERE = Path(__file__).resolve().parent


def create_app(settings: Settings, workdir: Path, *, outdir: Path | None = None, token: str | None = None,
               policy: Policy | None = None) -> Starlette:
    """The web page over ``settings``; uploads and (unless ``outdir``) outputs live in the private ``workdir``.
    ``token`` set means served on the network: every request must carry it."""
    policy = policy or Policy(csrf=secrets.token_urlsafe(32), token=token)
    routes = [route for module in MODULES for route in module.ROUTES]
    routes.append(Mount("/tinh", StaticFiles(directory=HERE / "static"), name="static"))
    app = Starlette(routes=routes, middleware=[Middleware(Guard, policy=policy)],
                    exception_handlers={UserError: user_error, 404: not_found, 405: not_found, 500: unexpected})
    environment = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(),
                              trim_blocks=True, lstrip_blocks=True)
    app.state.templates = Jinja2Templates(env=environment)
    app.state.settings = settings
    app.state.workspace = Workspace(workdir, outdir)
    app.state.policy = policy
    app.state.steps = [module.STEP for module in MODULES]
    return app
